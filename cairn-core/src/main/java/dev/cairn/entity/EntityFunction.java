package dev.cairn.entity;

/**
 * An entity written as one function that dispatches on the operation name, with explicit state access.
 *
 * <pre>{@code
 * EntityFunction counter = ctx -> switch (ctx.operation()) {
 *   case "add" -> { ctx.setState(ctx.getState(Integer.class, 0) + ctx.getInput(Integer.class)); yield null; }
 *   case "get" -> ctx.getState(Integer.class, 0);
 *   case "reset" -> { ctx.setState(0); yield null; }
 *   default -> throw new IllegalArgumentException("unknown operation " + ctx.operation());
 * };
 * }</pre>
 *
 * <p>Operations of one entity run one at a time. When an operation throws, its state change and the signals
 * it sent are rolled back, and a caller gets the failure.
 */
@FunctionalInterface
public interface EntityFunction {

  /** Runs one operation and returns its result (null for none). */
  Object run(EntityContext ctx) throws Exception;
}
