package dev.cairn.internal.entity;

import dev.cairn.store.MessageBody;
import java.time.Instant;

/**
 * A message an entity batch sends.
 *
 * @param target the instance id or {@code @name@key}
 * @param body the message
 * @param visibleAt when it may be processed
 */
public record EntityOutbox(String target, MessageBody body, Instant visibleAt) {}
