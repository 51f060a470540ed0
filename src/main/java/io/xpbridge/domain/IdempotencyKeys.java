package io.xpbridge.domain;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * Idempotency keys in the seed's format {@code {source}_{type}_{entity}_{user}}, e.g.
 * {@code tg_game_12345_67890}. Callers derive the entity from the platform's own ids (update id,
 * message id, voice session), so a re-delivered update maps to the same key.
 */
public final class IdempotencyKeys {
  public static final int MAX_LENGTH = 200;

  private IdempotencyKeys() {}

  public static String generate(Platform source, String type, String entity, String user) {
    return source.keyPrefix() + '_' + type + '_' + entity + '_' + user;
  }

  // The platforms' own keys. Stored events and audit rows hold these strings: never change a format.

  /** A Telegram dice game, named by the command message that asked for it. */
  public static String game(long chatId, int commandMessageId, long telegramUserId) {
    return generate(Platform.TELEGRAM, "game", chatId + "_" + commandMessageId, Long.toString(telegramUserId));
  }

  /** The entity of a dice game: the dice message Telegram rolled. */
  public static String diceEntity(long chatId, int diceMessageId) {
    return Platform.TELEGRAM.keyPrefix() + "_dice_" + chatId + "_" + diceMessageId;
  }

  /** The daily reward of {@code day} (the player's calendar day in {@code daily.timezone}). */
  public static String daily(LocalDate day, long telegramUserId) {
    return generate(Platform.TELEGRAM, "daily", day.format(DateTimeFormatter.BASIC_ISO_DATE),
        Long.toString(telegramUserId));
  }

  /** XP for one Discord message. */
  public static String message(long messageId, long discordUserId) {
    return generate(Platform.DISCORD, "msg", Long.toString(messageId), Long.toString(discordUserId));
  }

  /** XP for one voice minute: the Discord voice session and the minute's index since the epoch. */
  public static String voiceMinute(String sessionId, long unitIndex, long discordUserId) {
    return generate(Platform.DISCORD, "voice", sessionId + "_" + unitIndex, Long.toString(discordUserId));
  }

  /** Key of the rank change caused by the event with {@code causeKey}. */
  public static String rankChange(String causeKey, int newRank) {
    return causeKey + ":rank" + newRank;
  }

  /** Key of an achievement unlocked as a side effect of the event with {@code causeKey}. */
  public static String achievement(String causeKey, String code) {
    return causeKey + ":ach:" + code;
  }

  public static void requireValid(String key) {
    if (key.isBlank()) {
      throw new InvalidRequestException("idempotencyKey must not be blank");
    }
    if (key.length() > MAX_LENGTH) {
      throw new InvalidRequestException("idempotencyKey is longer than " + MAX_LENGTH + " characters");
    }
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (c < 0x21 || c == 0x7f) {
        throw new InvalidRequestException("idempotencyKey must not contain spaces or control characters");
      }
    }
  }
}
