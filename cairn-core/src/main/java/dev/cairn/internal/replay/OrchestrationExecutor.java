package dev.cairn.internal.replay;

import dev.cairn.client.RuntimeStatus;
import dev.cairn.entity.EntityId;
import dev.cairn.failure.FailureDetails;
import dev.cairn.failure.NonDeterminismException;
import dev.cairn.failure.PayloadTooLargeException;
import dev.cairn.failure.UnknownFunctionException;
import dev.cairn.history.ContinueAsNew;
import dev.cairn.history.EntityLockGranted;
import dev.cairn.history.EntityLockRequested;
import dev.cairn.history.EntityOperationCalled;
import dev.cairn.history.EntityOperationCompleted;
import dev.cairn.history.EntityOperationFailed;
import dev.cairn.history.EntityOperationSignaled;
import dev.cairn.history.EntityUnlockSent;
import dev.cairn.history.EventRaised;
import dev.cairn.history.EventSent;
import dev.cairn.history.ExecutionCompleted;
import dev.cairn.history.ExecutionResumed;
import dev.cairn.history.ExecutionStarted;
import dev.cairn.history.ExecutionSuspended;
import dev.cairn.history.ExecutionTerminated;
import dev.cairn.history.HistoryEvent;
import dev.cairn.history.OrchestratorCompleted;
import dev.cairn.history.OrchestratorStarted;
import dev.cairn.history.ParentInstance;
import dev.cairn.history.SubOrchestrationInstanceCompleted;
import dev.cairn.history.SubOrchestrationInstanceCreated;
import dev.cairn.history.SubOrchestrationInstanceFailed;
import dev.cairn.history.TaskCompleted;
import dev.cairn.history.TaskFailed;
import dev.cairn.history.TaskScheduled;
import dev.cairn.history.TimerCreated;
import dev.cairn.history.TimerFired;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Runs one execution of an orchestration, episode by episode. An episode is a pure function of the events
 * already recorded and the new events: the recorded ones are replayed (the code's actions are matched against
 * them, their results fed back), then the new ones are processed, and the code runs whenever the task it
 * awaits is done, until it awaits something not done or finishes.
 *
 * <p>Events are consumed only while the code is blocked, one at a time, in history order, so that a replay
 * sees exactly what the first run saw. In the cached mode the executor, with the code parked on its thread,
 * survives between episodes and is fed only new events; in the replay-only mode a fresh executor replays the
 * whole history every episode. Both give the same results.
 */
public final class OrchestrationExecutor {
  private static final int COMPLETION_KEY = Integer.MIN_VALUE;

  private record Queued(HistoryEvent event, boolean recorded, boolean past) {}

  private record EntityCall(int taskId, EntityId entity) {}

  final String instanceId;
  final ExecutorSettings settings;

  // Execution state: survives between episodes in the cached mode.
  String name;
  String executionId;
  String inputJson;
  ParentInstance parent;
  Instant currentTime = Instant.EPOCH;
  boolean replaying;
  int uuidCounter;
  String customStatus;
  CriticalSectionState section;
  final ExternalEvents events = new ExternalEvents();
  private OrchestrationDefinition definition;
  private boolean started;
  private boolean finished;
  private Completion completion;
  private int nextTaskId;
  private int nextEventId;
  private boolean suspended;
  private final ArrayDeque<HistoryEvent> held = new ArrayDeque<>();
  private final TreeMap<Integer, HistoryEvent> pendingReplay = new TreeMap<>();
  private final Map<Integer, TaskImpl<?>> openTasks = new HashMap<>();
  private final Map<String, EntityCall> openEntityCalls = new HashMap<>();
  private final Map<Integer, String> openChildren = new LinkedHashMap<>();
  private CodeRunner code;
  private TaskImpl<?> awaited;
  private boolean codeRunnable;
  private boolean codeReturned;
  private Object codeResult;
  private Throwable codeFailure;
  private ContinueAsNewSignal continueAsNew;

