package dev.cairn.internal.dispatch;

import dev.cairn.history.HistoryEvent;

/**
 * An event arriving for an orchestration instance.
 *
 * @param event the event
 * @param executionId the execution it is for, or null for whichever is current
 */
record Incoming(HistoryEvent event, String executionId) {

  boolean isFor(String currentExecutionId) {
    return executionId == null || executionId.equals(currentExecutionId);
  }
}
