package dev.cairn.internal.replay;

import dev.cairn.client.RuntimeStatus;
import dev.cairn.failure.FailureDetails;
import dev.cairn.history.EntityLockGranted;
import dev.cairn.history.EventRaised;
import dev.cairn.history.HistoryEvent;
import dev.cairn.history.ParentInstance;
import java.util.List;

/**
 * What one episode of an execution yields: the events to append (the effects are derived from them), the new
 * status, and the few effects that are not recorded as events.
 *
 * @param newEvents the events to append, numbered; empty when nothing relevant arrived
 * @param status the status after the episode
 * @param name the orchestration name (null before the execution started)
 * @param executionId the execution id (null before the execution started)
 * @param input the execution's input as JSON
 * @param parent the parent of a sub-orchestration, or null
 * @param output the output (completed) or termination reason, as JSON
 * @param failure the failure details (failed)
 * @param customStatus the custom status as JSON
 * @param nextExecutionInput the next execution's input when it continued as new
 * @param carriedEvents events carried over to the next execution
 * @param childrenToTerminate sub-orchestrations to terminate (recursive termination)
 * @param strayLockGrants lock grants that arrived for no open critical section; their locks must be released
 * @param unconsumedEvents external events that were never consumed by an execution that finished
 */
public record EpisodeResult(
    List<HistoryEvent> newEvents,
    RuntimeStatus status,
    String name,
    String executionId,
    String input,
    ParentInstance parent,
    String output,
    FailureDetails failure,
    String customStatus,
    String nextExecutionInput,
    List<EventRaised> carriedEvents,
    List<String> childrenToTerminate,
    List<EntityLockGranted> strayLockGrants,
    int unconsumedEvents) {

  /** Whether the execution ended (completed, failed, terminated or continued as new). */
  public boolean ended() {
    return status.isTerminal() || status == RuntimeStatus.CONTINUED_AS_NEW;
  }
}
