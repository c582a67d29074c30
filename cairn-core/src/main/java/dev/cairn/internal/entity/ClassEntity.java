package dev.cairn.internal.entity;

import dev.cairn.entity.EntityContext;
import dev.cairn.entity.EntityFunction;
import dev.cairn.failure.InvalidRequestException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Adapts a class-style entity: its public methods are the operations, its fields the state (persisted as
 * JSON). A method may take no parameter, the input, the {@link EntityContext}, or both; its return value is
 * the operation's result.
 */
public final class ClassEntity implements EntityFunction {
  private final Class<?> type;
  private final Supplier<?> factory;
  private final Map<String, Method> operations = new TreeMap<>();

  /** Adapts the class of the objects the factory makes. */
  public ClassEntity(Supplier<?> factory) {
    this.factory = factory;
    this.type = factory.get().getClass();
    for (Method method : type.getMethods()) {
      if (method.getDeclaringClass() != Object.class && !Modifier.isStatic(method.getModifiers())
          && isOperation(method)) {
        if (operations.put(method.getName(), method) != null) {
          throw new IllegalArgumentException("Entity class " + type.getName() + " has two public methods named '"
              + method.getName() + "'; operation names must be unique.");
        }
      }
    }
  }

  private static boolean isOperation(Method method) {
    int inputs = 0;
    for (Class<?> param : method.getParameterTypes()) {
      if (param != EntityContext.class) {
        inputs++;
      }
    }
    return inputs <= 1 && !method.getName().equals("toString") && !method.getName().equals("hashCode");
  }

  @Override
  public Object run(EntityContext ctx) throws Exception {
    Method method = operations.get(ctx.operation());
    if (method == null) {
      throw new InvalidRequestException("operation", "Entity " + ctx.id() + " (class " + type.getSimpleName()
          + ") has no operation '" + ctx.operation() + "'. Its operations: " + operations.keySet());
    }
    Object target = ctx.hasState() ? ctx.getState(type) : factory.get();
    Class<?>[] params = method.getParameterTypes();
    Object[] args = new Object[params.length];
    for (int i = 0; i < params.length; i++) {
      args[i] = params[i] == EntityContext.class ? ctx : ctx.getInput(params[i]);
    }
    Object result;
    try {
      result = method.invoke(target, args);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof Exception cause) {
        throw cause;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw e;
    }
    if (!(ctx instanceof EntityContextImpl impl && impl.isDeleted())) {
      ctx.setState(target);
    }
    return result;
  }
}
