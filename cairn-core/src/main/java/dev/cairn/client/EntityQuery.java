package dev.cairn.client;

/**
 * A filter and page position for listing entities. Results are ordered by name, then key.
 *
 * @param name only entities of this name, or null for all
 * @param keyPrefix only keys starting with this text (needs a name), or null
 * @param includeStateless whether entities without state (only a lock or queued requests) are listed
 * @param pageSize how many entities a page holds at most (1 to 1,000)
 * @param continuationToken where the previous page ended, or null
 */
public record EntityQuery(
    String name, String keyPrefix, boolean includeStateless, int pageSize, String continuationToken) {

  /** Checks the page size. */
  public EntityQuery {
    if (pageSize < 1 || pageSize > InstanceQuery.MAX_PAGE_SIZE) {
      throw new IllegalArgumentException(
          "pageSize must be between 1 and " + InstanceQuery.MAX_PAGE_SIZE + ", got " + pageSize);
    }
  }

  /** All entities with state, 100 per page. */
  public static EntityQuery all() {
    return new EntityQuery(null, null, false, 100, null);
  }

  /** Entities of one name, 100 per page. */
  public static EntityQuery named(String name) {
    return new EntityQuery(name, null, false, 100, null);
  }

  /** The same query with a key prefix. */
  public EntityQuery withKeyPrefix(String prefix) {
    return new EntityQuery(name, prefix, includeStateless, pageSize, continuationToken);
  }

  /** The same query with another page size. */
  public EntityQuery withPageSize(int size) {
    return new EntityQuery(name, keyPrefix, includeStateless, size, continuationToken);
  }

  /** The same query continuing after a page. */
  public EntityQuery withContinuationToken(String token) {
    return new EntityQuery(name, keyPrefix, includeStateless, pageSize, token);
  }

  /** The same query including entities that have no state. */
  public EntityQuery includingStateless() {
    return new EntityQuery(name, keyPrefix, true, pageSize, continuationToken);
  }
}
