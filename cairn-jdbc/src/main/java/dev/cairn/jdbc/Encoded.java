package dev.cairn.jdbc;

import dev.cairn.store.InstanceRecord;
import dev.cairn.store.InstanceWrite;
import dev.cairn.store.NewMessage;
import dev.cairn.store.PartitionCommit;
import dev.cairn.store.StoreCodec;
import java.time.Instant;
import java.util.List;

/**
 * Writes with their JSON encoded up front, on the thread that submits them: the store has one writer thread,
 * and it should spend its time in the database, not in the JSON encoder.
 */
final class Encoded {
  private Encoded() {}

  /** An instance row with its failure and parent encoded. */
  record Row(InstanceRecord row, String failure, String parent) {
    static Row of(InstanceRecord row) {
      return new Row(row, StoreCodec.encode(row.failure()), StoreCodec.encode(row.parent()));
    }
  }

  /** An instance write with its row and appended events encoded. */
  record InstanceChange(InstanceWrite write, Row row, String history) {
    static InstanceChange of(InstanceWrite write) {
      return new InstanceChange(write, Row.of(write.record()),
          write.history().isEmpty() ? null : StoreCodec.encodeEvents(write.history()));
    }
  }

  /**
   * A message to queue, with its body encoded; id 0 when the store assigns it. A message due by the time it is
   * written is stored as visible since the epoch: visible to every reader whatever its clock, so that a worker whose
   * clock is behind the sender's cannot see a sender's later message before its earlier one.
   */
  record Message(long id, int partition, String target, String body, long visibleAtMicros) {
    static Message of(NewMessage message, Instant now) {
      long visibleAt = message.visibleAt().isAfter(now) ? Times.micros(message.visibleAt()) : 0;
      return new Message(message.id(), message.partition(), message.target(), StoreCodec.encode(message.body()),
          visibleAt);
    }

    static List<Message> of(List<NewMessage> messages, Instant now) {
      return messages.stream().map(message -> of(message, now)).toList();
    }
  }

  /** A partition commit with its instance changes and messages encoded. */
  record Commit(PartitionCommit commit, List<InstanceChange> instances, List<Message> messages) {
    static Commit of(PartitionCommit commit, Instant now) {
      return new Commit(commit, commit.instanceWrites().stream().map(InstanceChange::of).toList(),
          Message.of(commit.newMessages(), now));
    }
  }
}
