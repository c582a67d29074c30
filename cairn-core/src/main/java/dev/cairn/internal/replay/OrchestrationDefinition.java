package dev.cairn.internal.replay;

import dev.cairn.orchestration.Orchestration;
import java.lang.reflect.Type;

/**
 * A registered orchestration.
 *
 * @param name its name
 * @param function its code
 * @param inputType the type its input is read as
 */
public record OrchestrationDefinition(String name, Orchestration<Object, Object> function, Type inputType) {}
