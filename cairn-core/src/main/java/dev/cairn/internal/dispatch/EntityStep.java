package dev.cairn.internal.dispatch;

import dev.cairn.entity.EntityId;
import dev.cairn.failure.FailureDetails;
import dev.cairn.history.EntityOperationFailed;
import dev.cairn.internal.entity.EntityBatch;
import dev.cairn.internal.entity.EntityBatchCrashedException;
import dev.cairn.internal.entity.EntityBatchOutcome;
import dev.cairn.internal.entity.EntityOutbox;
import dev.cairn.store.EntitySnapshot;
import dev.cairn.store.Message;
import dev.cairn.store.OperationRequest;
import dev.cairn.store.OrchestrationMessage;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Processes one entity's share of a partition batch and adds its write and outgoing messages to the commit.
 * A message that crashes the batch counts a failed attempt (the messages before it are processed again next
 * time) and is parked after too many; a parked call is answered with a failure so that its caller goes on.
 */
final class EntityStep {
  private static final Logger LOG = LoggerFactory.getLogger(EntityStep.class);

  record Work(EntityId entity, List<Message> messages) {}

  private final EngineConfig config;

  EntityStep(EngineConfig config) {
    this.config = config;
  }

  void process(Work work, EntitySnapshot snapshot, CommitBuilder commit, Instant now) {
    try {
      EntityBatch batch = new EntityBatch(work.entity(), snapshot, config.functions(), config.converter(),
          config.maxPayloadChars(), now);
      EntityBatchOutcome outcome = batch.run(work.messages(), snapshot == null ? null : snapshot.record());
      commit.consumed(work.messages().stream().map(Message::id).toList());
      commit.entity(outcome.write());
      for (EntityOutbox out : outcome.outbox()) {
        commit.message(out.target(), out.body(), out.visibleAt());
      }
    } catch (EntityBatchCrashedException crash) {
      onCrash(crash.message(), crash.getCause(), commit, now);
    } catch (VirtualMachineError fatal) {
      throw fatal;
    } catch (RuntimeException | Error e) {
      onCrash(work.messages().get(0), e, commit, now);
    }
  }

  private void onCrash(Message bad, Throwable error, CommitBuilder commit, Instant now) {
    int attempts = bad.failedAttempts() + 1;
    if (attempts < config.poisonThreshold()) {
      LOG.warn("Processing message {} for entity {} failed (attempt {} of {}); it will be retried", bad.id(),
          bad.target(), attempts, config.poisonThreshold(), error);
      commit.failed(bad.id(), String.valueOf(error));
      return;
    }
    LOG.error("Processing message {} for entity {} failed {} times; it is parked in the dead letters",
        bad.id(), bad.target(), attempts, error);
    commit.parked(bad.id(), String.valueOf(error));
    if (bad.body() instanceof OperationRequest op && !op.isSignal()) {
      FailureDetails details = new FailureDetails("dev.cairn.PoisonMessage",
          "Operation '" + op.operation() + "' of entity " + bad.target() + " failed " + attempts
              + " times and was moved to the dead letters. Last error: " + error,
          "", FailureDetails.from(error), true);
      commit.message(op.replyTo().instanceId(), new OrchestrationMessage(op.replyTo().executionId(),
          new EntityOperationFailed(-1, now, op.requestId(), details)), now);
    }
  }
}
