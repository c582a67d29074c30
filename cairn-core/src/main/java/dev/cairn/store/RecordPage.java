package dev.cairn.store;

import java.util.List;

/**
 * One page of rows from a store query.
 *
 * @param items the rows
 * @param continuationToken where the next page starts, or null after the last page
 * @param <T> the row type
 */
public record RecordPage<T>(List<T> items, String continuationToken) {

  /** Copies the list. */
  public RecordPage {
    items = List.copyOf(items);
  }
}
