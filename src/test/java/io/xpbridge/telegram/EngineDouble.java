package io.xpbridge.telegram;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.xpbridge.bus.Bus;
import io.xpbridge.fake.telegram.FakeTelegram;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * Stands in for the sync engine and the account verticle on the real bus addresses until the
 * lead's implementation is merged: records every request and answers like the contract in
 * {@link Bus} says (idempotent by key). A double of the engine only — the Telegram side under
 * test is the real client talking to {@link FakeTelegram}.
 */
final class EngineDouble {

  static final String GOOD_LINK_CODE = "GOODCODE";
  static final String ISSUED_LINK_CODE = "ABCD1234";

  private final Vertx vertx;
  private final Map<String, List<JsonObject>> requests = new ConcurrentHashMap<>();
  private final Map<String, Function<JsonObject, Future<JsonObject>>> overrides = new ConcurrentHashMap<>();
  private final List<MessageConsumer<?>> consumers = new ArrayList<>();
  // Guarded by "this": touched from event-loop threads only, but keep it simple.
  private final Map<String, Long> eventIdsByKey = new HashMap<>();
  private final Set<String> dailyKeys = new HashSet<>();
  private final Map<Long, Long> xpByTelegramId = new HashMap<>();
  private final Set<Long> registered = new HashSet<>();
  private long nextEventId = 1;

  EngineDouble(Vertx vertx) {
    this.vertx = vertx;
  }

  /** Registers a consumer on every address the Telegram bot calls. */
  Future<Void> start() {
    List<Future<Void>> ready = new ArrayList<>();
    for (String address : List.of(Bus.PLAYERS_REGISTER, Bus.PLAYERS_PROFILE, Bus.PLAYERS_TOP, Bus.LINK_ISSUE,
        Bus.LINK_REDEEM, Bus.LINK_UNLINK, Bus.DAILY_CLAIM, Bus.RECONCILE_RUN_NOW, Bus.EVENTS_SUBMIT)) {
      MessageConsumer<JsonObject> consumer = vertx.eventBus().consumer(address, message -> handle(address, message));
      consumers.add(consumer);
      ready.add(consumer.completion());
    }
    return Future.all(ready).mapEmpty();
  }

  Future<Void> stop() {
    return Future.all(consumers.stream().map(MessageConsumer::unregister).toList()).mapEmpty();
  }

  /** Replaces the answer on {@code address}; return a failed future with a {@link ReplyException} to fail(code). */
  void on(String address, Function<JsonObject, Future<JsonObject>> answer) {
    overrides.put(address, answer);
  }

  static Future<JsonObject> failure(int code, String text) {
    return Future.failedFuture(new ReplyException(io.vertx.core.eventbus.ReplyFailure.RECIPIENT_FAILURE, code, text));
  }

  List<JsonObject> requests(String address) {
    return List.copyOf(requests.getOrDefault(address, List.of()));
  }

  List<JsonObject> awaitRequests(String address, int count, Duration timeout) {
    FakeTelegram.awaitCondition(() -> requests(address).size() >= count, timeout,
        () -> count + " request(s) on " + address + ", got " + requests(address));
    return requests(address);
  }

  synchronized long xpOf(long telegramId) {
    return xpByTelegramId.getOrDefault(telegramId, 0L);
  }

  private void handle(String address, Message<JsonObject> message) {
    JsonObject body = message.body();
    requests.computeIfAbsent(address, a -> new CopyOnWriteArrayList<>()).add(body.copy());
    Function<JsonObject, Future<JsonObject>> override = overrides.get(address);
    Future<JsonObject> answer;
    try {
      answer = override != null ? override.apply(body) : standard(address, body);
    } catch (RuntimeException e) {
      answer = Future.failedFuture(e);
    }
    answer.onSuccess(message::reply).onFailure(error -> {
      if (error instanceof ReplyException reply) {
        message.fail(reply.failureCode(), reply.getMessage());
      } else {
        message.fail(500, String.valueOf(error));
      }
    });
  }

