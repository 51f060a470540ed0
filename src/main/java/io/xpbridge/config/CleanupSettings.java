package io.xpbridge.config;

import io.vertx.core.json.JsonObject;

/** The {@code cleanup} section: retention of finished events. */
public record CleanupSettings(long intervalMs, int completedRetentionDays, int failedRetentionDays) {
  public static CleanupSettings from(JsonObject root) {
    return new CleanupSettings(
        ConfigPath.longIn(root, "cleanup.intervalMs", 86_400_000, 100, 604_800_000L),
        ConfigPath.intIn(root, "cleanup.completedRetentionDays", 30, 0, 3650),
        ConfigPath.intIn(root, "cleanup.failedRetentionDays", 7, 0, 3650));
  }
}
