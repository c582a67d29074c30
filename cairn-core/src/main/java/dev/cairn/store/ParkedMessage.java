package dev.cairn.store;

/**
 * A message to move from its queue to the dead letters (poison handling).
 *
 * @param messageId the message
 * @param reason why, for the dead letter
 */
public record ParkedMessage(long messageId, String reason) {}
