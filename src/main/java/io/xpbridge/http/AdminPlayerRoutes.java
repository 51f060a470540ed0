package io.xpbridge.http;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.xpbridge.bus.Admin;
import io.xpbridge.bus.Bus;
import io.xpbridge.bus.BusClient;
import io.xpbridge.bus.HistoryCursor;
import io.xpbridge.bus.Privacy;
import io.xpbridge.bus.SubmitMessage;
import io.xpbridge.bus.SubmitReply;
import io.xpbridge.bus.TextRules;
import io.xpbridge.domain.EventType;
import io.xpbridge.domain.IdempotencyKeys;
import io.xpbridge.domain.InvalidRequestException;
import java.util.List;
import java.util.Set;

/**
 * The admin's player tools under {@code /api/v1}: search players, a player's history, adjust a
 * player through the ledger, erase a player's personal data, list failed events and requeue them all. Each answers 400 naming the
 * field for bad input; the work is done over the bus by the sync engine.
 */
final class AdminPlayerRoutes {
  static final int DEFAULT_LIMIT = 20;
  static final int MAX_LIMIT = 100;
  static final int MAX_NAME_LENGTH = 100;
  private static final Set<String> ADJUST_FIELDS = Set.of("xp", "balance", "setXp", "reason", "idempotencyKey");

  private AdminPlayerRoutes() {}

  static void mount(Router router, BusClient bus) {
    router.get("/api/v1/players").handler(ctx -> HttpApiVerticle.respond(ctx,
        () -> bus.request(Bus.PLAYERS_SEARCH, search(ctx), Admin.PlayerMatches.class), 200));
    router.get("/api/v1/players/:id/history").handler(ctx -> HttpApiVerticle.respond(ctx, () -> {
      long playerId = pathId(ctx);
      String before = single(ctx, "before");
      HistoryCursor.parse(before);
      return bus.request(Bus.PLAYERS_HISTORY, new Admin.HistoryQuery(playerId, limit(ctx), before), Admin.History.class);
    }, 200));
    router.post("/api/v1/players/:id/adjust").handler(ctx -> adjust(ctx, bus));
    // Erases the player's personal data at once (no confirmation: the admin token is the confirmation).
    router.delete("/api/v1/players/:id").handler(ctx -> HttpApiVerticle.respond(ctx,
        () -> bus.request(Bus.PLAYERS_ERASE, new Privacy.Erase(pathId(ctx)), Privacy.Erased.class), 200));
    router.get("/api/v1/events").handler(ctx -> HttpApiVerticle.respond(ctx, () -> {
      String status = single(ctx, "status");
      if (status != null && !"failed".equals(status)) {
        throw new InvalidRequestException("'status' must be failed (only failed events are listed)");
      }
      Long before = optionalLong(ctx, "before");
      return bus.request(Bus.EVENTS_FAILED, new Admin.FailedEventsQuery(type(single(ctx, "type")), limit(ctx), before),
          Admin.FailedEvents.class);
    }, 200));
    router.post("/api/v1/events/requeue").handler(ctx -> {
      JsonObject body = JsonBodies.objectOrAnswer(ctx);
      if (body == null) {
        return;
      }
      HttpApiVerticle.respond(ctx, () -> {
        for (String field : body.fieldNames()) {
          if (!"status".equals(field) && !"type".equals(field)) {
            throw new InvalidRequestException("unknown field '" + field + "' (expected status and type)");
          }
        }
        if (!"failed".equals(body.getValue("status"))) {
          throw new InvalidRequestException("'status' must be \"failed\" (only failed events can be requeued)");
        }
        Object type = body.getValue("type");
        if (type != null && !(type instanceof String)) {
          throw new InvalidRequestException("'type' must be a string");
        }
        return bus.request(Bus.EVENTS_REQUEUE_ALL, new Admin.RequeueAll(type((String) type)), Admin.RequeuedAll.class);
      }, 200);
    });
  }

