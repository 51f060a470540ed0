package io.xpbridge.domain;

/**
 * Every idempotency key format of xpbridge. Client keys follow the seed's format
 * {@code {source}_{type}_{entity}_{user}}, e.g. {@code tg_game_12345_67890}; callers derive the
 * entity from the platform's own ids (update id, message id, voice session), so a re-delivered
 * update maps to the same key. Keys the engine derives from another key add a suffix after ':'.
 */
public final class IdempotencyKeys {
  public static final int MAX_LENGTH = 200;

  private IdempotencyKeys() {}

  public static String generate(Platform source, String type, String entity, String user) {
    return source.keyPrefix() + '_' + type + '_' + entity + '_' + user;
  }

  /** Key of the rank change caused by the event with {@code causeKey}. */
  public static String rankChange(String causeKey, int newRank) {
    return causeKey + ":rank" + newRank;
  }

  /** Key of an achievement unlocked as a side effect of the event with {@code causeKey}. */
  public static String achievement(String causeKey, String code) {
    return causeKey + ":ach:" + code;
  }

  /** Key of the link made with a one-time {@code code}: the code is single-use, so is the key. */
  public static String link(String code) {
    return "link_" + code;
  }

  /** Audit keys of the two sides of a link merge: what the survivor received, what the absorbed player gave. */
  public static String mergeIn(String linkKey) {
    return linkKey + "_in";
  }

  public static String mergeOut(String linkKey) {
    return linkKey + "_out";
  }

  /** The rank role of a Discord account that /unlink moved onto a fresh player. */
  public static String unlinkRole(long discordId, long freshPlayerId) {
    return rankChange("unlink_" + discordId + "_" + freshPlayerId, 1);
  }

  /** A correction queued by the reconcile run {@code runId}. */
  public static String reconcile(String runId, long playerId) {
    return "reconcile_" + runId + "_" + playerId;
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
