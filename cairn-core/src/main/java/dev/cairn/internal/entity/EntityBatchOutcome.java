package dev.cairn.internal.entity;

import dev.cairn.store.EntityWrite;
import java.util.List;

/**
 * What one entity's batch of messages produced.
 *
 * @param write the new row and sender watermarks
 * @param outbox messages to send (answers, signals, lock hops, grants, orchestration starts, wake-ups)
 * @param duplicates how many messages were dropped as already processed
 */
public record EntityBatchOutcome(EntityWrite write, List<EntityOutbox> outbox, int duplicates) {}
