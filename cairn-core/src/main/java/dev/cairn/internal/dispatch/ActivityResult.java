package dev.cairn.internal.dispatch;

import dev.cairn.history.HistoryEvent;
import dev.cairn.store.ActivityTask;

/**
 * An activity's outcome on its way to the orchestration's partition: it is recorded in the history by the
 * partition's next commit, which also deletes the task.
 *
 * @param task the task that ran
 * @param event TaskCompleted or TaskFailed
 */
record ActivityResult(ActivityTask task, HistoryEvent event) {}
