package dev.cairn.internal.dispatch;

import java.util.List;
import java.util.Set;

/**
 * What a commit's messages announced to their partitions in memory: the partitions that will take every message
 * of the commit for them (the others are woken to read the store once it is durable), and what lets those
 * partitions take the messages: run once the commit is submitted for partitions whose commits the store applies
 * after it, once it is durable for the others ({@link dev.cairn.store.Store#commitsInOrder}).
 *
 * @param partitions the partitions that took all of their messages
 * @param onSubmitted what to run right after the commit was submitted to the store
 * @param onDurable what to run once the commit is durable, before anyone can see it completed: so that the
 *     producer's next commit, submitted only then, cannot have its messages taken before these
 */
record Handover(Set<Integer> partitions, List<Runnable> onSubmitted, List<Runnable> onDurable) {

  /** Nothing was handed over. */
  static final Handover NONE = new Handover(Set.of(), List.of(), List.of());

  /** The commit was submitted: the partitions served in order with it may take the messages. */
  void submitted() {
    onSubmitted.forEach(Runnable::run);
  }

  /** The commit is durable: the other partitions may take the messages. */
  void durable() {
    onDurable.forEach(Runnable::run);
  }
}
