package io.xpbridge.config;

import io.vertx.core.json.JsonArray;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What the Discord bot reads: section {@code discord}, plus {@code telegram.botUsername} for link
 * hints. Connection fields (token, guild, URLs, ready timeout) are used at start only; the XP rules
 * the season announcements ({@code announceChannelId}, {@code announceLocale}) and the setup alerts
 * ({@code alertChannelId}) apply live.
 * Token and guild may be unset: the bot is then not deployed, or refuses to start.
 */
public record DiscordSettings(
    String token,
    Long guildId,
    String restUrl,
    String gatewayUrl,
    long messageXp,
    long messageCooldownSeconds,
    Set<Long> noXpChannelIds,
    long voiceXpPerMinute,
    long voiceMinIntervalSeconds,
    String telegramBotUsername,
    long readyTimeoutSeconds,
    Long announceChannelId,
    String announceLocale,
    Long alertChannelId) {

  /** Languages of the season announcements; names from the engine come in the same language. */
  public static final List<String> ANNOUNCE_LOCALES = List.of("ru", "en");

  static DiscordSettings read(ConfigReader in, String telegramBotUsername) {
    return new DiscordSettings(
        trimmed(in.string("discord.token", null)),
        in.snowflake("discord.guildId"),
        trimmed(in.string("discord.restUrl", null)),
        trimmed(in.string("discord.gatewayUrl", null)),
        in.atLeast("discord.messageXp", 15, 0),
        in.atLeast("discord.messageCooldownSeconds", 60, 0),
        noXpChannels(in),
        in.atLeast("discord.voiceXpPerMinute", 2, 0),
        in.atLeast("discord.voiceMinIntervalSeconds", 60, 1),
        telegramBotUsername,
        in.atLeast("discord.readyTimeoutSeconds", 60, 1),
        in.snowflake("discord.announceChannelId"),
        announceLocale(in),
        in.snowflake("discord.alertChannelId"));
  }

  private static String announceLocale(ConfigReader in) {
    String locale = in.string("discord.announceLocale", "ru");
    if (!ANNOUNCE_LOCALES.contains(locale)) {
      in.reject("discord.announceLocale must be one of " + String.join(", ", ANNOUNCE_LOCALES) + ", got " + locale);
      return "ru";
    }
    return locale;
  }

  private static Set<Long> noXpChannels(ConfigReader in) {
    JsonArray values = in.array("discord.noXpChannelIds");
    Set<Long> ids = new HashSet<>();
    for (int i = 0; i < values.size(); i++) {
      Long id = in.snowflake(values.getValue(i), "discord.noXpChannelIds[" + i + "]");
      if (id != null) {
        ids.add(id);
      }
    }
    return Set.copyOf(ids);
  }

  public boolean hasToken() {
    return token != null;
  }

  /** These settings with the connection of {@code running}: the bot logs in once, at start. */
  DiscordSettings withConnectionOf(DiscordSettings running) {
    return new DiscordSettings(running.token, running.guildId, running.restUrl, running.gatewayUrl, messageXp,
        messageCooldownSeconds, noXpChannelIds, voiceXpPerMinute, voiceMinIntervalSeconds, telegramBotUsername,
        running.readyTimeoutSeconds, announceChannelId, announceLocale, alertChannelId);
  }

  public long messageCooldownMs() {
    return messageCooldownSeconds * 1000;
  }

  public long voiceUnitMs() {
    return voiceMinIntervalSeconds * 1000;
  }

  /**
   * Ids inside bus messages, as JSON numbers or strings (Discord tools hand them out as strings).
   * Throws {@link IllegalArgumentException} naming {@code field}. Not config: it stays here so the
   * bot's message handlers keep their calls; it moves to the bus messages once they are typed.
   */
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

  private static String trimmed(String value) {
    return value == null ? null : value.trim();
  }
}
