package dev.cairn.history;

import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.Instant;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * The first event of an execution: which orchestration, its input, and who started it.
 *
 * @param eventId the event's sequence number in the history (-1 before it is appended)
 * @param timestamp when it happened
 * @param name the orchestration's registered name
 * @param executionId a new id for this execution (continue-as-new starts another)
 * @param input the input as JSON, or null
 * @param parent the parent when started as a sub-orchestration, else null
 * @param scheduledStartTime when a delayed start was asked to run, else null
 */
public record ExecutionStarted(
    int eventId,
    Instant timestamp,
    String name,
    String executionId,
    @JsonRawValue @JsonDeserialize(using = RawJson.class) String input,
    ParentInstance parent,
    Instant scheduledStartTime)
    implements HistoryEvent {

  @Override
  public ExecutionStarted withEventId(int id) {
    return new ExecutionStarted(id, timestamp, name, executionId, input, parent, scheduledStartTime);
  }
}
