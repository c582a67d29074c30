package dev.cairn.orchestration;

import java.io.Serializable;

/**
 * An orchestration: a workflow written as ordinary sequential Java code, made durable by recording what it
 * does and replaying it. It must be deterministic: do I/O, read clocks and draw random numbers only in
 * activities or through the {@link OrchestrationContext}.
 *
 * <pre>{@code
 * Orchestration<Void, List<String>> helloCities = (ctx, input) -> List.of(
 *     ctx.callActivity("SayHello", "Tokyo", String.class).await(),
 *     ctx.callActivity("SayHello", "London", String.class).await());
 * }</pre>
 *
 * <p>It is {@link Serializable} only so that Cairn can read the input type of a lambda's second parameter;
 * nothing is ever serialized.
 *
 * @param <I> the input type
 * @param <O> the output type
 */
@FunctionalInterface
public interface Orchestration<I, O> extends Serializable {

  /**
   * Runs the orchestration. An exception it throws fails the instance, with the exception recorded as the
   * failure details.
   */
  O run(OrchestrationContext ctx, I input) throws Exception;
}
