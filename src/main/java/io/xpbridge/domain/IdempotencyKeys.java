package io.xpbridge.domain;

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
