package dev.cairn.history;

import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.Instant;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * The execution ended by continuing as new; a fresh history starts with the new input.
 *
 * @param eventId the event's sequence number in the history (-1 before it is appended)
 * @param timestamp when it happened
 * @param input the new execution's input as JSON, or null
 * @param preserveUnprocessedEvents whether unprocessed events were carried over
 */
public record ContinueAsNew(
    int eventId,
    Instant timestamp,
    @JsonRawValue @JsonDeserialize(using = RawJson.class) String input,
    boolean preserveUnprocessedEvents)
    implements HistoryEvent {

  @Override
  public ContinueAsNew withEventId(int id) {
    return new ContinueAsNew(id, timestamp, input, preserveUnprocessedEvents);
  }
}
