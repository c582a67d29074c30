package dev.cairn.history;

import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.Instant;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * The orchestration started a sub-orchestration.
 *
 * @param eventId the event's sequence number in the history (-1 before it is appended)
 * @param timestamp when it happened
 * @param taskId the id its completion refers back to
 * @param name the sub-orchestration's name
 * @param instanceId the child's instance id
 * @param input the input as JSON, or null
 */
public record SubOrchestrationInstanceCreated(
    int eventId,
    Instant timestamp,
    int taskId,
    String name,
    String instanceId,
    @JsonRawValue @JsonDeserialize(using = RawJson.class) String input)
    implements HistoryEvent {

  @Override
  public SubOrchestrationInstanceCreated withEventId(int id) {
    return new SubOrchestrationInstanceCreated(id, timestamp, taskId, name, instanceId, input);
  }
}
