package dev.cairn.client;

import java.time.Instant;
import java.util.Set;

/**
 * A filter and a page position for listing instances. Results are ordered by creation time, then instance id
 * (oldest first, or newest first); paging with the continuation token is stable under concurrent writes (an
 * instance is never listed twice).
 *
 * @param statuses the runtime statuses to include, or empty for all
 * @param name the orchestration name to match exactly, or null for all
 * @param createdFrom only instances created at or after this time, or null
 * @param createdTo only instances created before this time, or null
 * @param instanceIdPrefix only ids starting with this text, or null
 * @param pageSize how many instances a page holds at most (1 to 1,000)
 * @param continuationToken where the previous page ended, or null for the first page
 * @param newestFirst whether to list the newest instances first
 */
public record InstanceQuery(
    Set<RuntimeStatus> statuses,
    String name,
    Instant createdFrom,
    Instant createdTo,
    String instanceIdPrefix,
    int pageSize,
    String continuationToken,
    boolean newestFirst) {

  /** The largest page allowed. */
  public static final int MAX_PAGE_SIZE = 1_000;

  /** Normalises the status set and checks the page size. */
  public InstanceQuery {
    statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
    if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
      throw new IllegalArgumentException(
          "pageSize must be between 1 and " + MAX_PAGE_SIZE + ", got " + pageSize);
    }
  }

  /** All instances, 100 per page. */
  public static InstanceQuery all() {
    return new InstanceQuery(Set.of(), null, null, null, null, 100, null, false);
  }

  /** The same query restricted to some statuses. */
  public InstanceQuery withStatuses(Set<RuntimeStatus> newStatuses) {
    return new InstanceQuery(newStatuses, name, createdFrom, createdTo, instanceIdPrefix, pageSize, continuationToken, newestFirst);
  }

  /** The same query restricted to one orchestration name. */
  public InstanceQuery withName(String newName) {
    return new InstanceQuery(statuses, newName, createdFrom, createdTo, instanceIdPrefix, pageSize, continuationToken, newestFirst);
  }

  /** The same query restricted to a creation-time range [from, to). */
  public InstanceQuery withCreatedBetween(Instant from, Instant to) {
    return new InstanceQuery(statuses, name, from, to, instanceIdPrefix, pageSize, continuationToken, newestFirst);
  }

  /** The same query restricted to ids with a prefix. */
  public InstanceQuery withInstanceIdPrefix(String prefix) {
    return new InstanceQuery(statuses, name, createdFrom, createdTo, prefix, pageSize, continuationToken, newestFirst);
  }

  /** The same query with another page size. */
  public InstanceQuery withPageSize(int size) {
    return new InstanceQuery(statuses, name, createdFrom, createdTo, instanceIdPrefix, size, continuationToken, newestFirst);
  }

  /** The same query listing the newest instances first. */
  public InstanceQuery withNewestFirst() {
    return new InstanceQuery(statuses, name, createdFrom, createdTo, instanceIdPrefix, pageSize, continuationToken,
        true);
  }

  /** The same query continuing after a page. */
  public InstanceQuery withContinuationToken(String token) {
    return new InstanceQuery(statuses, name, createdFrom, createdTo, instanceIdPrefix, pageSize, token, newestFirst);
  }
}
