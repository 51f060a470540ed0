package io.xpbridge.config;

import io.vertx.core.json.JsonObject;

/** The {@code reconcile} section. A run walks all players, {@code batchSize} at a time. */
public record ReconcileSettings(long intervalMs, int batchSize) {
  public static ReconcileSettings from(JsonObject root) {
    return new ReconcileSettings(
        ConfigPath.longIn(root, "reconcile.intervalMs", 900_000, 100, 604_800_000L),
        ConfigPath.intIn(root, "reconcile.batchSize", 100, 1, 50_000));
  }
}
