package io.xpbridge.config;

import io.vertx.core.json.JsonObject;

/** The {@code link} section: one-time codes that join a Telegram and a Discord account. */
public record LinkSettings(int codeTtlSeconds, int codeLength, int maxFailedAttempts, int failedAttemptsWindowSeconds) {
  public static LinkSettings from(JsonObject root) {
    return new LinkSettings(
        ConfigPath.intIn(root, "link.codeTtlSeconds", 600, 30, 86_400),
        ConfigPath.intIn(root, "link.codeLength", 8, 6, 32),
        ConfigPath.intIn(root, "link.maxFailedAttempts", 5, 1, 1_000),
        ConfigPath.intIn(root, "link.failedAttemptsWindowSeconds", 600, 10, 86_400));
  }
}
