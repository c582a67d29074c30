package dev.cairn.client;

import java.time.Instant;
import java.util.Set;

/**
 * Which finished instances to purge. Only finished instances (completed, failed, terminated) are ever purged;
 * a status set that names any other status is refused.
 *
 * @param createdFrom only instances created at or after this time, or null
 * @param createdTo only instances created before this time, or null
 * @param statuses the terminal statuses to purge, or empty for all three
 */
public record PurgeFilter(Instant createdFrom, Instant createdTo, Set<RuntimeStatus> statuses) {

  /** Checks that only terminal statuses are named. */
  public PurgeFilter {
    statuses = statuses == null || statuses.isEmpty()
        ? Set.of(RuntimeStatus.COMPLETED, RuntimeStatus.FAILED, RuntimeStatus.TERMINATED)
        : Set.copyOf(statuses);
    for (RuntimeStatus status : statuses) {
      if (!status.isTerminal()) {
        throw new IllegalArgumentException(
            "Only finished instances can be purged; " + status + " is not a final status.");
      }
    }
  }

  /** Every finished instance. */
  public static PurgeFilter allFinished() {
    return new PurgeFilter(null, null, Set.of());
  }
}
