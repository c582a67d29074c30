package dev.cairn.internal.registry;

import dev.cairn.activity.Activity;
import java.lang.reflect.Type;

/**
 * A registered activity.
 *
 * @param name its name
 * @param function its code
 * @param inputType the type its input is read as
 */
public record ActivityDefinition(String name, Activity<Object, Object> function, Type inputType) {}