  // Episode state.
  private final ArrayDeque<Queued> queue = new ArrayDeque<>();
  private List<HistoryEvent> appended = new ArrayList<>();
  private List<String> childrenToTerminate = new ArrayList<>();
  private List<EntityLockGranted> strayGrants = new ArrayList<>();
  private int unconsumedEvents;

  /** An executor for one instance; feed it with {@link #runEpisode}. */
  public OrchestrationExecutor(String instanceId, ExecutorSettings settings) {
    this.instanceId = instanceId;
    this.settings = settings;
  }

  /**
   * Runs an episode: replays {@code past} (events already recorded, which this executor has not seen), then
   * processes {@code fresh} (new events, unnumbered) in an episode starting at {@code now}.
   *
   * @throws NonDeterminismException when the code does not do what the history recorded
   * @throws OrchestrationCrashedException when the code threw an {@link Error}
   */
  public EpisodeResult runEpisode(List<HistoryEvent> past, List<HistoryEvent> fresh, Instant now) {
    appended = new ArrayList<>();
    childrenToTerminate = new ArrayList<>();
    strayGrants = new ArrayList<>();
    unconsumedEvents = 0;
    nextEventId += past.size();
    for (HistoryEvent event : past) {
      queue.add(new Queued(event, true, true));
    }
    queue.add(new Queued(new OrchestratorStarted(-1, now), false, false));
    for (HistoryEvent event : fresh) {
      queue.add(new Queued(event, false, false));
    }
    drive();
    if (appended.size() == 1) {
      // Nothing but the OrchestratorStarted: nothing relevant arrived, so nothing is recorded.
      appended.clear();
      nextEventId--;
    } else {
      appended.add(new OrchestratorCompleted(nextEventId++, now));
    }
    return result();
  }

  /** Whether the execution has ended. */
  public boolean isFinished() {
    return finished;
  }

  /** Gives the execution up: the parked code (if any) unwinds and its thread ends. */
  public void abandon() {
    if (code != null) {
      code.abandon();
    }
  }

  /** How many history events this executor has seen (its estimate of the memory it holds). */
  public int historyLength() {
    return nextEventId;
  }

  private void drive() {
    while (true) {
      if (codeRunnable) {
        runCode();
        continue;
      }
      Queued next = queue.poll();
      if (next == null) {
        return;
      }
      replaying = next.past();
      process(next);
      if (awaited != null && awaited.isDone() && !finished) {
        codeRunnable = true;
      }
    }
  }

  private void process(Queued q) {
    HistoryEvent event = q.event();
    if (q.past() && !isAction(event) && !pendingReplay.isEmpty()) {
      Map.Entry<Integer, HistoryEvent> first = pendingReplay.firstEntry();
      throw nonDeterminism(first.getKey(), "nothing more before " + ActionDescriptions.describe(event),
          ActionDescriptions.describe(first.getValue()));
    }
    if (suspended && heldWhileSuspended(event)) {
      accept(q);
      held.add(event);
      return;
    }
    switch (event) {
      case OrchestratorStarted e -> {
        currentTime = e.timestamp();
        accept(q);
      }
      case OrchestratorCompleted e -> accept(q);
      case ExecutionStarted e -> onStarted(q, e);
      case ExecutionCompleted e -> matchAction(q, COMPLETION_KEY, e);
      case ContinueAsNew e -> matchAction(q, COMPLETION_KEY, e);
      case ExecutionTerminated e -> onTerminated(q, e);
      case ExecutionSuspended e -> onSuspended(q);
      case ExecutionResumed e -> onResumed(q);
      case TaskScheduled e -> matchAction(q, e.taskId(), e);
      case TimerCreated e -> matchAction(q, e.taskId(), e);
      case SubOrchestrationInstanceCreated e -> matchAction(q, e.taskId(), e);
      case EventSent e -> matchAction(q, e.taskId(), e);
      case EntityOperationCalled e -> matchAction(q, e.taskId(), e);
      case EntityOperationSignaled e -> matchAction(q, e.taskId(), e);
      case EntityLockRequested e -> matchAction(q, e.taskId(), e);
      case EntityUnlockSent e -> matchAction(q, e.taskId(), e);
      case TaskCompleted e -> completeTask(q, e.taskScheduledId(), t -> t.completeWithJson(e.result()));
      case TaskFailed e -> completeTask(q, e.taskScheduledId(), t -> t.fail(TaskFailures.of(t, e.failure())));
      case SubOrchestrationInstanceCompleted e -> {
        openChildren.remove(e.taskScheduledId());
        completeTask(q, e.taskScheduledId(), t -> t.completeWithJson(e.result()));
      }
      case SubOrchestrationInstanceFailed e -> {
        openChildren.remove(e.taskScheduledId());
        completeTask(q, e.taskScheduledId(), t -> t.fail(TaskFailures.of(t, e.failure())));
      }
      case TimerFired e -> completeTask(q, e.timerId(), t -> t.completeWithJson(null));
      case EventRaised e -> onEventRaised(q, e);
      case EntityOperationCompleted e -> completeEntityCall(q, e.requestId(), t -> t.completeWithJson(e.result()));
      case EntityOperationFailed e ->
          completeEntityCall(q, e.requestId(), t -> t.fail(TaskFailures.of(t, e.failure())));
      case EntityLockGranted e -> onLockGranted(q, e);
    }
  }

