package dev.cairn.client;

import java.util.List;

/**
 * One page of an entity query.
 *
 * @param entities the entities of this page
 * @param continuationToken pass it to get the next page; null when this is the last page
 */
public record EntityPage(List<EntityMetadata> entities, String continuationToken) {

  /** Copies the list. */
  public EntityPage {
    entities = List.copyOf(entities);
  }
}
