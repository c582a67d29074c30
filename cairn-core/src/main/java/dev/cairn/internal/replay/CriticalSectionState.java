package dev.cairn.internal.replay;

import dev.cairn.entity.EntityId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The critical section an execution has asked for or holds: its lock set, whether it was granted, and which
 * locked entities have a call in flight (a locked entity may not be called twice in parallel).
 */
final class CriticalSectionState {
  final String requestId;
  final List<EntityId> lockSet;
  final int grantTaskId;
  boolean granted;
  final Set<EntityId> callsInFlight = new HashSet<>();

  CriticalSectionState(String requestId, List<EntityId> lockSet, int grantTaskId) {
    this.requestId = requestId;
    this.grantTaskId = grantTaskId;
    this.lockSet = List.copyOf(lockSet);
  }
}
