package dev.cairn.history;

import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.Instant;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * A sub-orchestration completed.
 *
 * @param eventId the event's sequence number in the history (-1 before it is appended)
 * @param timestamp when it happened
 * @param taskScheduledId the task id of its SubOrchestrationInstanceCreated event
 * @param result the output as JSON, or null
 */
public record SubOrchestrationInstanceCompleted(
    int eventId,
    Instant timestamp,
    int taskScheduledId,
    @JsonRawValue @JsonDeserialize(using = RawJson.class) String result)
    implements HistoryEvent {

  @Override
  public SubOrchestrationInstanceCompleted withEventId(int id) {
    return new SubOrchestrationInstanceCompleted(id, timestamp, taskScheduledId, result);
  }
}
