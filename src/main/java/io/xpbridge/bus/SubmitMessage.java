package io.xpbridge.bus;

import io.vertx.core.json.JsonObject;
import io.xpbridge.domain.Activity;
import io.xpbridge.domain.EventType;
import io.xpbridge.domain.IdempotencyKeys;
import io.xpbridge.domain.InvalidRequestException;
import io.xpbridge.domain.Platform;
import io.xpbridge.domain.PlayerRef;
import io.xpbridge.domain.SubmitRequest;
import java.util.ArrayList;
import java.util.List;

/** Reads and checks the body of {@link Bus#EVENTS_SUBMIT} (also the admin API's event body). */
public final class SubmitMessage {
  /** No single event may move more than this; protects the ledger from typos and overflow. */
  public static final long MAX_ABS_DELTA = 1_000_000_000L;
  public static final int MAX_REASON_LENGTH = 500;
  public static final int MAX_PAYLOAD_CHARS = 4_000;
  private static final String EMPTY_PAYLOAD = "{}";

  private SubmitMessage() {}

  public static SubmitRequest parse(JsonObject body) {
    if (body == null) {
      throw new InvalidRequestException("the event body must be a JSON object");
    }
    Platform source = source(requireString(body, "source"));
    EventType type;
    try {
      type = EventType.fromWire(requireString(body, "type"));
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException(e.getMessage()
          + " (expected xp_change, balance_change, achievement_unlock or reward_grant)");
    }
    if (type == EventType.RANK_CHANGE) {
      throw new InvalidRequestException("rank_change cannot be submitted: rank is derived from XP");
    }
    if (!type.submittable()) {
      throw new InvalidRequestException(type.wireName() + " cannot be submitted: accounts are linked with /link");
    }
    PlayerRef player = playerRef(body);
    long xp = delta(body, "xp");
    long balance = delta(body, "balance");
    String achievement = optionalString(body, "achievement", 64);
    switch (type) {
      case XP_CHANGE -> require(xp != 0, "xp_change needs a non-zero 'xp'");
      case BALANCE_CHANGE -> require(balance != 0, "balance_change needs a non-zero 'balance'");
      case REWARD_GRANT -> require(xp != 0 || balance != 0, "reward_grant needs a non-zero 'xp' or 'balance'");
      case ACHIEVEMENT_UNLOCK -> require(achievement != null, "achievement_unlock needs 'achievement' (an achievement code)");
      default -> { }
    }
    String reason = optionalString(body, "reason", MAX_REASON_LENGTH);
    String key = idempotencyKey(body, source, type, player);
    JsonObject payload = new JsonObject();
    if (achievement != null) {
      payload.put("achievement", achievement);
    }
    if (reason != null) {
      payload.put("reason", reason);
    }
    Object data = body.getValue("data");
    if (data != null) {
      if (!(data instanceof JsonObject object)) {
        throw new InvalidRequestException("'data' must be a JSON object");
      }
      TextRules.requireStorableData("data", object);
      DailyData.requireValid(object);
      payload.put("data", data);
    }
    Activity activity = ActivityJson.read(body.getValue("activity"));
    if (activity != null) {
      payload.put("activity", ActivityJson.write(activity));
    }
    String payloadJson = payload.isEmpty() ? EMPTY_PAYLOAD : payload.encode();
    require(payloadJson.length() <= MAX_PAYLOAD_CHARS, "the event payload is larger than " + MAX_PAYLOAD_CHARS + " characters");
    return new SubmitRequest(source, type, player, xp, balance, achievement, key, reason, payloadJson, activity);
  }

  public static PlayerRef playerRef(JsonObject body) {
    List<PlayerRef> refs = new ArrayList<>();
    for (PlayerRef.Kind kind : PlayerRef.Kind.values()) {
      Long id = optionalId(body, kind.field());
      if (id != null) {
        refs.add(new PlayerRef(kind, id));
      }
    }
    if (refs.size() != 1) {
      throw new InvalidRequestException("name the player with exactly one of playerId, telegramId or discordId");
    }
    return refs.get(0);
  }

