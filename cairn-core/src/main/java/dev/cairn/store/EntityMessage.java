package dev.cairn.store;

/**
 * A message for an entity. Every entity message but a wake-up names its sender and carries the sender's
 * sequence number: each sender numbers its messages in increasing order, entities process one sender's
 * messages in that order and drop any message whose number is not above the last one they processed from it
 * (a duplicate, however it was delivered).
 */
public sealed interface EntityMessage extends MessageBody
    permits OperationRequest, LockRequest, UnlockRequest, EntityWakeUp {

  /**
   * Who sent it: {@code o:<instanceId>} for an orchestration, {@code e:@name@key} for an entity, {@code
   * c:<uuid>} for a client; null for a wake-up.
   */
  String sender();

  /** The sender's sequence number, increasing per sender; 0 for idempotent messages that need no check. */
  long sequence();
}
