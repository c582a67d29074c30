package dev.cairn.runtime;

/**
 * Called by the runtime at the points where its dispatch code hands work from one thread to another, so that a
 * test can stretch the windows between them (with delays and yields) and find races that an idle machine hides.
 * The runtime's own default does nothing; {@code dev.cairn.testing.ContentionProbe} is the one the test kit
 * offers. A probe must return promptly and never throw.
 *
 * <pre>{@code
 * Cairn.builder().schedulingProbe(ContentionProbe.seeded(42)) ...
 * }</pre>
 */
@FunctionalInterface
public interface SchedulingProbe {

  /** The probe that does nothing. */
  SchedulingProbe NONE = point -> {};

  /** Where the runtime calls the probe. */
  enum Point {
    /** A partition has announced a commit's messages to their partitions and is about to submit it. */
    COMMIT_SUBMIT,
    /** A commit was submitted; the partitions it hands messages to in memory are about to be let take them. */
    HANDOVER_RELEASE,
    /** A commit became durable or failed; its partition is about to be woken. */
    COMMIT_COMPLETE,
    /** A partition is about to read its queue from the store. */
    FETCH,
    /** A partition has read its queue and is about to merge what was handed over in memory. */
    FETCHED,
    /** An activity finished and its result is about to be handed to its partition. */
    ACTIVITY_COMPLETE,
    /** A partition is about to take over its partition again after a failure. */
    TAKE_OVER
  }

  /** Called at a point; may pause the calling thread for a moment. */
  void at(Point point);
}
