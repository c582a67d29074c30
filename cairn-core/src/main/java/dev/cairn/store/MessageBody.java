package dev.cairn.store;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * What a queued message carries: an event for an orchestration, or a request for an entity. Stores persist
 * bodies with {@link StoreCodec}; a body that cannot be decoded any more is handed out as an {@link
 * UndecodableMessage} so that poison handling can park it instead of stopping the partition.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
  @JsonSubTypes.Type(value = OrchestrationMessage.class, name = "orchestration"),
  @JsonSubTypes.Type(value = OperationRequest.class, name = "operation"),
  @JsonSubTypes.Type(value = LockRequest.class, name = "lock"),
  @JsonSubTypes.Type(value = UnlockRequest.class, name = "unlock"),
  @JsonSubTypes.Type(value = EntityWakeUp.class, name = "wakeUp"),
  @JsonSubTypes.Type(value = UndecodableMessage.class, name = "undecodable")
})
public sealed interface MessageBody permits OrchestrationMessage, EntityMessage, UndecodableMessage {}
