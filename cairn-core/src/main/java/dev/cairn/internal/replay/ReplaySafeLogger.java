package dev.cairn.internal.replay;

import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.AbstractLogger;

/** An SLF4J logger that says nothing while orchestration code is replaying, so each message appears once. */
final class ReplaySafeLogger extends AbstractLogger {
  private static final long serialVersionUID = 1L;
  private final transient Logger delegate;
  private final transient BooleanSupplier replaying;

  ReplaySafeLogger(Logger delegate, BooleanSupplier replaying) {
    this.delegate = delegate;
    this.replaying = replaying;
    this.name = delegate.getName();
  }

  private boolean live() {
    return !replaying.getAsBoolean();
  }

  @Override
  protected String getFullyQualifiedCallerName() {
    return ReplaySafeLogger.class.getName();
  }

  @Override
  protected void handleNormalizedLoggingCall(
      Level level, Marker marker, String messagePattern, Object[] arguments, Throwable throwable) {
    var builder = delegate.atLevel(level).setMessage(messagePattern);
    if (marker != null) {
      builder = builder.addMarker(marker);
    }
    if (arguments != null) {
      for (Object argument : arguments) {
        builder = builder.addArgument(argument);
      }
    }
    if (throwable != null) {
      builder = builder.setCause(throwable);
    }
    builder.log();
  }

  @Override
  public boolean isTraceEnabled() {
    return live() && delegate.isTraceEnabled();
  }

  @Override
  public boolean isTraceEnabled(Marker marker) {
    return live() && delegate.isTraceEnabled(marker);
  }

  @Override
  public boolean isDebugEnabled() {
    return live() && delegate.isDebugEnabled();
  }

  @Override
  public boolean isDebugEnabled(Marker marker) {
    return live() && delegate.isDebugEnabled(marker);
  }

  @Override
  public boolean isInfoEnabled() {
    return live() && delegate.isInfoEnabled();
  }

  @Override
  public boolean isInfoEnabled(Marker marker) {
    return live() && delegate.isInfoEnabled(marker);
  }

  @Override
  public boolean isWarnEnabled() {
    return live() && delegate.isWarnEnabled();
  }

  @Override
  public boolean isWarnEnabled(Marker marker) {
    return live() && delegate.isWarnEnabled(marker);
  }

  @Override
  public boolean isErrorEnabled() {
    return live() && delegate.isErrorEnabled();
  }

  @Override
  public boolean isErrorEnabled(Marker marker) {
    return live() && delegate.isErrorEnabled(marker);
  }
}