  private static boolean isAction(HistoryEvent event) {
    return switch (event) {
      case TaskScheduled e -> true;
      case TimerCreated e -> true;
      case SubOrchestrationInstanceCreated e -> true;
      case EventSent e -> true;
      case EntityOperationCalled e -> true;
      case EntityOperationSignaled e -> true;
      case EntityLockRequested e -> true;
      case EntityUnlockSent e -> true;
      case ExecutionCompleted e -> true;
      case ContinueAsNew e -> true;
      default -> false;
    };
  }

  private static boolean heldWhileSuspended(HistoryEvent event) {
    return !(event instanceof ExecutionResumed
        || event instanceof ExecutionTerminated
        || event instanceof OrchestratorStarted
        || event instanceof OrchestratorCompleted
        || isAction(event));
  }

  private void accept(Queued q) {
    if (!q.recorded()) {
      appended.add(q.event().withEventId(nextEventId++));
    }
  }

  private void onStarted(Queued q, ExecutionStarted e) {
    if (started) {
      return;
    }
    accept(q);
    started = true;
    name = e.name();
    executionId = e.executionId();
    inputJson = e.input();
    parent = e.parent();
    definition = settings.lookup().findOrchestration(name);
    if (definition == null) {
      finishExecution(Completion.failed(FailureDetails.from(
          new UnknownFunctionException("orchestration", name, settings.lookup().orchestrationNames()))));
      return;
    }
    ContextImpl context = new ContextImpl(this);
    code = new CodeRunner("cairn-orchestration-" + instanceId, () -> runBody(context));
    codeRunnable = true;
  }

  private void runBody(ContextImpl context) {
    try {
      Object input = settings.converter().deserialize(inputJson, definition.inputType());
      codeResult = definition.function().run(context, input);
      codeReturned = true;
    } catch (ContinueAsNewSignal signal) {
      continueAsNew = signal;
    } catch (OrchestrationAbandoned abandoned) {
      throw abandoned;
    } catch (Throwable t) {
      codeFailure = t;
    }
  }

  private void runCode() {
    codeRunnable = false;
    boolean yielded = code.resume(settings.watchdog());
    if (!yielded) {
      code.abandon();
      finishExecution(Completion.failed(FailureDetails.of(
          "dev.cairn.OrchestrationStuck",
          "The code of orchestration '" + name + "' (instance '" + instanceId + "') ran for more than "
              + settings.watchdog() + " without awaiting a task. Orchestration code must not block: no"
              + " I/O, sleeps, locks or busy loops. Move such work into an activity.")));
      return;
    }
    if (code.isFinished() && !finished) {
      onCodeEnded();
    }
  }

