package dev.cairn.testing;

import dev.cairn.client.RuntimeStatus;
import dev.cairn.failure.FailureDetails;
import dev.cairn.history.HistoryEvent;
import dev.cairn.history.HistoryJson;
import dev.cairn.internal.registry.LambdaTypes;
import dev.cairn.internal.replay.EpisodeResult;
import dev.cairn.internal.replay.ExecutorSettings;
import dev.cairn.internal.replay.FunctionLookup;
import dev.cairn.internal.replay.OrchestrationDefinition;
import dev.cairn.internal.replay.OrchestrationExecutor;
import dev.cairn.orchestration.Orchestration;
import dev.cairn.serialization.DataConverter;
import dev.cairn.serialization.JacksonDataConverter;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Replays saved histories against the current orchestration code, without a runtime or a store: the way to
 * check, before deploying, that a code change does not break instances that are still running. A mismatch
 * throws {@link dev.cairn.failure.NonDeterminismException} naming the position and both actions.
 *
 * <pre>{@code
 * HistoryReplayer replayer = HistoryReplayer.builder().orchestration("Checkout", new Checkout()).build();
 * replayer.replay(Files.readString(Path.of("histories/checkout-1.json")));
 * }</pre>
 */
public final class HistoryReplayer {
  private final ExecutorSettings settings;

  private HistoryReplayer(ExecutorSettings settings) {
    this.settings = settings;
  }

  /** A builder to register the orchestrations to replay. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Replays a history given as JSON (as {@code HistoryJson.write} or the HTTP API's {@code showHistory} give
   * it).
   */
  public Result replay(String historyJson) {
    return replay(HistoryJson.read(historyJson));
  }

  /**
   * Replays a history: runs the code against every recorded event and checks every action it takes.
   *
   * @throws dev.cairn.failure.NonDeterminismException when the code does not do what the history recorded
   */
  public Result replay(List<HistoryEvent> history) {
    if (history.isEmpty()) {
      throw new IllegalArgumentException("The history is empty.");
    }
    OrchestrationExecutor executor = new OrchestrationExecutor("replay", settings);
    try {
      EpisodeResult result = executor.runEpisode(history, List.of(), history.get(history.size() - 1).timestamp());
      return new Result(result.status(), result.output(), result.failure(), result.customStatus());
    } finally {
      executor.abandon();
    }
  }

  /**
   * What the replayed code reached.
   *
   * @param status the status at the end of the history (RUNNING when it had not finished)
   * @param output the output as JSON, when completed
   * @param failure the failure, when failed
   * @param customStatus the custom status as JSON
   */
  public record Result(RuntimeStatus status, String output, FailureDetails failure, String customStatus) {}

  /** Registers orchestrations for a replayer. */
  public static final class Builder {
    private final Map<String, OrchestrationDefinition> orchestrations = new HashMap<>();
    private DataConverter converter = new JacksonDataConverter();

    private Builder() {}

    /** Registers an orchestration under its name. */
    public <I, O> Builder orchestration(String name, Orchestration<I, O> function) {
      return orchestration(name, LambdaTypes.inputType(function, Orchestration.class), function);
    }

    /** Registers an orchestration whose input is read as {@code inputType}. */
    @SuppressWarnings("unchecked")
    public <I, O> Builder orchestration(String name, Type inputType, Orchestration<I, O> function) {
      orchestrations.put(name, new OrchestrationDefinition(name, (Orchestration<Object, Object>) function, inputType));
      return this;
    }

    /** The converter the runtime uses (default: Jackson). */
    public Builder dataConverter(DataConverter value) {
      this.converter = value;
      return this;
    }

    /** The replayer. */
    public HistoryReplayer build() {
      Map<String, OrchestrationDefinition> known = new TreeMap<>(orchestrations);
      FunctionLookup lookup = new FunctionLookup() {
        @Override
        public OrchestrationDefinition findOrchestration(String name) {
          return known.get(name);
        }

        @Override
        public List<String> orchestrationNames() {
          return List.copyOf(known.keySet());
        }

        @Override
        public boolean isEntity(String name) {
          return true;
        }

        @Override
        public List<String> entityNames() {
          return List.of();
        }
      };
      return new HistoryReplayer(new ExecutorSettings(lookup, converter, Duration.ofSeconds(30), Integer.MAX_VALUE));
    }
  }
}
