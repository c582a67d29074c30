package dev.cairn.testing;

import dev.cairn.client.RuntimeStatus;
import dev.cairn.history.EventRaised;
import dev.cairn.history.ExecutionCompleted;
import dev.cairn.history.ExecutionStarted;
import dev.cairn.history.HistoryEvent;
import dev.cairn.history.OrchestratorCompleted;
import dev.cairn.history.OrchestratorStarted;
import dev.cairn.history.TaskCompleted;
import dev.cairn.history.TaskFailed;
import dev.cairn.history.TaskScheduled;
import dev.cairn.history.TimerCreated;
import dev.cairn.history.TimerFired;
import dev.cairn.failure.FailureDetails;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds orchestration histories for tests, numbering events and task ids, instead of 40 lines of hand-made
 * events. Episodes are opened and closed for you.
 *
 * <pre>{@code
 * List<HistoryEvent> history = HistoryBuilder.started("HelloCities", null)
 *     .taskScheduled("SayHello", "\"Tokyo\"")
 *     .nextEpisode()
 *     .taskCompleted(0, "\"Hello Tokyo!\"")
 *     .build();
 * }</pre>
 */
public final class HistoryBuilder {
  private final List<HistoryEvent> events = new ArrayList<>();
  private Instant time;
  private int nextTaskId;
  private boolean episodeOpen;

  private HistoryBuilder(Instant start) {
    this.time = start;
  }

  /** A history whose first episode starts the orchestration {@code name} with an input (JSON, or null). */
  public static HistoryBuilder started(String name, String inputJson) {
    return startedAt(Instant.parse("2030-01-01T00:00:00Z"), name, inputJson);
  }

  /** Like {@link #started} at a given time. */
  public static HistoryBuilder startedAt(Instant start, String name, String inputJson) {
    HistoryBuilder builder = new HistoryBuilder(start);
    builder.openEpisode();
    builder.add(new ExecutionStarted(-1, start, name, "execution-1", inputJson, null, null));
    return builder;
  }

  private void openEpisode() {
    add(new OrchestratorStarted(-1, time));
    episodeOpen = true;
  }

  private HistoryBuilder add(HistoryEvent event) {
    events.add(event.withEventId(events.size()));
    return this;
  }

  /** Closes the current episode and opens the next, a second later. */
  public HistoryBuilder nextEpisode() {
    return nextEpisode(Duration.ofSeconds(1));
  }

  /** Closes the current episode and opens the next, {@code later} after. */
  public HistoryBuilder nextEpisode(Duration later) {
    add(new OrchestratorCompleted(-1, time));
    time = time.plus(later);
    openEpisode();
    return this;
  }

  /** The orchestration scheduled an activity (task ids are numbered in order). */
  public HistoryBuilder taskScheduled(String activity, String inputJson) {
    int taskId = nextTaskId++;
    return add(new TaskScheduled(-1, time, taskId, activity, inputJson, 1, null));
  }

  /** The orchestration created a timer. */
  public HistoryBuilder timerCreated(Instant fireAt) {
    int taskId = nextTaskId++;
    return add(new TimerCreated(-1, time, taskId, fireAt));
  }

  /** An activity completed. */
  public HistoryBuilder taskCompleted(int taskId, String resultJson) {
    return add(new TaskCompleted(-1, time, taskId, resultJson));
  }

  /** An activity failed. */
  public HistoryBuilder taskFailed(int taskId, FailureDetails failure) {
    return add(new TaskFailed(-1, time, taskId, failure));
  }

  /** A timer fired. */
  public HistoryBuilder timerFired(int taskId, Instant fireAt) {
    return add(new TimerFired(-1, time, taskId, fireAt));
  }

  /** An external event arrived. */
  public HistoryBuilder eventRaised(String name, String dataJson) {
    return add(new EventRaised(-1, time, name, dataJson));
  }

  /** The execution completed with an output. */
  public HistoryBuilder completed(String outputJson) {
    return add(new ExecutionCompleted(-1, time, RuntimeStatus.COMPLETED, outputJson, null));
  }

  /** Skips task ids (for actions recorded with other builder methods or by hand). */
  public HistoryBuilder skipTaskIds(int count) {
    nextTaskId += count;
    return this;
  }

  /** Adds any event (numbered for you). */
  public HistoryBuilder event(HistoryEvent event) {
    return add(event);
  }

  /** The history, with the last episode closed. */
  public List<HistoryEvent> build() {
    List<HistoryEvent> result = new ArrayList<>(events);
    if (episodeOpen) {
      result.add(new OrchestratorCompleted(result.size(), time));
    }
    return List.copyOf(result);
  }
}
