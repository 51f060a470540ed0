package io.xpbridge.config;

import io.vertx.core.json.JsonObject;

/** The {@code sync} section: how the engine drains the queue. */
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
    int maxWaitingSubmits) {

  public static SyncSettings from(JsonObject root) {
    return new SyncSettings(
        ConfigPath.longIn(root, "sync.intervalMs", 5_000, 10, 86_400_000),
        ConfigPath.intIn(root, "sync.batchSize", 100, 1, 10_000),
        ConfigPath.intIn(root, "sync.maxRetries", 3, 0, 100),
        ConfigPath.longIn(root, "sync.retryBackoffMs", 1_000, 0, 3_600_000),
        ConfigPath.longIn(root, "sync.retryBackoffMaxMs", 60_000, 0, 86_400_000),
        ConfigPath.intIn(root, "sync.claimLeaseSeconds", 60, 1, 86_400),
        ConfigPath.longIn(root, "sync.effectWaitMs", 30_000, 10, 86_400_000),
        ConfigPath.longIn(root, "sync.effectTimeoutMs", 15_000, 100, 600_000),
        ConfigPath.intIn(root, "sync.submitFlushMaxEvents", 1_000, 1, 10_000),
        // About 2 KB each while waiting: the default holds 40 MB at most, well inside a 256 MB heap.
        ConfigPath.intIn(root, "sync.maxWaitingSubmits", 20_000, 1, 1_000_000));
  }

  /** Exponential backoff after the {@code attempt}-th failure (1-based), capped. */
  public long backoffMs(int attempt) {
    long delay = retryBackoffMs << Math.min(Math.max(attempt - 1, 0), 20);
    return Math.min(delay, retryBackoffMaxMs);
  }
}
