package dev.cairn.internal.replay;

/** Thrown by {@code continueAsNew} to end the orchestration code at once. Control flow, no stack trace. */
final class ContinueAsNewSignal extends Error {
  final String inputJson;
  final boolean preserveUnprocessedEvents;

  ContinueAsNewSignal(String inputJson, boolean preserveUnprocessedEvents) {
    super("continue as new", null, false, false);
    this.inputJson = inputJson;
    this.preserveUnprocessedEvents = preserveUnprocessedEvents;
  }
}
