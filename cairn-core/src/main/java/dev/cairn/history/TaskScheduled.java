package dev.cairn.history;

import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.Duration;
import java.time.Instant;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * The orchestration scheduled an activity.
 *
 * @param eventId the event's sequence number in the history (-1 before it is appended)
 * @param timestamp when it happened
 * @param taskId the id its completion refers back to
 * @param name the activity's name
 * @param input the input as JSON, or null
 * @param attempt 1 for the first try, 2 for the first retry, ...
 * @param timeout how long the activity may run, or null for no limit
 */
public record TaskScheduled(
    int eventId,
    Instant timestamp,
    int taskId,
    String name,
    @JsonRawValue @JsonDeserialize(using = RawJson.class) String input,
    int attempt,
    Duration timeout)
    implements HistoryEvent {

  @Override
  public TaskScheduled withEventId(int id) {
    return new TaskScheduled(id, timestamp, taskId, name, input, attempt, timeout);
  }
}
