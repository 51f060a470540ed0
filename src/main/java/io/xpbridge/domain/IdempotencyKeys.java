package io.xpbridge.domain;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * Every idempotency key format of xpbridge. Client keys follow the seed's format
 * {@code {source}_{type}_{entity}_{user}}, e.g. {@code tg_game_12345_67890}; callers derive the
 * entity from the platform's own ids (update id, message id, voice session), so a re-delivered
 * update maps to the same key.
 *
 * <p>Keys the engine makes itself (rank changes and achievements a change causes, links, reconcile
 * corrections) all contain {@value #DERIVED_SEPARATOR}, which client keys may not: no client can
 * spend a key the engine will need, e.g. submit {@code K:rank2} before {@code K} crosses into rank 2.
 */
public final class IdempotencyKeys {
  public static final int MAX_LENGTH = 200;
  public static final char DERIVED_SEPARATOR = ':';

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

  /**
   * Key of the announcement in Discord of the effect (a rank change or an achievement) with
   * {@code effectKey}: {@code <effect key>:announce}, one post per rank-up or unlock.
   */
  public static String announcement(String effectKey) {
    return effectKey + DERIVED_SEPARATOR + "announce";
  }

  /**
   * Row {@code row} (from 1, in file order) of the imported file whose SHA-256 begins with
   * {@code fileHash} (24 hex digits): {@code import:<fileHash>:<row>}. Derived, so no client can spend
   * it ahead of the import; the same file always gives the same keys, so it is imported once.
   */
  public static String importRow(String fileHash, int row) {
    return "import" + DERIVED_SEPARATOR + fileHash + DERIVED_SEPARATOR + row;
  }

  /** Key of the link made with a one-time {@code code}: the code is single-use, so is the key. */
  public static String link(String code) {
    return "link" + DERIVED_SEPARATOR + code;
  }

  /** Audit keys of the two sides of a link merge: what the survivor received, what the absorbed player gave. */
  public static String mergeIn(String linkKey) {
    return linkKey + DERIVED_SEPARATOR + "in";
  }

  public static String mergeOut(String linkKey) {
    return linkKey + DERIVED_SEPARATOR + "out";
  }

  /** The rank role of a Discord account that /unlink moved onto a fresh player. */
  public static String unlinkRole(long discordId, long freshPlayerId) {
    return rankChange("unlink" + DERIVED_SEPARATOR + discordId + DERIVED_SEPARATOR + freshPlayerId, 1);
  }

  /** A correction queued by the reconcile run {@code runId}. */
  public static String reconcile(String runId, long playerId) {
    return "reconcile" + DERIVED_SEPARATOR + runId + DERIVED_SEPARATOR + playerId;
  }

  /** An achievement role put back on Discord by the reconcile run {@code runId}. */
  public static String reconcileAchievement(String runId, long playerId, String code) {
    return reconcile(runId, playerId) + DERIVED_SEPARATOR + "ach" + DERIVED_SEPARATOR + code;
  }

  /** The rollover that ends season {@code seasonId}: a season ends once. */
  public static String seasonRollover(int seasonId) {
    return season(seasonId) + "rollover";
  }

  /** The reward of {@code playerId} for how they finished season {@code seasonId}. */
  public static String seasonReward(int seasonId, long playerId) {
    return season(seasonId) + "reward" + DERIVED_SEPARATOR + playerId;
  }

  /** The message telling {@code playerId} how they finished season {@code seasonId}. */
  public static String seasonNotice(int seasonId, long playerId) {
    return season(seasonId) + "notice" + DERIVED_SEPARATOR + playerId;
  }

  /** The announcement of season {@code seasonId}'s winners. */
  public static String seasonResults(int seasonId) {
    return season(seasonId) + "results";
  }

  private static String season(int seasonId) {
    return "season" + DERIVED_SEPARATOR + seasonId + DERIVED_SEPARATOR;
  }

  /** Checks a key a client chose (or that was generated from a client's entity id). */
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
      if (c == DERIVED_SEPARATOR) {
        throw new InvalidRequestException("idempotencyKey must not contain '" + DERIVED_SEPARATOR
            + "': it marks keys the engine derives");
      }
    }
  }
}
