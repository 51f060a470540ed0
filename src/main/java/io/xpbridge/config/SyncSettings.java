package io.xpbridge.config;

/**
 * The {@code sync} section: how the engine drains the queue. {@code instances} is the number of
 * engine verticles deployed at start, so it waits for a restart; the rest applies live.
 */
public record SyncSettings(
    long intervalMs,
    int batchSize,
    int maxRetries,
    long retryBackoffMs,
    long retryBackoffMaxMs,
    int claimLeaseSeconds,
    long effectWaitMs,
    long effectTimeoutMs,
    int submitFlushMaxEvents,
    int instances,
    int maxWaitingSubmits) {

  static SyncSettings read(ConfigReader in) {
    return new SyncSettings(
        in.longIn("sync.intervalMs", 5_000, 10, 86_400_000),
        in.intIn("sync.batchSize", 100, 1, 10_000),
        in.intIn("sync.maxRetries", 3, 0, 100),
        in.longIn("sync.retryBackoffMs", 1_000, 0, 3_600_000),
        in.longIn("sync.retryBackoffMaxMs", 60_000, 0, 86_400_000),
        in.intIn("sync.claimLeaseSeconds", 60, 1, 86_400),
        in.longIn("sync.effectWaitMs", 30_000, 10, 86_400_000),
        in.longIn("sync.effectTimeoutMs", 15_000, 100, 600_000),
        in.intIn("sync.submitFlushMaxEvents", 1_000, 1, 10_000),
        in.intIn("sync.instances", 1, 1, 64),
        // About 2 KB each while waiting: the default holds 40 MB at most, well inside a 256 MB heap.
        in.intIn("sync.maxWaitingSubmits", 20_000, 1, 1_000_000));
  }

  /** Exponential backoff after the {@code attempt}-th failure (1-based), capped. */
  public long backoffMs(int attempt) {
    long delay = retryBackoffMs << Math.min(Math.max(attempt - 1, 0), 20);
    return Math.min(delay, retryBackoffMaxMs);
  }

  /** The same settings with another instance count (kept from the running config on a live change). */
  SyncSettings withInstances(int running) {
    return new SyncSettings(intervalMs, batchSize, maxRetries, retryBackoffMs, retryBackoffMaxMs, claimLeaseSeconds,
        effectWaitMs, effectTimeoutMs, submitFlushMaxEvents, running, maxWaitingSubmits);
  }
}
