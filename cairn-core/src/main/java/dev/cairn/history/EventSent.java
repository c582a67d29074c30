package dev.cairn.history;

import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.Instant;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * The orchestration sent an event to another instance.
 *
 * @param eventId the event's sequence number in the history (-1 before it is appended)
 * @param timestamp when it happened
 * @param taskId the action's sequence number
 * @param instanceId the receiving instance
 * @param name the event's name
 * @param input its data as JSON, or null
 */
public record EventSent(
    int eventId,
    Instant timestamp,
    int taskId,
    String instanceId,
    String name,
    @JsonRawValue @JsonDeserialize(using = RawJson.class) String input)
    implements HistoryEvent {

  @Override
  public EventSent withEventId(int id) {
    return new EventSent(id, timestamp, taskId, instanceId, name, input);
  }
}
