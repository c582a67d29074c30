package dev.cairn.internal.registry;

import dev.cairn.entity.EntityFunction;

/**
 * A registered entity.
 *
 * @param name its name
 * @param function its code (class-style entities are adapted to a function)
 */
public record EntityDefinition(String name, EntityFunction function) {}
