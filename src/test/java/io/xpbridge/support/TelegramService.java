package io.xpbridge.support;

import io.vertx.core.json.JsonObject;
import io.xpbridge.fake.telegram.FakeTelegram;

/** The config section that points the real Telegram bot at a started {@link FakeTelegram}. */
public final class TelegramService {
  private TelegramService() {}

  /**
   * Short long-polls and a fast send queue so tests do not wait on Telegram's real pacing; no game
   * cooldown and no wait for the dice animation, so tests can play back to back.
   */
  public static JsonObject pointAt(JsonObject config, FakeTelegram fake) {
    JsonObject telegram = config.getJsonObject("telegram");
    telegram.put("token", fake.token())
        .put("apiUrl", fake.apiUrl())
        .put("botUsername", fake.botUsername())
        .put("pollTimeoutSeconds", 5)
        .put("perChatIntervalMs", 20)
        .put("sendRatePerSecond", 200);
    telegram.getJsonObject("games").put("cooldownSeconds", 0).put("resultDelayMs", 0);
    return config;
  }
}
