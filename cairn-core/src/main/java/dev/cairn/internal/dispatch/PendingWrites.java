package dev.cairn.internal.dispatch;

import dev.cairn.entity.EntityId;
import dev.cairn.history.HistoryEvent;
import dev.cairn.store.EntityRecord;
import dev.cairn.store.EntitySnapshot;
import dev.cairn.store.EntityWrite;
import dev.cairn.store.InstanceRecord;
import dev.cairn.store.InstanceWrite;
import dev.cairn.store.PartitionCommit;
import dev.cairn.store.Store;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a partition's commits still in flight will write: the newest row and history of each instance and the
 * newest row and sender watermarks of each entity they change. A processor builds its next batch on the store's
 * state overlaid with these, so it need not wait for a commit to be durable before going on. Used by the
 * processor's thread only.
 */
final class PendingWrites {

  private static final class PendingInstance {
    private InstanceRecord row;
    private boolean historyReplaced;
    private List<HistoryEvent> events = new ArrayList<>();
    private int commits;
  }

  private static final class PendingEntity {
    private EntityRecord row;
    private final Map<String, Long> watermarks = new HashMap<>();
    private int commits;
  }

  private final Store store;
  private final Map<String, PendingInstance> instances = new HashMap<>();
  private final Map<EntityId, PendingEntity> entities = new HashMap<>();

  PendingWrites(Store store) {
    this.store = store;
  }

  /** Adds a commit that was just submitted. */
  void add(PartitionCommit commit) {
    for (InstanceWrite write : commit.instanceWrites()) {
      PendingInstance pending = instances.computeIfAbsent(write.record().instanceId(), id -> new PendingInstance());
      pending.row = write.record();
      pending.commits++;
      if (write.replaceHistory()) {
        pending.historyReplaced = true;
        pending.events = new ArrayList<>(write.history());
      } else {
        pending.events.addAll(write.history());
      }
    }
    for (EntityWrite write : commit.entityWrites()) {
      PendingEntity pending = entities.computeIfAbsent(write.record().id(), id -> new PendingEntity());
      pending.row = write.record();
      pending.watermarks.putAll(write.senderWatermarks());
      pending.commits++;
    }
  }

  /** Removes a commit that is durable now (the store shows what it wrote). */
  void settled(PartitionCommit commit) {
    for (InstanceWrite write : commit.instanceWrites()) {
      PendingInstance pending = instances.get(write.record().instanceId());
      if (pending != null && --pending.commits == 0) {
        instances.remove(write.record().instanceId());
      }
    }
    for (EntityWrite write : commit.entityWrites()) {
      PendingEntity pending = entities.get(write.record().id());
      if (pending != null && --pending.commits == 0) {
        entities.remove(write.record().id());
      }
    }
  }

  /** Forgets everything (the commits failed, or the partition is taken over again). */
  void clear() {
    instances.clear();
    entities.clear();
  }

  /** The row an instance will have once the commits in flight are durable, or null if they do not change it. */
  InstanceRecord row(String instanceId) {
    PendingInstance pending = instances.get(instanceId);
    return pending == null ? null : pending.row;
  }

  /** The instance's current history: the store's, followed by what the commits in flight append to it. */
  List<HistoryEvent> history(String instanceId) {
    PendingInstance pending = instances.get(instanceId);
    if (pending == null) {
      return store.loadHistory(instanceId);
    }
    if (pending.historyReplaced) {
      return List.copyOf(pending.events);
    }
    // The store may or may not show some of the pending events already; event ids tell which.
    List<HistoryEvent> history = new ArrayList<>(store.loadHistory(instanceId));
    for (HistoryEvent event : pending.events) {
      if (event.eventId() == history.size()) {
        history.add(event);
      }
    }
    return history;
  }

  /** Overlays the entity's pending row and watermarks on what the store returned for it. */
  EntitySnapshot entity(EntityId id, EntitySnapshot stored) {
    PendingEntity pending = entities.get(id);
    if (pending == null) {
      return stored;
    }
    Map<String, Long> watermarks = new HashMap<>(stored == null ? Map.of() : stored.senderWatermarks());
    pending.watermarks.forEach((sender, sequence) -> watermarks.merge(sender, sequence, Math::max));
    return new EntitySnapshot(pending.row, watermarks);
  }
}
