package dev.cairn.internal.registry;

import java.io.Serializable;
import java.lang.invoke.SerializedLambda;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;

/**
 * Finds the declared type of a function's input parameter (the last parameter of its implementation), so
 * that {@code (OrchestrationContext ctx, Order order) -> ...} receives an {@code Order}. Works for classes
 * that implement the interface with a concrete type argument, for lambdas and for method references; falls
 * back to {@code Object} (the JSON is then read as maps, lists, strings and numbers).
 */
public final class LambdaTypes {
  private LambdaTypes() {}

  /** The input type of a function implementing {@code functionalInterface<I, O>}. */
  public static Type inputType(Serializable function, Class<?> functionalInterface) {
    Type fromClass = fromGenericInterfaces(function.getClass(), functionalInterface);
    if (fromClass != null) {
      return fromClass;
    }
    Type fromLambda = fromSerializedLambda(function);
    return fromLambda != null ? fromLambda : Object.class;
  }

  private static Type fromGenericInterfaces(Class<?> type, Class<?> functionalInterface) {
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      for (Type itf : c.getGenericInterfaces()) {
        if (itf instanceof ParameterizedType p && p.getRawType() == functionalInterface) {
          Type input = p.getActualTypeArguments()[0];
          return input instanceof Class<?> || input instanceof ParameterizedType ? input : null;
        }
      }
    }
    return null;
  }

  private static Type fromSerializedLambda(Serializable function) {
    try {
      Method writeReplace = function.getClass().getDeclaredMethod("writeReplace");
      writeReplace.setAccessible(true);
      if (!(writeReplace.invoke(function) instanceof SerializedLambda lambda)) {
        return null;
      }
      ClassLoader loader = function.getClass().getClassLoader();
      Class<?> implClass = Class.forName(lambda.getImplClass().replace('/', '.'), false, loader);
      for (Method method : implClass.getDeclaredMethods()) {
        if (method.getName().equals(lambda.getImplMethodName())
            && descriptorOf(method).equals(lambda.getImplMethodSignature())) {
          Type[] params = method.getGenericParameterTypes();
          return params.length == 0 ? null : params[params.length - 1];
        }
      }
      return null;
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      return null;
    }
  }

  private static String descriptorOf(Method method) {
    StringBuilder text = new StringBuilder("(");
    for (Class<?> param : method.getParameterTypes()) {
      text.append(param.descriptorString());
    }
    return text.append(')').append(method.getReturnType().descriptorString()).toString();
  }
}
