package dev.cairn.internal.replay;

import dev.cairn.client.RuntimeStatus;
import dev.cairn.failure.FailureDetails;
import dev.cairn.history.EventRaised;
import java.util.List;

/**
 * How an execution ended.
 *
 * @param status COMPLETED, FAILED, TERMINATED or CONTINUED_AS_NEW
 * @param output the output (COMPLETED), the reason (TERMINATED), or the next input (CONTINUED_AS_NEW), as JSON
 * @param failure what went wrong (FAILED)
 * @param carriedEvents events to hand to the next execution (CONTINUED_AS_NEW)
 * @param preserveEvents whether unprocessed events were asked to be carried over (CONTINUED_AS_NEW)
 */
record Completion(
    RuntimeStatus status,
    String output,
    FailureDetails failure,
    List<EventRaised> carriedEvents,
    boolean preserveEvents) {

  static Completion completed(String output) {
    return new Completion(RuntimeStatus.COMPLETED, output, null, List.of(), false);
  }

  static Completion failed(FailureDetails failure) {
    return new Completion(RuntimeStatus.FAILED, null, failure, List.of(), false);
  }

  static Completion terminated(String reasonJson) {
    return new Completion(RuntimeStatus.TERMINATED, reasonJson, null, List.of(), false);
  }

  static Completion continuedAsNew(String input, boolean preserve, List<EventRaised> carried) {
    return new Completion(RuntimeStatus.CONTINUED_AS_NEW, input, null, List.copyOf(carried), preserve);
  }
}
