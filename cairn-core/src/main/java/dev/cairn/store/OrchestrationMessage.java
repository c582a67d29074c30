package dev.cairn.store;

import dev.cairn.history.HistoryEvent;

/**
 * An event for an orchestration instance (a task result, a timer, an external event, a start, ...). It becomes
 * part of the instance's history when an episode consumes it.
 *
 * @param executionId the execution it is for, or null for whichever execution is current (external events,
 *     terminate, suspend, resume); a message for an older execution is dropped
 * @param event the event, with event id -1
 */
public record OrchestrationMessage(String executionId, HistoryEvent event) implements MessageBody {}