  private void onCodeEnded() {
    if (continueAsNew != null) {
      List<EventRaised> carried =
          continueAsNew.preserveUnprocessedEvents ? events.unconsumed() : List.of();
      finishExecution(Completion.continuedAsNew(
          continueAsNew.inputJson, continueAsNew.preserveUnprocessedEvents, carried));
    } else if (codeReturned) {
      finishExecution(completionOf(codeResult));
    } else if (codeFailure instanceof Error error) {
      throw new OrchestrationCrashedException(instanceId, error);
    } else {
      finishExecution(Completion.failed(FailureDetails.from(codeFailure)));
    }
  }

  private Completion completionOf(Object result) {
    try {
      return Completion.completed(serialize(result, "output"));
    } catch (RuntimeException e) {
      return Completion.failed(FailureDetails.from(e));
    }
  }

  private void onTerminated(Queued q, ExecutionTerminated e) {
    if (finished) {
      return;
    }
    accept(q);
    if (e.recursive()) {
      childrenToTerminate.addAll(openChildren.values());
    }
    if (code != null) {
      code.abandon();
    }
    finishExecution(Completion.terminated(settings.converter().serialize(e.reason())));
  }

  private void onSuspended(Queued q) {
    if (finished || suspended) {
      return;
    }
    accept(q);
    suspended = true;
  }

  private void onResumed(Queued q) {
    if (finished || !suspended) {
      return;
    }
    accept(q);
    suspended = false;
    List<HistoryEvent> release = new ArrayList<>(held);
    held.clear();
    for (int i = release.size() - 1; i >= 0; i--) {
      queue.addFirst(new Queued(release.get(i), true, q.past()));
    }
  }

  private void onEventRaised(Queued q, EventRaised e) {
    if (finished) {
      return;
    }
    accept(q);
    events.deliver(e);
  }

  private void onLockGranted(Queued q, EntityLockGranted e) {
    if (!finished && section != null && !section.granted && section.requestId.equals(e.requestId())) {
      accept(q);
      section.granted = true;
      TaskImpl<?> grant = openTasks.remove(section.grantTaskId);
      if (grant != null) {
        grant.completeWithJson(null);
      }
    } else if (!q.recorded()) {
      strayGrants.add(e);
    }
  }

  private void completeTask(Queued q, int taskId, Consumer<TaskImpl<?>> completion) {
    TaskImpl<?> task = finished ? null : openTasks.remove(taskId);
    if (task == null) {
      return;
    }
    accept(q);
    completion.accept(task);
  }

  private void completeEntityCall(Queued q, String requestId, Consumer<TaskImpl<?>> completion) {
    EntityCall call = finished ? null : openEntityCalls.remove(requestId);
    if (call == null) {
      return;
    }
    if (section != null) {
      section.callsInFlight.remove(call.entity());
    }
    completeTask(q, call.taskId(), completion);
  }

  private void matchAction(Queued q, int key, HistoryEvent recorded) {
    if (!q.past()) {
      return;
    }
    HistoryEvent attempted = pendingReplay.remove(key);
    if (attempted == null) {
      throw nonDeterminism(key, ActionDescriptions.describe(recorded),
          "nothing at that position (the code did not reach it, or took another path)");
    }
    if (!ActionDescriptions.sameAction(recorded, attempted)) {
      throw nonDeterminism(key, ActionDescriptions.describe(recorded), ActionDescriptions.describe(attempted));
    }
  }

  private NonDeterminismException nonDeterminism(int key, String recorded, String attempted) {
    int position = key == COMPLETION_KEY ? nextTaskId : key;
    return new NonDeterminismException(instanceId, position, recorded, attempted);
  }

