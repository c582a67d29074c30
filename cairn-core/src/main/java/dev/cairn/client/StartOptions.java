package dev.cairn.client;

import java.time.Instant;

/**
 * Options of a start.
 *
 * @param instanceId the id to give the instance, or null for a new UUID
 * @param reusePolicy what to do when the id exists
 * @param startAt when to start, or null for at once
 */
public record StartOptions(String instanceId, ReusePolicy reusePolicy, Instant startAt) {

  /** Defaults: a new UUID, {@link ReusePolicy#REJECT}, start at once. */
  public static StartOptions defaults() {
    return new StartOptions(null, ReusePolicy.REJECT, null);
  }

  /** Start with this instance id. */
  public static StartOptions withId(String instanceId) {
    return new StartOptions(instanceId, ReusePolicy.REJECT, null);
  }

  /** The same options with another reuse policy. */
  public StartOptions reusePolicy(ReusePolicy policy) {
    return new StartOptions(instanceId, policy, startAt);
  }

  /** The same options with a delayed start. */
  public StartOptions startAt(Instant when) {
    return new StartOptions(instanceId, reusePolicy, when);
  }

  /** Fills in the default reuse policy. */
  public StartOptions {
    reusePolicy = reusePolicy == null ? ReusePolicy.REJECT : reusePolicy;
  }
}
