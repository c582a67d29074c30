package dev.cairn.store;

/**
 * A stored message whose body could not be decoded (corrupted, or written by an incompatible version). It is
 * never produced by the engine, only handed out by stores, and is parked by poison handling.
 *
 * @param raw the stored text
 * @param error why decoding failed
 */
public record UndecodableMessage(String raw, String error) implements MessageBody {}
