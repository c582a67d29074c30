package dev.cairn.internal.dispatch;

import dev.cairn.client.ReusePolicy;
import dev.cairn.history.ExecutionStarted;
import dev.cairn.store.CreateResult;
import java.util.concurrent.CompletableFuture;

/**
 * A client's start of an instance, handed to the processor of the instance's partition in memory: the instance
 * is created and its first episode runs in one commit, and the client hears the outcome once that commit is
 * durable. Fails (and the client then starts through the store) when the processor cannot take it.
 *
 * @param instanceId the instance to start
 * @param started the start event, as the start message would carry it
 * @param policy what to do when the id exists
 * @param outcome completed once the outcome is durable
 */
record StartRequest(
    String instanceId, ExecutionStarted started, ReusePolicy policy, CompletableFuture<CreateResult> outcome) {}
