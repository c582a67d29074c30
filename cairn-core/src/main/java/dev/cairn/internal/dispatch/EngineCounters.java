package dev.cairn.internal.dispatch;

import java.util.concurrent.atomic.LongAdder;

/** The engine's running counters, cheap to bump from any thread. */
final class EngineCounters {
  final LongAdder episodes = new LongAdder();
  final LongAdder replayedEvents = new LongAdder();
  final LongAdder appendedEvents = new LongAdder();
  final LongAdder commits = new LongAdder();
  final LongAdder activitiesCompleted = new LongAdder();
  final LongAdder entityOperations = new LongAdder();
  final LongAdder instancesFinished = new LongAdder();
}