  private synchronized Future<JsonObject> standard(String address, JsonObject body) {
    Long telegramId = body.getLong("telegramId");
    switch (address) {
      case Bus.PLAYERS_REGISTER:
        return Future.succeededFuture(new JsonObject().put("playerId", playerId(telegramId))
            .put("created", registered.add(telegramId)));
      case Bus.PLAYERS_PROFILE:
        if (telegramId == null || !registered.contains(telegramId)) {
          return failure(404, "unknown telegramId " + telegramId);
        }
        return Future.succeededFuture(profile(telegramId));
      case Bus.PLAYERS_TOP:
        return Future.succeededFuture(new JsonObject()
            .put("entries", new JsonArray().add(new JsonObject().put("place", 1).put("playerId", 7)
                .put("displayName", "alice").put("xp", 900).put("rank", new JsonObject().put("number", 3)
                    .put("name", new JsonObject().put("ru", "Ефрейтор").put("en", "Lance Corporal")))))
            .put("caller", new JsonObject().put("place", 42).put("xp", xpOf(telegramId))));
      case Bus.LINK_ISSUE:
        return Future.succeededFuture(new JsonObject().put("code", ISSUED_LINK_CODE)
            .put("expiresAt", Instant.now().plusSeconds(600).toString()).put("ttlSeconds", 600));
      case Bus.LINK_REDEEM:
        if (!GOOD_LINK_CODE.equals(body.getString("code"))) {
          return failure(404, "unknown, used or expired code");
        }
        return Future.succeededFuture(new JsonObject().put("playerId", playerId(telegramId))
            .put("mergedXp", 1234).put("mergedBalance", 56));
      case Bus.LINK_UNLINK:
        return Future.succeededFuture(new JsonObject().put("unlinked", true));
      case Bus.DAILY_CLAIM:
        return Future.succeededFuture(daily(body));
      case Bus.RECONCILE_RUN_NOW:
        return Future.succeededFuture(new JsonObject().put("players", 1).put("divergences", 1).put("corrected", 1));
      case Bus.EVENTS_SUBMIT:
        return Future.succeededFuture(submit(body));
      default:
        return failure(404, "no such address in the double: " + address);
    }
  }

  private JsonObject daily(JsonObject body) {
    String key = body.getString("idempotencyKey");
    if (!dailyKeys.add(key)) {
      LocalDate day = LocalDate.parse(body.getString("day"));
      Instant next = day.plusDays(1).atStartOfDay(ZoneId.of("Europe/Moscow")).toInstant();
      return new JsonObject().put("claimed", false).put("nextClaimAt", next.toString());
    }
    xpByTelegramId.merge(body.getLong("telegramId"), 50L, Long::sum);
    return new JsonObject().put("claimed", true).put("xp", 50).put("balance", 100).put("streak", 1)
        .put("eventId", nextEventId++);
  }

  private JsonObject submit(JsonObject event) {
    String key = event.getString("idempotencyKey");
    Long existing = key == null ? null : eventIdsByKey.get(key);
    if (existing != null) {
      return new JsonObject().put("eventId", existing).put("duplicate", true);
    }
    long eventId = nextEventId++;
    if (key != null) {
      eventIdsByKey.put(key, eventId);
    }
    Long telegramId = event.getLong("telegramId");
    if (telegramId != null) {
      xpByTelegramId.merge(telegramId, event.getLong("xp", 0L), Long::sum);
    }
    return new JsonObject().put("eventId", eventId).put("duplicate", false);
  }

  private JsonObject profile(long telegramId) {
    long xp = xpOf(telegramId);
    return new JsonObject()
        .put("playerId", playerId(telegramId))
        .put("xp", xp)
        .put("balance", 300)
        .put("rank", new JsonObject().put("number", 5).put("minXp", 1440)
            .put("name", new JsonObject().put("ru", "Сержант").put("en", "Sergeant")))
        .put("nextRank", new JsonObject().put("number", 6).put("minXp", 2125)
            .put("name", new JsonObject().put("ru", "Старший сержант").put("en", "Senior Sergeant")))
        .put("xpToNextRank", 2125 - xp)
        .put("rankCount", 20)
        .put("achievements", new JsonArray().add(new JsonObject().put("code", "first_steps")
            .put("name", new JsonObject().put("ru", "Первые шаги").put("en", "First steps"))))
        .put("telegramId", telegramId)
        .put("telegramLinked", true)
        .put("discordLinked", true)
        .put("dailyStreak", 3);
  }

  static long playerId(Long telegramId) {
    return telegramId == null ? 0 : 1_000_000 + telegramId;
  }
}
