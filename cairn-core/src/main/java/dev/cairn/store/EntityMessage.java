package dev.cairn.store;

/**
 * A message for an entity. Every entity message but a wake-up names its sender: entities process the
 * messages of one sender in order and drop those they have already processed (by message id).
 */
public sealed interface EntityMessage extends MessageBody
    permits OperationRequest, LockRequest, UnlockRequest, EntityWakeUp {

  /**
   * Who sent it: {@code o:<instanceId>} for an orchestration, {@code e:@name@key} for an entity, {@code
   * c:<uuid>} for a client; null for a wake-up.
   */
  String sender();
}
