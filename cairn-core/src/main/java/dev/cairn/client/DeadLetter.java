package dev.cairn.client;

import java.time.Instant;

/**
 * A message that was moved aside because processing it failed too many times (poison handling). Its
 * instance was failed with a reason that points here.
 *
 * @param messageId the message's id
 * @param target the instance id or entity id ({@code @name@key}) it was for
 * @param body the message as stored (JSON)
 * @param reason why processing failed, the last time
 * @param attempts how many times processing was tried
 * @param parkedAt when it was moved aside
 */
public record DeadLetter(
    long messageId, String target, String body, String reason, int attempts, Instant parkedAt) {}