  private static void adjust(RoutingContext ctx, BusClient bus) {
    JsonObject body = JsonBodies.objectOrAnswer(ctx);
    if (body == null) {
      return;
    }
    Admin.Adjust adjust;
    try {
      long playerId = pathId(ctx);
      for (String field : body.fieldNames()) {
        if (!ADJUST_FIELDS.contains(field)) {
          throw new InvalidRequestException("unknown field '" + field + "' (expected xp, balance, setXp, reason, idempotencyKey)");
        }
      }
      long xp = delta(body, "xp");
      long balance = delta(body, "balance");
      Long setXp = null;
      if (body.getValue("setXp") != null) {
        if (body.getValue("xp") != null) {
          throw new InvalidRequestException("give 'xp' or 'setXp', not both");
        }
        setXp = delta(body, "setXp");
        if (setXp < 0) {
          throw new InvalidRequestException("'setXp' must be at least 0");
        }
      } else if (xp == 0 && balance == 0) {
        throw new InvalidRequestException("'xp' or 'balance' must be a non-zero whole number (or give 'setXp')");
      }
      String reason = text(body, "reason", SubmitMessage.MAX_REASON_LENGTH);
      String key = text(body, "idempotencyKey", IdempotencyKeys.MAX_LENGTH - "admin_".length());
      IdempotencyKeys.requireValid(key);
      adjust = new Admin.Adjust(playerId, xp, balance, setXp, reason, key);
    } catch (InvalidRequestException | IllegalArgumentException e) {
      HttpApiVerticle.error(ctx, 400, e.getMessage());
      return;
    }
    bus.request(Bus.PLAYERS_ADJUST, adjust, SubmitReply.class).onComplete(ar -> {
      SubmitRoutes.Outcome outcome = SubmitRoutes.outcome(ar);
      HttpApiVerticle.json(ctx, outcome.status(), outcome.body());
    });
  }

  private static Admin.PlayerSearch search(RoutingContext ctx) {
    Long telegramId = optionalId(ctx, "telegramId");
    Long discordId = optionalId(ctx, "discordId");
    String name = single(ctx, "name");
    if (name != null) {
      name = name.trim();
      if (name.isEmpty()) {
        throw new InvalidRequestException("'name' must not be empty");
      }
      if (name.length() > MAX_NAME_LENGTH) {
        throw new InvalidRequestException("'name' is longer than " + MAX_NAME_LENGTH + " characters");
      }
      TextRules.requireStorable("name", name);
    }
    int given = (telegramId != null ? 1 : 0) + (discordId != null ? 1 : 0) + (name != null ? 1 : 0);
    if (given != 1) {
      throw new InvalidRequestException("give exactly one of 'telegramId', 'discordId' or 'name'");
    }
    Long offset = optionalLong(ctx, "offset");
    if (offset != null && (offset < 0 || offset > 1_000_000)) {
      throw new InvalidRequestException("'offset' must be from 0 to 1000000");
    }
    return new Admin.PlayerSearch(telegramId, discordId, name, limit(ctx), offset == null ? 0 : offset.intValue());
  }

  private static long pathId(RoutingContext ctx) {
    return SubmitMessage.optionalId(new JsonObject().put("playerId", ctx.pathParam("id")), "playerId");
  }

  /** A query parameter given at most once; null when absent. */
  private static String single(RoutingContext ctx, String name) {
    List<String> values = ctx.queryParam(name);
    if (values.size() > 1) {
      throw new InvalidRequestException("'" + name + "' is given more than once");
    }
    return values.isEmpty() ? null : values.get(0);
  }

  private static Long optionalId(RoutingContext ctx, String name) {
    String value = single(ctx, name);
    return value == null ? null : SubmitMessage.optionalId(new JsonObject().put(name, value), name);
  }

  private static Long optionalLong(RoutingContext ctx, String name) {
    String value = single(ctx, name);
    if (value == null) {
      return null;
    }
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      throw new InvalidRequestException("'" + name + "' must be a whole number");
    }
  }

  private static int limit(RoutingContext ctx) {
    Long limit = optionalLong(ctx, "limit");
    if (limit == null) {
      return DEFAULT_LIMIT;
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new InvalidRequestException("'limit' must be from 1 to " + MAX_LIMIT);
    }
    return limit.intValue();
  }

  private static String type(String type) {
    if (type == null) {
      return null;
    }
    try {
      return EventType.fromWire(type).wireName();
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException("'type': " + e.getMessage());
    }
  }

  private static long delta(JsonObject body, String field) {
    Object value = body.getValue(field);
    if (value == null) {
      return 0;
    }
    if (!(value instanceof Integer || value instanceof Long)) {
      throw new InvalidRequestException("'" + field + "' must be a whole number");
    }
    long delta = ((Number) value).longValue();
    if (delta > SubmitMessage.MAX_ABS_DELTA || delta < -SubmitMessage.MAX_ABS_DELTA) {
      throw new InvalidRequestException("'" + field + "' is out of range (at most " + SubmitMessage.MAX_ABS_DELTA
          + " either way)");
    }
    return delta;
  }

  private static String text(JsonObject body, String field, int maxLength) {
    Object value = body.getValue(field);
    if (!(value instanceof String text) || text.isBlank()) {
      throw new InvalidRequestException("'" + field + "' is required (a non-empty string)");
    }
    if (text.length() > maxLength) {
      throw new InvalidRequestException("'" + field + "' is longer than " + maxLength + " characters");
    }
    TextRules.requireStorable(field, text);
    return text;
  }
}
