package io.xpbridge.support;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonObject;
import io.xpbridge.bus.Admin;
import io.xpbridge.bus.Bus;
import io.xpbridge.bus.BusJson;
import io.xpbridge.bus.Daily;
import io.xpbridge.bus.Links;
import io.xpbridge.bus.Players;
import io.xpbridge.bus.Refusal;
import io.xpbridge.bus.SubmitReply;
import io.xpbridge.domain.Language;
import io.xpbridge.domain.PlayerRef;
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
 * Stands in for the sync engine and the account verticle on the real bus addresses, so a bot (or
 * the admin API) can be tested on its own: records every request and answers with the records of
 * {@code bus}, idempotent by key. A double of our own verticles only — the bots under test are the
 * real telegrambots and JDA clients talking to the fake platforms.
 */
public final class EngineDouble {
  public static final String GOOD_LINK_CODE = "GOODCODE";
  public static final String ISSUED_LINK_CODE = "ABCD1234";
  /** Every address a bot sends to. */
  public static final List<String> BOT_ADDRESSES = List.of(Bus.PLAYERS_REGISTER, Bus.PLAYERS_PROFILE,
      Bus.PLAYERS_TOP, Bus.LINK_ISSUE, Bus.LINK_REDEEM, Bus.LINK_UNLINK, Bus.DAILY_CLAIM, Bus.RECONCILE_RUN_NOW,
      Bus.EVENTS_SUBMIT, Bus.RANK_CARD);

  private final Vertx vertx;
  private final Map<String, List<JsonObject>> requests = new ConcurrentHashMap<>();
  private final Map<String, Function<JsonObject, Object>> overrides = new ConcurrentHashMap<>();
  private final List<MessageConsumer<?>> consumers = new ArrayList<>();
  // Guarded by "this": the answers come from event-loop threads of possibly several contexts.
  private final Map<String, Long> eventIdsByKey = new HashMap<>();
  private final Set<String> dailyKeys = new HashSet<>();
  private final Map<Long, Long> xpByTelegramId = new HashMap<>();
  private final Map<PlayerRef, Players.Register> registered = new HashMap<>();
  private long nextEventId = 1;

  public EngineDouble(Vertx vertx) {
    this.vertx = vertx;
  }

  /** Answers on every address a bot sends to. */
  public Future<Void> start() {
    return start(BOT_ADDRESSES);
  }

  /** Answers on these addresses only, e.g. next to a real verticle that serves the others. */
  public Future<Void> start(List<String> addresses) {
    List<Future<Void>> ready = new ArrayList<>();
    for (String address : addresses) {
      MessageConsumer<JsonObject> consumer = vertx.eventBus().consumer(address, message -> handle(address, message));
      consumers.add(consumer);
      ready.add(consumer.completion());
    }
    return Future.all(ready).mapEmpty();
  }

  public Future<Void> stop() {
    return Future.all(consumers.stream().map(MessageConsumer::unregister).toList()).mapEmpty();
  }

  /**
   * Replaces the answer on {@code address}: a reply (a record of {@code bus} or a JsonObject), a
   * {@link ReplyException} to fail with its code, or a {@link Future} of either.
   */
  public void on(String address, Function<JsonObject, Object> answer) {
    overrides.put(address, answer);
  }

  public static ReplyException failure(int code, String text) {
    return new ReplyException(ReplyFailure.RECIPIENT_FAILURE, code, text);
  }

  public List<JsonObject> requests(String address) {
    return List.copyOf(requests.getOrDefault(address, List.of()));
  }

  public List<JsonObject> awaitRequests(String address, int count, Duration ceiling) {
    Await.until(count + " request(s) on " + address, () -> requests(address).size() >= count, ceiling);
    return requests(address);
  }

  /** The events submitted for a Discord member. */
  public List<JsonObject> submittedFor(long discordId) {
    return requests(Bus.EVENTS_SUBMIT).stream()
        .filter(event -> Long.valueOf(discordId).equals(event.getLong("discordId"))).toList();
  }

  public synchronized long xpOf(long telegramId) {
    return xpByTelegramId.getOrDefault(telegramId, 0L);
  }

  public static long playerId(long platformId) {
    return 1_000_000 + platformId;
  }

