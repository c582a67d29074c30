package dev.cairn.failure;

import java.util.List;

/** No orchestration, activity or entity is registered under this name. */
public final class UnknownFunctionException extends CairnException {
  private final String kind;
  private final String name;
  private final List<String> registered;

  /** Creates the exception; {@code kind} is "orchestration", "activity" or "entity". */
  public UnknownFunctionException(String kind, String name, List<String> registered) {
    super(
        "No "
            + kind
            + " named '"
            + name
            + "' is registered. Registered "
            + plural(kind)
            + ": "
            + (registered.isEmpty() ? "(none)" : String.join(", ", registered))
            + ". Check the spelling, or register it with Cairn.builder()."
            + kind
            + "(\""
            + name
            + "\", ...).");
    this.kind = kind;
    this.name = name;
    this.registered = List.copyOf(registered);
  }

  private static String plural(String kind) {
    return kind.endsWith("y") ? kind.substring(0, kind.length() - 1) + "ies" : kind + "s";
  }

  /** "orchestration", "activity" or "entity". */
  public String kind() {
    return kind;
  }

  /** The unknown name. */
  public String name() {
    return name;
  }

  /** The names that are registered for this kind. */
  public List<String> registered() {
    return registered;
  }
}
