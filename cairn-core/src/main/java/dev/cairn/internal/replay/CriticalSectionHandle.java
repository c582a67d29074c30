package dev.cairn.internal.replay;

import dev.cairn.entity.EntityId;
import dev.cairn.orchestration.CriticalSection;
import java.util.List;

/** The handle orchestration code closes to release a critical section's locks. */
final class CriticalSectionHandle implements CriticalSection {
  private final OrchestrationExecutor executor;
  private final CriticalSectionState state;

  CriticalSectionHandle(OrchestrationExecutor executor, CriticalSectionState state) {
    this.executor = executor;
    this.state = state;
  }

  @Override
  public List<EntityId> lockedEntities() {
    return state.lockSet;
  }

  @Override
  public boolean isActive() {
    return executor.section == state;
  }

  @Override
  public void close() {
    if (executor.isAbandoned() || executor.isFinished() || executor.section != state) {
      // Already released, or the execution is being unwound: the engine releases the locks itself.
      return;
    }
    executor.checkUsable();
    executor.recordUnlock();
  }
}
