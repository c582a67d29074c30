package dev.cairn.failure;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What went wrong in an activity, orchestration, sub-orchestration or entity operation, in a form that can be
 * stored and shown: the exception type, its message, its stack trace and the failure that caused it.
 *
 * <p>Details are truncated to {@link #MAX_MESSAGE_CHARS} and {@link #MAX_STACK_CHARS}, and the cause chain to
 * {@link #MAX_CAUSE_DEPTH} levels, so that a huge exception can never be the reason a commit fails.
 *
 * @param errorType the fully qualified class name of the exception
 * @param errorMessage its message, possibly empty, never null
 * @param stackTrace its stack trace as text, possibly empty, never null
 * @param cause the failure that caused this one, or null
 * @param nonRetriable true when a retry policy must not retry this failure
 */
public record FailureDetails(
    String errorType, String errorMessage, String stackTrace, FailureDetails cause, boolean nonRetriable) {

  /** Longest message kept; the rest is cut and marked. */
  public static final int MAX_MESSAGE_CHARS = 4_096;

  /** Longest stack trace kept; the rest is cut and marked. */
  public static final int MAX_STACK_CHARS = 16_384;

  /** Deepest cause chain kept. */
  public static final int MAX_CAUSE_DEPTH = 5;

  /** Normalises nulls and truncates oversized text. */
  public FailureDetails {
    errorType = Objects.requireNonNullElse(errorType, "java.lang.Exception");
    errorMessage = truncate(Objects.requireNonNullElse(errorMessage, ""), MAX_MESSAGE_CHARS);
    stackTrace = truncate(Objects.requireNonNullElse(stackTrace, ""), MAX_STACK_CHARS);
  }

  /** Details with a type and message only. */
  public static FailureDetails of(String errorType, String errorMessage) {
    return new FailureDetails(errorType, errorMessage, "", null, false);
  }

  /** Captures a throwable, its stack and its causes. */
  public static FailureDetails from(Throwable t) {
    return from(t, 0, new IdentityHashMap<>());
  }

  private static FailureDetails from(Throwable t, int depth, Map<Throwable, Boolean> seen) {
    if (t instanceof TaskFailedException tfe && depth == 0) {
      // A task failure re-thrown by orchestration code: keep what failed underneath, say where it surfaced.
      return new FailureDetails(
          t.getClass().getName(), t.getMessage(), stackOf(t), tfe.details(), false);
    }
    seen.put(t, Boolean.TRUE);
    Throwable next = t.getCause();
    FailureDetails cause =
        next == null || depth + 1 >= MAX_CAUSE_DEPTH || seen.containsKey(next)
            ? null
            : from(next, depth + 1, seen);
    boolean nonRetriable = t instanceof NonRetriableFailure;
    return new FailureDetails(t.getClass().getName(), t.getMessage(), stackOf(t), cause, nonRetriable);
  }

  private static String stackOf(Throwable t) {
    StringWriter out = new StringWriter();
    StackTraceElement[] frames = t.getStackTrace();
    PrintWriter writer = new PrintWriter(out);
    for (StackTraceElement frame : frames) {
      writer.append("\tat ").append(String.valueOf(frame)).append('\n');
      if (out.getBuffer().length() > MAX_STACK_CHARS) {
        break;
      }
    }
    writer.flush();
    return out.toString();
  }

  private static String truncate(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    return text.substring(0, max) + "... [" + (text.length() - max) + " more characters cut]";
  }

  /**
   * Whether this failure, or one of its causes, is an exception of the given type or a subtype of it. Types
   * are compared by name first and, when the class can be loaded, by assignability.
   */
  public boolean isCausedBy(Class<? extends Throwable> type) {
    for (FailureDetails f = this; f != null; f = f.cause()) {
      if (f.errorType().equals(type.getName()) || isSubtype(f.errorType(), type)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isSubtype(String className, Class<?> type) {
    try {
      return type.isAssignableFrom(
          Class.forName(className, false, Thread.currentThread().getContextClassLoader()));
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  /** A one-line summary: {@code type: message}. */
  public String summary() {
    return errorMessage.isEmpty() ? errorType : errorType + ": " + errorMessage;
  }
}
