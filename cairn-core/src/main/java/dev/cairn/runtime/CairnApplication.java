package dev.cairn.runtime;

/**
 * A set of orchestrations, activities and entities that a Cairn server hosts. The server finds
 * implementations with {@link java.util.ServiceLoader} (list the class in {@code
 * META-INF/services/dev.cairn.runtime.CairnApplication} of your jar, then {@code cairn serve --app your.jar}).
 *
 * <pre>{@code
 * public final class ShopApp implements CairnApplication {
 *   public void register(Cairn.Builder builder) {
 *     builder.activity("Charge", ...).orchestration("Checkout", ...);
 *   }
 * }
 * }</pre>
 */
public interface CairnApplication {

  /** Registers the application's functions. */
  void register(Cairn.Builder builder);

  /** A name for logs and the dashboard (default: the class's simple name). */
  default String name() {
    return getClass().getSimpleName();
  }
}