  private static String idempotencyKey(JsonObject body, Platform source, EventType type, PlayerRef player) {
    String key = optionalString(body, "idempotencyKey", IdempotencyKeys.MAX_LENGTH);
    if (key != null) {
      IdempotencyKeys.requireValid(key);
      return key;
    }
    String entity = optionalString(body, "entityId", 100);
    if (entity == null) {
      throw new InvalidRequestException(
          "give an 'idempotencyKey' or an 'entityId' (the platform id of what caused the change) so a retry cannot pay twice");
    }
    String generated = IdempotencyKeys.generate(source, shortType(type), entity, player.keyPart());
    IdempotencyKeys.requireValid(generated);
    return generated;
  }

  /** Outside callers speak for a platform; {@code system} is the engine's own and cannot be submitted. */
  private static Platform source(String name) {
    Platform platform = Platform.playersOn(name);
    if (platform != null) {
      return platform;
    }
    throw new InvalidRequestException("unknown source '" + abbreviate(name) + "' (expected telegram or discord)");
  }

  private static String shortType(EventType type) {
    return type.auditType();
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new InvalidRequestException(message);
    }
  }

  private static String requireString(JsonObject body, String field) {
    String value = optionalString(body, field, 64);
    if (value == null) {
      throw new InvalidRequestException("'" + field + "' is required");
    }
    return value;
  }

  private static String optionalString(JsonObject body, String field, int maxLength) {
    Object value = body.getValue(field);
    if (value == null) {
      return null;
    }
    if (!(value instanceof String text)) {
      throw new InvalidRequestException("'" + field + "' must be a string");
    }
    if (text.length() > maxLength) {
      throw new InvalidRequestException("'" + field + "' is longer than " + maxLength + " characters");
    }
    TextRules.requireStorable(field, text);
    return text.isEmpty() ? null : text;
  }

  /** Platform ids are snowflakes that JavaScript clients send as strings; accept both. */
  public static Long optionalId(JsonObject body, String field) {
    Object value = body.getValue(field);
    if (value == null) {
      return null;
    }
    long id;
    if (value instanceof Number number) {
      if (!isExactLong(number)) {
        throw new InvalidRequestException("'" + field + "' must be a whole number from 1 to " + Long.MAX_VALUE);
      }
      id = number.longValue();
    } else if (value instanceof String text) {
      try {
        id = Long.parseLong(text.trim());
      } catch (NumberFormatException e) {
        throw new InvalidRequestException("'" + field + "' must be a whole number from 1 to " + Long.MAX_VALUE
            + ", got '" + abbreviate(text) + "'");
      }
    } else {
      throw new InvalidRequestException("'" + field + "' must be a number");
    }
    if (id <= 0) {
      throw new InvalidRequestException("'" + field + "' must be positive");
    }
    return id;
  }

  private static long delta(JsonObject body, String field) {
    Object value = body.getValue(field);
    if (value == null) {
      return 0;
    }
    if (!(value instanceof Number number) || number instanceof Double || number instanceof Float
        || number instanceof java.math.BigDecimal) {
      throw new InvalidRequestException("'" + field + "' must be a whole number");
    }
    if (!isExactLong(number)) {
      throw new InvalidRequestException("'" + field + "' is out of range (at most " + MAX_ABS_DELTA + " either way)");
    }
    long delta = number.longValue();
    // Not Math.abs: it is negative for Long.MIN_VALUE.
    if (delta > MAX_ABS_DELTA || delta < -MAX_ABS_DELTA) {
      throw new InvalidRequestException("'" + field + "' is out of range (at most " + MAX_ABS_DELTA + " either way)");
    }
    return delta;
  }

  /** Integer types only: a BigInteger past 64 bits would be cut to its low bits, naming another player. */
  private static boolean isExactLong(Number number) {
    return number instanceof Long || number instanceof Integer || number instanceof Short || number instanceof Byte
        || number instanceof java.math.BigInteger big && big.bitLength() < 64;
  }

  private static String abbreviate(String text) {
    return text.length() <= 20 ? text : text.substring(0, 20) + "…";
  }
}
