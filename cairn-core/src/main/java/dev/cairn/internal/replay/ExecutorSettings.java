package dev.cairn.internal.replay;

import dev.cairn.serialization.DataConverter;
import java.time.Duration;

/**
 * What every orchestration executor of a runtime shares.
 *
 * @param lookup finds orchestration code by name
 * @param converter converts payloads
 * @param watchdog how long orchestration code may run without yielding before its instance is failed
 * @param maxPayloadChars the largest payload (JSON characters) accepted
 */
public record ExecutorSettings(
    FunctionLookup lookup, DataConverter converter, Duration watchdog, int maxPayloadChars) {}
