package io.xpbridge.config;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.xpbridge.domain.Economy;
import io.xpbridge.domain.Platform;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code economy} section: what activity XP is worth where it was earned. Multipliers apply
 * live; {@code discord.noXpChannelIds} is the shorthand for channels at 0.
 *
 * <pre>
 * "economy": {"maxMultiplier": 5, "multipliers": {"global": 1.0, "discordChannels": {"&lt;id&gt;": 2},
 *             "discordRoles": {"&lt;id&gt;": 1.5}, "telegramChats": {"&lt;id&gt;": 0}},
 *             "boosts": [{"name": "weekend", "from": "2026-12-05T00:00:00+03:00", "to": "2026-12-07T00:00:00+03:00",
 *                         "multiplier": 2, "platforms": ["telegram", "discord"]}]}
 * </pre>
 */
final class EconomySettings {
  /** A multiplier beyond this is a typo (the whole product is capped at {@code maxMultiplier} anyway). */
  static final double MAX_FACTOR = 100;

  private EconomySettings() {}

  /**
   * @param messageCooldownMs {@code discord.messageCooldownSeconds}, enforced by the engine per player too
   * @param gameCooldownMs {@code telegram.games.cooldownSeconds}, likewise
   */
  static Economy read(ConfigReader in, Set<Long> noXpChannelIds, long messageCooldownMs, long gameCooldownMs) {
    in.requireObject("economy");
    in.requireObject("economy.multipliers");
    double max = in.decimalIn("economy.maxMultiplier", 5, 0, MAX_FACTOR);
    double global = in.decimalIn("economy.multipliers.global", 1, 0, MAX_FACTOR);
    Map<Long, Double> channels = byId(in, "economy.multipliers.discordChannels");
    noXpChannelIds.forEach(id -> channels.put(id, 0.0));
    long hourlyCap = in.longIn("economy.hourlyXpCap", 0, 0, 1_000_000_000);
    return new Economy(global, channels, byId(in, "economy.multipliers.discordRoles"),
        byId(in, "economy.multipliers.telegramChats"), max, boosts(in), hourlyCap, messageCooldownMs, gameCooldownMs);
  }

  /** {@code economy.boosts}: [{name, from, to (ISO-8601 instants), multiplier, platforms}]. */
  private static List<Economy.Boost> boosts(ConfigReader in) {
    JsonArray array = in.array("economy.boosts");
    List<Economy.Boost> boosts = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      String path = "economy.boosts[" + i + "]";
      if (!(array.getValue(i) instanceof JsonObject boost)) {
        in.reject(path + " must be an object {name, from, to, multiplier, platforms}");
        continue;
      }
      ConfigReader b = in.within(boost, path);
      String name = b.string("name", null);
      if (name == null) {
        b.reject(path + ".name is required");
      }
      Instant from = instant(b, "from", path);
      Instant to = instant(b, "to", path);
      if (from != null && to != null && !to.isAfter(from)) {
        b.reject(path + ".to must be after " + path + ".from, got " + to + " <= " + from);
      }
      double multiplier = b.decimalIn("multiplier", 1, 0, MAX_FACTOR);
      Set<Platform> platforms = platforms(b, path);
      if (name != null && from != null && to != null && to.isAfter(from)) {
        boosts.add(new Economy.Boost(name, from.toEpochMilli(), to.toEpochMilli(), multiplier, platforms));
      }
    }
    return boosts;
  }

  private static Instant instant(ConfigReader b, String field, String path) {
    String text = b.string(field, null);
    if (text == null) {
      b.reject(path + "." + field + " is required (ISO-8601, e.g. 2026-12-31T18:00:00Z)");
      return null;
    }
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      b.reject(path + "." + field + " must be an ISO-8601 time with its offset (2026-12-31T18:00:00+03:00), got " + text);
      return null;
    }
  }

  private static Set<Platform> platforms(ConfigReader b, String path) {
    JsonArray names = b.array("platforms");
    if (names.isEmpty()) {
      return Set.of(Platform.TELEGRAM, Platform.DISCORD);
    }
    Set<Platform> platforms = new HashSet<>();
    for (int i = 0; i < names.size(); i++) {
      Object name = names.getValue(i);
      Platform platform = Platform.playersOn(name);
      if (platform != null) {
        platforms.add(platform);
      } else {
        b.reject(path + ".platforms[" + i + "] must be telegram or discord, got " + name);
      }
    }
    return platforms;
  }

  private static Map<Long, Double> byId(ConfigReader in, String path) {
    JsonObject object = in.object(path);
    Map<Long, Double> byId = new HashMap<>();
    for (String key : object.fieldNames()) {
      String name = path + "." + key;
      // Telegram group chats have negative ids; Discord ids are positive snowflakes.
      if (!key.matches("-?\\d{1,19}")) {
        in.reject(name + ": the key must be a chat, channel or role id (digits), got " + key);
        continue;
      }
      Double factor = in.decimal(object.getValue(key), name, 0, MAX_FACTOR);
      if (factor != null) {
        byId.put(Long.parseLong(key), factor);
      }
    }
    return byId;
  }
}
