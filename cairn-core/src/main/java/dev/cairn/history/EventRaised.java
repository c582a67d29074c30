package dev.cairn.history;

import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.Instant;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * An external event arrived.
 *
 * @param eventId the event's sequence number in the history (-1 before it is appended)
 * @param timestamp when it happened
 * @param name the event's name
 * @param input its data as JSON, or null
 */
public record EventRaised(
    int eventId,
    Instant timestamp,
    String name,
    @JsonRawValue @JsonDeserialize(using = RawJson.class) String input)
    implements HistoryEvent {

  @Override
  public EventRaised withEventId(int id) {
    return new EventRaised(id, timestamp, name, input);
  }
}
