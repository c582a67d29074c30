package dev.cairn.internal.replay;

/**
 * Unwinds orchestration code whose execution was given up (evicted from the cache, replaced by a replay,
 * stuck past the watchdog, or terminated). An {@link Error}, so that {@code catch (Exception e)} in user code
 * does not swallow it. It has no stack trace: it is control flow, thrown often.
 */
final class OrchestrationAbandoned extends Error {
  static final OrchestrationAbandoned INSTANCE = new OrchestrationAbandoned();

  private OrchestrationAbandoned() {
    super("orchestration execution abandoned", null, false, false);
  }
}
