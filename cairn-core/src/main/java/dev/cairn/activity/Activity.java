package dev.cairn.activity;

import java.io.Serializable;

/**
 * An activity: an ordinary function that may do I/O. It runs at least once per call (a worker may die after
 * running it but before its result is stored), so make it idempotent where that matters, for instance with
 * {@link ActivityContext#idempotencyKey()}. Its result, or its failure, is recorded exactly once.
 *
 * <p>It is {@link Serializable} only so that Cairn can read the input type of a lambda's second parameter;
 * nothing is ever serialized.
 *
 * @param <I> the input type
 * @param <O> the output type
 */
@FunctionalInterface
public interface Activity<I, O> extends Serializable {

  /** Runs the activity; an exception it throws is recorded as the task's failure. */
  O run(ActivityContext ctx, I input) throws Exception;
}
