package dev.cairn.examples;

import dev.cairn.runtime.Cairn;
import dev.cairn.runtime.CairnApplication;

/** The bundled examples, which the server hosts when it is given no application of its own. */
public final class ExamplesApplication implements CairnApplication {

  /** Created by {@link java.util.ServiceLoader}. */
  public ExamplesApplication() {}

  @Override
  public void register(Cairn.Builder builder) {
    registerAll(builder);
  }

  /** Registers every example and returns the builder. */
  public Cairn.Builder registerAll(Cairn.Builder builder) {
    HelloCities.register(builder);
    FanOutFanIn.register(builder);
    ApprovalWorkflow.register(builder);
    Monitor.register(builder);
    Bank.register(builder);
    Counter.register(builder);
    return builder;
  }

  @Override
  public String name() {
    return "Bundled examples";
  }
}
