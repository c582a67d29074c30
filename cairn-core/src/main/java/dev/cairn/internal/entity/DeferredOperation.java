package dev.cairn.internal.entity;

import dev.cairn.store.OperationRequest;
import java.time.Instant;

/**
 * A scheduled operation that arrived early and waits, in the entity's bookkeeping, for its time.
 *
 * @param dueAt when it may run
 * @param request the operation
 */
record DeferredOperation(Instant dueAt, OperationRequest request) {}
