package dev.cairn.store;

import dev.cairn.failure.FailureDetails;
import dev.cairn.failure.StoreException;
import dev.cairn.history.HistoryEvent;
import dev.cairn.history.ParentInstance;
import dev.cairn.internal.json.InternalJson;
import java.util.List;

/**
 * Encodes what stores persist as JSON text: message bodies, history events, failure details and parent
 * references. Stores that keep text (every SQL store) use it so that they never depend on the engine's types.
 */
public final class StoreCodec {
  private StoreCodec() {}

  /** A message body as JSON. */
  public static String encode(MessageBody body) {
    return InternalJson.write(body);
  }

  /**
   * A message body from JSON; a body that cannot be decoded comes back as an {@link UndecodableMessage}, so
   * that poison handling can park it.
   */
  public static MessageBody decodeMessage(String json) {
    try {
      return InternalJson.read(json, MessageBody.class);
    } catch (StoreException | IllegalArgumentException e) {
      return new UndecodableMessage(json, e.getMessage());
    }
  }

  /** A history event as JSON. */
  public static String encode(HistoryEvent event) {
    return InternalJson.write(event);
  }

  /** A history event from JSON. */
  public static HistoryEvent decodeEvent(String json) {
    return InternalJson.read(json, HistoryEvent.class);
  }

  /** Consecutive history events as one JSON array. */
  public static String encodeEvents(List<HistoryEvent> events) {
    return InternalJson.writeList(events, HistoryEvent.class);
  }

  /** History events from a JSON array written by {@link #encodeEvents}, appended to {@code into}. */
  public static void decodeEvents(String json, List<HistoryEvent> into) {
    into.addAll(InternalJson.readList(json, HistoryEvent.class));
  }

  /** Failure details as JSON (null for null). */
  public static String encode(FailureDetails failure) {
    return failure == null ? null : InternalJson.write(failure);
  }

  /** Failure details from JSON (null for null). */
  public static FailureDetails decodeFailure(String json) {
    return json == null ? null : InternalJson.read(json, FailureDetails.class);
  }

  /** A parent reference as JSON (null for null). */
  public static String encode(ParentInstance parent) {
    return parent == null ? null : InternalJson.write(parent);
  }

  /** A parent reference from JSON (null for null). */
  public static ParentInstance decodeParent(String json) {
    return json == null ? null : InternalJson.read(json, ParentInstance.class);
  }
}