  private void handle(String address, Message<JsonObject> message) {
    JsonObject body = message.body();
    requests.computeIfAbsent(address, a -> new CopyOnWriteArrayList<>()).add(body.copy());
    Function<JsonObject, Object> override = overrides.get(address);
    Future<?> answer;
    try {
      Object outcome = override != null ? override.apply(body) : standard(address, body);
      answer = outcome instanceof Future<?> future ? future
          : outcome instanceof Throwable error ? Future.failedFuture(error) : Future.succeededFuture(outcome);
    } catch (RuntimeException e) {
      answer = Future.failedFuture(e);
    }
    answer.onSuccess(reply -> message.reply(BusJson.encode(reply))).onFailure(error -> {
      if (error instanceof ReplyException reply) {
        message.fail(reply.failureCode(), reply.getMessage());
      } else {
        message.fail(500, String.valueOf(error));
      }
    });
  }

  private synchronized Object standard(String address, JsonObject body) {
    return switch (address) {
      case Bus.PLAYERS_REGISTER -> register(BusJson.decode(body, Players.Register.class));
      case Bus.PLAYERS_PROFILE -> profile(BusJson.decode(body, Players.ProfileQuery.class));
      case Bus.PLAYERS_TOP -> top(BusJson.decode(body, Players.TopQuery.class));
      case Bus.LINK_ISSUE -> new Links.Issued(ISSUED_LINK_CODE, Instant.now().plusSeconds(600).toString(), 600);
      case Bus.LINK_REDEEM -> redeem(BusJson.decode(body, Links.Redeem.class));
      case Bus.LINK_UNLINK -> new Links.Unlinked(true);
      case Bus.DAILY_CLAIM -> daily(BusJson.decode(body, Daily.Claim.class));
      case Bus.RECONCILE_RUN_NOW -> new Admin.ReconcileReport(1, 1, 1);
      case Bus.EVENTS_SUBMIT -> submit(body);
      default -> failure(404, "no such address in the double: " + address);
    };
  }

  private Players.Registered register(Players.Register registration) {
    boolean created = registered.put(registration.ref(), registration) == null;
    return new Players.Registered(playerId(registration.ref().id()), created);
  }

  private Object profile(Players.ProfileQuery query) {
    Players.Register player = registered.get(query.ref());
    if (player == null) {
      return Refusal.NO_PROFILE.exception();
    }
    boolean russian = Language.isRussian(query.language() != null ? query.language() : player.languageCode());
    long telegramId = query.ref().id();
    long xp = xpOf(telegramId);
    return new Players.Profile(playerId(telegramId), xp, 300,
        new Players.RankView(5, russian ? "Сержант" : "Sergeant", 1440L),
        new Players.RankView(6, russian ? "Старший сержант" : "Senior Sergeant", 2125L), 2125 - xp, 20,
        List.of(new Players.AchievementView("first_steps", russian ? "Первые шаги" : "First steps", null)),
        telegramId, null, true, true, 3, null, player.username());
  }

  private Players.Top top(Players.TopQuery query) {
    String rank = Language.isRussian(query.language()) ? "Ефрейтор" : "Lance Corporal";
    PlayerRef caller = query.caller();
    return new Players.Top(List.of(new Players.TopEntry(1, 7, "alice", 900, new Players.RankView(3, rank, null))),
        caller == null ? null : new Players.Place(42, xpOf(caller.id())));
  }

  private Object redeem(Links.Redeem redeem) {
    if (!GOOD_LINK_CODE.equals(redeem.code())) {
      return Refusal.LINK_CODE_UNKNOWN.exception();
    }
    return new Links.Redeemed(playerId(redeem.ref().id()), 1234, 56);
  }

  private Daily.Result daily(Daily.Claim claim) {
    if (!dailyKeys.add(claim.idempotencyKey())) {
      LocalDate day = LocalDate.parse(claim.day());
      Instant next = day.plusDays(1).atStartOfDay(ZoneId.of("Europe/Moscow")).toInstant();
      return Daily.Result.alreadyClaimed(next.toString());
    }
    xpByTelegramId.merge(claim.telegramId(), 50L, Long::sum);
    return Daily.Result.claimed(50, 100, 1, nextEventId++, null);
  }

  private SubmitReply submit(JsonObject event) {
    String key = event.getString("idempotencyKey");
    Long existing = key == null ? null : eventIdsByKey.get(key);
    if (existing != null) {
      return new SubmitReply(existing, true, SubmitReply.Status.COMPLETED, null);
    }
    long eventId = nextEventId++;
    if (key != null) {
      eventIdsByKey.put(key, eventId);
    }
    Long telegramId = event.getLong("telegramId");
    if (telegramId != null) {
      xpByTelegramId.merge(telegramId, event.getLong("xp", 0L), Long::sum);
    }
    return new SubmitReply(eventId, false, SubmitReply.Status.COMPLETED, null);
  }
}
