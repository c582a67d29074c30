package dev.cairn.internal.registry;

import dev.cairn.internal.replay.FunctionLookup;
import dev.cairn.internal.replay.OrchestrationDefinition;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The orchestrations, activities and entities a runtime knows, by name. Immutable. */
public final class FunctionRegistry implements FunctionLookup {
  private final Map<String, OrchestrationDefinition> orchestrations;
  private final Map<String, ActivityDefinition> activities;
  private final Map<String, EntityDefinition> entities;

  /** Creates the registry from the registered definitions. */
  public FunctionRegistry(
      Map<String, OrchestrationDefinition> orchestrations,
      Map<String, ActivityDefinition> activities,
      Map<String, EntityDefinition> entities) {
    this.orchestrations = new TreeMap<>(orchestrations);
    this.activities = new TreeMap<>(activities);
    this.entities = new TreeMap<>(entities);
  }

  @Override
  public OrchestrationDefinition findOrchestration(String name) {
    return orchestrations.get(name);
  }

  @Override
  public List<String> orchestrationNames() {
    return List.copyOf(orchestrations.keySet());
  }

  @Override
  public boolean isEntity(String name) {
    return entities.containsKey(name);
  }

  @Override
  public List<String> entityNames() {
    return List.copyOf(entities.keySet());
  }

  /** The activity with this name, or null. */
  public ActivityDefinition findActivity(String name) {
    return activities.get(name);
  }

  /** Every registered activity name, sorted. */
  public List<String> activityNames() {
    return List.copyOf(activities.keySet());
  }

  /** The entity with this name, or null. */
  public EntityDefinition findEntity(String name) {
    return entities.get(name);
  }
}