  private void finishExecution(Completion end) {
    if (section != null) {
      recordUnlock();
    }
    HistoryEvent last =
        end.status() == RuntimeStatus.CONTINUED_AS_NEW
            ? new ContinueAsNew(-1, currentTime, end.output(), end.preserveEvents())
            : new ExecutionCompleted(-1, currentTime, end.status(), end.output(), end.failure());
    recordAction(COMPLETION_KEY, last);
    finished = true;
    completion = end;
    unconsumedEvents = events.unconsumed().size() - end.carriedEvents().size();
    codeRunnable = false;
    awaited = null;
    if (code != null) {
      code.abandon();
    }
  }

  private EpisodeResult result() {
    RuntimeStatus status =
        finished ? completion.status()
            : suspended ? RuntimeStatus.SUSPENDED
            : started ? RuntimeStatus.RUNNING
            : RuntimeStatus.PENDING;
    boolean continued = status == RuntimeStatus.CONTINUED_AS_NEW;
    return new EpisodeResult(
        List.copyOf(appended),
        status,
        name,
        executionId,
        inputJson,
        parent,
        finished && !continued ? completion.output() : null,
        finished ? completion.failure() : null,
        customStatus,
        continued ? completion.output() : null,
        continued ? completion.carriedEvents() : List.of(),
        List.copyOf(childrenToTerminate),
        List.copyOf(strayGrants),
        finished ? unconsumedEvents : 0);
  }

  // ----- used by the context, on the code's thread ---------------------------------------------------

  /** Waits for a task: parks the code until the driver has processed the events that complete it. */
  <T> T await(TaskImpl<T> task) {
    checkUsable();
    while (!task.isDone()) {
      awaited = task;
      code.yieldToDriver();
    }
    awaited = null;
    return task.result();
  }

  /** Fails fast when called from a thread other than the code's, or after the execution was given up. */
  void checkUsable() {
    if (code == null || code.isAbandoned() || finished) {
      throw OrchestrationAbandoned.INSTANCE;
    }
    if (!code.isCodeThread()) {
      throw new IllegalStateException(
          "Orchestration context of '" + instanceId + "' used outside the orchestration's own thread."
              + " Orchestration code must not start threads or use executors; start activities instead.");
    }
  }

  boolean isAbandoned() {
    return code == null || code.isAbandoned();
  }

  int newTaskId() {
    return nextTaskId++;
  }

  /** Records an action: appended at once when running live, matched against the history when replaying. */
  void recordAction(int key, HistoryEvent event) {
    if (replaying) {
      pendingReplay.put(key, event);
    } else {
      appended.add(event.withEventId(nextEventId++));
    }
  }

  <T> TaskImpl<T> newTask(java.lang.reflect.Type resultType, String taskName, int taskId) {
    return new TaskImpl<>(this, settings.converter(), resultType, taskName, taskId);
  }

  void openTask(int taskId, TaskImpl<?> task) {
    openTasks.put(taskId, task);
  }

  void openEntityCall(String requestId, int taskId, EntityId entity) {
    openEntityCalls.put(requestId, new EntityCall(taskId, entity));
  }

  void openChild(int taskId, String childInstanceId) {
    openChildren.put(taskId, childInstanceId);
  }

  /** Records the release of the open critical section's locks and closes it. */
  void recordUnlock() {
    int taskId = newTaskId();
    recordAction(taskId,
        new EntityUnlockSent(-1, currentTime, taskId, section.requestId, section.lockSet));
    section = null;
  }

  /** Serializes a value for the history, refusing payloads over the limit. */
  String serialize(Object value, String field) {
    String json = settings.converter().serialize(value);
    if (json != null && json.length() > settings.maxPayloadChars()) {
      throw new PayloadTooLargeException(field, json.length(), settings.maxPayloadChars());
    }
    return json;
  }

  String requestId(int taskId) {
    return DeterministicIds.uuid(instanceId + "/" + executionId + "/request/" + taskId).toString();
  }

  String parentInstanceId() {
    return parent == null ? null : parent.instanceId();
  }
}
