package dev.cairn.history;

import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.Instant;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * An activity finished with a result.
 *
 * @param eventId the event's sequence number in the history (-1 before it is appended)
 * @param timestamp when it happened
 * @param taskScheduledId the task id of its TaskScheduled event
 * @param result the result as JSON, or null
 */
public record TaskCompleted(
    int eventId,
    Instant timestamp,
    int taskScheduledId,
    @JsonRawValue @JsonDeserialize(using = RawJson.class) String result)
    implements HistoryEvent {

  @Override
  public TaskCompleted withEventId(int id) {
    return new TaskCompleted(id, timestamp, taskScheduledId, result);
  }
}
