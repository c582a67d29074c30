package dev.cairn.orchestration;

import dev.cairn.entity.EntityId;
import java.util.List;

/**
 * A set of entities an orchestration holds locked. Close it (use try-with-resources) to release the locks;
 * they are also released, always, when the orchestration ends in any way. While it is open the orchestration
 * may call only the locked entities, one call per entity at a time, and may not signal them, start
 * sub-orchestrations, open another critical section or continue as new.
 *
 * <pre>{@code
 * try (var section = ctx.lock(from, to)) {
 *   int balance = ctx.callEntity(from, "balance", null, Integer.class).await();
 *   ...
 * }
 * }</pre>
 */
public interface CriticalSection extends AutoCloseable {

  /** The locked entities, sorted by (name, key). */
  List<EntityId> lockedEntities();

  /** Whether the locks are still held. */
  boolean isActive();

  /** Releases the locks. Closing twice does nothing. */
  @Override
  void close();
}
