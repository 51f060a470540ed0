package io.xpbridge.config;

/** The {@code cleanup} section: retention of finished events. */
public record CleanupSettings(long intervalMs, int completedRetentionDays, int failedRetentionDays) {
  static CleanupSettings read(ConfigReader in) {
    return new CleanupSettings(
        in.longIn("cleanup.intervalMs", 86_400_000, 100, 604_800_000L),
        in.intIn("cleanup.completedRetentionDays", 30, 0, 3650),
        in.intIn("cleanup.failedRetentionDays", 7, 0, 3650));
  }
}
