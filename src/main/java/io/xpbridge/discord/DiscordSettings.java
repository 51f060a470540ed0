package io.xpbridge.discord;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * The part of the configuration the Discord bot uses, read from the whole config (same shape as
 * conf/config.json): section {@code discord} plus {@code telegram.botUsername} for link hints.
 * Connection fields (token, guild, URLs) need a restart; the XP rules are applied live.
 */
public record DiscordSettings(
    String token,
    long guildId,
    String restUrl,
    String gatewayUrl,
    long messageXp,
    long messageCooldownSeconds,
    Set<Long> noXpChannelIds,
    long voiceXpPerMinute,
    long voiceMinIntervalSeconds,
    String telegramBotUsername,
    long readyTimeoutSeconds) {

  /**
   * Reads and validates. Throws {@link IllegalArgumentException} naming the bad field, so a
   * verticle start or a live reload can report exactly what to fix.
   */
  public static DiscordSettings from(JsonObject config) {
    JsonObject discord = config.getJsonObject("discord");
    if (discord == null) {
      throw new IllegalArgumentException("config has no \"discord\" section");
    }
    JsonObject telegram = config.getJsonObject("telegram", new JsonObject());
    String token = blankToNull(discord.getString("token"));
    if (token == null) {
      throw new IllegalArgumentException("discord.token is not set (env DISCORD_BOT_TOKEN): the Discord bot cannot log in");
    }
    Long guildId = snowflake(discord.getValue("guildId"), "discord.guildId");
    if (guildId == null) {
      throw new IllegalArgumentException("discord.guildId is not set (env DISCORD_GUILD_ID): which server should the bot serve?");
    }
    return new DiscordSettings(
        token,
        guildId,
        blankToNull(discord.getString("restUrl")),
        blankToNull(discord.getString("gatewayUrl")),
        atLeast(discord, "messageXp", 15, 0),
        atLeast(discord, "messageCooldownSeconds", 60, 0),
        snowflakes(discord.getJsonArray("noXpChannelIds", new JsonArray()), "discord.noXpChannelIds"),
        atLeast(discord, "voiceXpPerMinute", 2, 0),
        atLeast(discord, "voiceMinIntervalSeconds", 60, 1),
        blankToNull(telegram.getString("botUsername")),
        atLeast(discord, "readyTimeoutSeconds", 60, 1));
  }

  /** Same connection? Otherwise a config change needs a restart to take effect. */
  public boolean sameConnection(DiscordSettings other) {
    return token.equals(other.token) && guildId == other.guildId
        && Objects.equals(restUrl, other.restUrl)
        && Objects.equals(gatewayUrl, other.gatewayUrl);
  }

  public long messageCooldownMs() {
    return messageCooldownSeconds * 1000;
  }

  public long voiceUnitMs() {
    return voiceMinIntervalSeconds * 1000;
  }

  /** Accepts ids as JSON numbers or strings: Discord tools hand them out as strings. */
  public static Long snowflake(Object value, String field) {
    if (value == null) {
      return null;
    }
    if (value instanceof Number n) {
      return n.longValue();
    }
    String text = value.toString().trim();
    if (text.isEmpty()) {
      return null;
    }
    try {
      return Long.parseUnsignedLong(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(field + " must be a Discord id (digits), got \"" + text + "\"");
    }
  }

  private static Set<Long> snowflakes(JsonArray values, String field) {
    Set<Long> ids = new HashSet<>();
    for (Object value : values) {
      Long id = snowflake(value, field);
      if (id != null) {
        ids.add(id);
      }
    }
    return Set.copyOf(ids);
  }

  private static long atLeast(JsonObject section, String key, long defaultValue, long min) {
    Object raw = section.getValue(key);
    if (raw == null) {
      return defaultValue;
    }
    if (!(raw instanceof Number number)) {
      throw new IllegalArgumentException("discord." + key + " must be a number, got \"" + raw + "\"");
    }
    if (number.longValue() < min) {
      throw new IllegalArgumentException("discord." + key + " must be at least " + min + ", got " + number);
    }
    return number.longValue();
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
