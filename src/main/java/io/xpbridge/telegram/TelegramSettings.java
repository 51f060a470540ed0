package io.xpbridge.telegram;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.xpbridge.bus.Bus;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The part of the whole configuration the Telegram bot reads: section {@code telegram} plus
 * {@code daily.timezone} and {@code sync.effectWaitMs}. Built once at start and again on every
 * {@code CONFIG_CHANGED}; invalid values are rejected with the name of the field.
 */
record TelegramSettings(
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

  /** Dice game rules: Telegram rolls, we pay {@code value * perPoint}. */
  record GameSettings(long cooldownSeconds, List<String> emojis, long xpPerPoint, long coinsPerPoint,
                      long resultDelayMs) {
    String defaultEmoji() {
      return emojis.isEmpty() ? "🎲" : emojis.get(0);
    }
  }

  static TelegramSettings from(JsonObject config) {
    JsonObject telegram = section(config, "telegram");
    JsonObject daily = section(config, "daily");
    JsonObject sync = section(config, "sync");
    JsonObject games = section(telegram, "games");

    String apiUrl = telegram.getString("apiUrl");
    if (apiUrl == null || apiUrl.isBlank()) {
      apiUrl = DEFAULT_API_URL;
    }
    apiUrl = apiUrl.endsWith("/") ? apiUrl.substring(0, apiUrl.length() - 1) : apiUrl;

    List<String> emojis = new ArrayList<>();
    JsonArray emojiArray = games.getJsonArray("emojis", new JsonArray().add("🎲"));
    for (Object emoji : emojiArray) {
      if (!(emoji instanceof String text) || text.isBlank()) {
        throw new IllegalArgumentException("telegram.games.emojis must be a list of non-empty strings");
      }
      emojis.add(text);
    }

    // The engine stops waiting for an effect's answer after Bus.EFFECT_TIMEOUT_MS and sends it again
    // later; a notification still queued by then would be sent twice (once now, once on the retry),
    // so the queue drops it earlier. A shorter sync.effectWaitMs shortens it further.
    long effectWaitMs = positive(sync, "sync.effectWaitMs", "effectWaitMs", 30_000);
    long effectDeadlineMs = Math.max(1_000, Math.min(effectWaitMs, Bus.EFFECT_TIMEOUT_MS) * 8 / 10);

    return new TelegramSettings(
        telegram.getString("token"),
        apiUrl,
        blankToNull(telegram.getString("botUsername")),
        (int) positive(telegram, "telegram.pollTimeoutSeconds", "pollTimeoutSeconds", 30),
        (int) positive(telegram, "telegram.sendRatePerSecond", "sendRatePerSecond", 30),
        nonNegative(telegram, "telegram.perChatIntervalMs", "perChatIntervalMs", 1000),
        new GameSettings(
            nonNegative(games, "telegram.games.cooldownSeconds", "cooldownSeconds", 30),
            List.copyOf(emojis),
            nonNegative(games, "telegram.games.xpPerPoint", "xpPerPoint", 5),
            nonNegative(games, "telegram.games.coinsPerPoint", "coinsPerPoint", 2),
            // Telegram animates a dice for about 3 s; announcing the result earlier spoils it.
            nonNegative(games, "telegram.games.resultDelayMs", "resultDelayMs", 3_000)),
        zone(daily.getString("timezone", "UTC")),
        effectDeadlineMs);
  }

  boolean hasToken() {
    return token != null && !token.isBlank();
  }

  private static JsonObject section(JsonObject parent, String name) {
    Object value = parent == null ? null : parent.getValue(name);
    if (value == null) {
      return new JsonObject();
    }
    if (!(value instanceof JsonObject object)) {
      throw new IllegalArgumentException("config section '" + name + "' must be an object");
    }
    return object;
  }

  private static long positive(JsonObject json, String path, String key, long fallback) {
    long value = number(json, path, key, fallback);
    if (value <= 0) {
      throw new IllegalArgumentException(path + " must be > 0, got " + value);
    }
    return value;
  }

  private static long nonNegative(JsonObject json, String path, String key, long fallback) {
    long value = number(json, path, key, fallback);
    if (value < 0) {
      throw new IllegalArgumentException(path + " must be >= 0, got " + value);
    }
    return value;
  }

  private static long number(JsonObject json, String path, String key, long fallback) {
    Object value = json.getValue(key);
    if (value == null) {
      return fallback;
    }
    if (!(value instanceof Number number)) {
      throw new IllegalArgumentException(path + " must be a number, got '" + value + "'");
    }
    return number.longValue();
  }

  private static ZoneId zone(String id) {
    try {
      return ZoneId.of(id);
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("daily.timezone '" + id + "' is not a known time zone (e.g. Europe/Moscow)", e);
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
