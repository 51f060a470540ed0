package io.xpbridge.config;

import io.vertx.core.json.JsonArray;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * What the Telegram bot reads: section {@code telegram}, plus the daily zone (from the
 * {@code daily} section, so /daily and the account verticle agree on the day) and a notification
 * deadline derived from {@code sync.effectTimeoutMs}. Token and API URL are used at start only.
 */
public record TelegramSettings(
    String token,
    String apiUrl,
    String botUsername,
    int pollTimeoutSeconds,
    int sendRatePerSecond,
    long perChatIntervalMs,
    GameSettings games,
    ZoneId dailyZone,
    long effectDeadlineMs) {

  static final String DEFAULT_API_URL = "https://api.telegram.org";

  /** Dice game rules: Telegram rolls, we pay what {@code payouts} sets for the outcome. */
  public record GameSettings(long cooldownSeconds, List<String> emojis, DicePayouts payouts, long resultDelayMs) {
    public String defaultEmoji() {
      return emojis.isEmpty() ? "🎲" : emojis.get(0);
    }
  }

  static TelegramSettings read(ConfigReader in, DailySettings daily, SyncSettings sync) {
    String apiUrl = in.string("telegram.apiUrl", DEFAULT_API_URL);
    apiUrl = apiUrl.endsWith("/") ? apiUrl.substring(0, apiUrl.length() - 1) : apiUrl;
    String botUsername = in.string("telegram.botUsername", null);
    // The engine gives up on an effect after sync.effectTimeoutMs; a notification still queued
    // by then would be sent twice (once now, once on the retry), so the queue drops it earlier.
    long effectDeadlineMs = Math.max(1_000, sync.effectTimeoutMs() * 8 / 10);
    return new TelegramSettings(
        in.string("telegram.token", null),
        apiUrl,
        botUsername == null ? null : botUsername.trim(),
        in.intIn("telegram.pollTimeoutSeconds", 30, 1, Integer.MAX_VALUE),
        in.intIn("telegram.sendRatePerSecond", 30, 1, Integer.MAX_VALUE),
        in.atLeast("telegram.perChatIntervalMs", 1000, 0),
        games(in),
        daily.timezone(),
        effectDeadlineMs);
  }

  private static GameSettings games(ConfigReader in) {
    long cooldownSeconds = in.atLeast("telegram.games.cooldownSeconds", 30, 0);
    List<String> emojis = emojis(in);
    for (String removed : List.of("telegram.games.xpPerPoint", "telegram.games.coinsPerPoint")) {
      if (in.value(removed) != null) {
        in.reject(removed + " was removed: dice pay by outcome now, set telegram.games.payouts instead"
            + " (see the README, section Configuration)");
      }
    }
    return new GameSettings(cooldownSeconds, emojis, DicePayouts.read(in, emojis),
        // Telegram animates a dice for about 3 s; announcing the result earlier spoils it.
        in.atLeast("telegram.games.resultDelayMs", 3_000, 0));
  }

  private static List<String> emojis(ConfigReader in) {
    if (in.value("telegram.games.emojis") == null) {
      return List.of("🎲");
    }
    JsonArray array = in.array("telegram.games.emojis");
    List<String> emojis = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      if (array.getValue(i) instanceof String text && TelegramDice.of(text).isPresent()) {
        emojis.add(text);
      } else if (array.getValue(i) instanceof String text && !text.isBlank()) {
        in.reject("telegram.games.emojis[" + i + "] must be one of " + TelegramDice.allEmojis() + ", got " + text);
      } else {
        in.reject("telegram.games.emojis[" + i + "] must be a non-empty string, got " + array.getValue(i));
      }
    }
    return List.copyOf(emojis);
  }

  public boolean hasToken() {
    return token != null && !token.isBlank();
  }

  /** These settings with the connection of {@code running}: token and API URL are used at start only. */
  TelegramSettings withConnectionOf(TelegramSettings running) {
    return new TelegramSettings(running.token, running.apiUrl, botUsername, pollTimeoutSeconds, sendRatePerSecond,
        perChatIntervalMs, games, dailyZone, effectDeadlineMs);
  }
}
