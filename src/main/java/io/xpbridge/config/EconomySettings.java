package io.xpbridge.config;

import io.vertx.core.json.JsonObject;
import io.xpbridge.domain.Economy;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The {@code economy} section: what activity XP is worth where it was earned. Multipliers apply
 * live; {@code discord.noXpChannelIds} is the shorthand for channels at 0.
 *
 * <pre>
 * "economy": {"maxMultiplier": 5, "multipliers": {"global": 1.0, "discordChannels": {"&lt;id&gt;": 2},
 *             "discordRoles": {"&lt;id&gt;": 1.5}, "telegramChats": {"&lt;id&gt;": 0}}}
 * </pre>
 */
final class EconomySettings {
  /** A multiplier beyond this is a typo (the whole product is capped at {@code maxMultiplier} anyway). */
  static final double MAX_FACTOR = 100;

  private EconomySettings() {}

  static Economy read(ConfigReader in, Set<Long> noXpChannelIds) {
    in.requireObject("economy");
    in.requireObject("economy.multipliers");
    double max = in.decimalIn("economy.maxMultiplier", 5, 0, MAX_FACTOR);
    double global = in.decimalIn("economy.multipliers.global", 1, 0, MAX_FACTOR);
    Map<Long, Double> channels = byId(in, "economy.multipliers.discordChannels");
    noXpChannelIds.forEach(id -> channels.put(id, 0.0));
    return new Economy(global, channels, byId(in, "economy.multipliers.discordRoles"),
        byId(in, "economy.multipliers.telegramChats"), max);
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
