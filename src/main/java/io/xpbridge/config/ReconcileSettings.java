package io.xpbridge.config;

/** The {@code reconcile} section. A run walks all players, {@code batchSize} at a time. */
public record ReconcileSettings(long intervalMs, int batchSize) {
  static ReconcileSettings read(ConfigReader in) {
    return new ReconcileSettings(
        in.longIn("reconcile.intervalMs", 900_000, 100, 604_800_000L),
        in.intIn("reconcile.batchSize", 100, 1, 50_000));
  }
}
