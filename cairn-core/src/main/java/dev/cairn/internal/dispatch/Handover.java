package dev.cairn.internal.dispatch;

import java.util.List;
import java.util.Set;

/**
 * What a commit's messages announced to their partitions in memory: the partitions that will take every message
 * of the commit for them (the others are woken to read the store once it is durable), and what to run once the
 * commit is submitted, which lets those partitions take the messages.
 *
 * @param partitions the partitions that took all of their messages
 * @param onSubmitted what to run right after the commit was submitted to the store
 */
record Handover(Set<Integer> partitions, List<Runnable> onSubmitted) {

  /** Nothing was handed over. */
  static final Handover NONE = new Handover(Set.of(), List.of());

  /** The commit was submitted: the partitions may take the messages. */
  void submitted() {
    onSubmitted.forEach(Runnable::run);
  }
}
