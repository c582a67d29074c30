package dev.cairn.internal.replay;

import java.util.List;

/** Finds registered functions by name, as far as orchestration code needs them. */
public interface FunctionLookup {

  /** The orchestration with this name, or null. */
  OrchestrationDefinition findOrchestration(String name);

  /** Every registered orchestration name, sorted (for error messages). */
  List<String> orchestrationNames();

  /** Whether an entity with this name is registered. */
  boolean isEntity(String name);

  /** Every registered entity name, sorted (for error messages). */
  List<String> entityNames();
}
