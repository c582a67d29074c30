package dev.cairn.client;

import java.util.List;

/**
 * One page of a query.
 *
 * @param instances the instances of this page, in creation order
 * @param continuationToken pass it to get the next page; null when this is the last page
 */
public record InstancePage(List<InstanceStatus> instances, String continuationToken) {

  /** Copies the list. */
  public InstancePage {
    instances = List.copyOf(instances);
  }

  /** Whether another page follows. */
  public boolean hasMore() {
    return continuationToken != null;
  }
}
