package io.xpbridge.discord;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import io.xpbridge.bus.Bus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Stands in for the lead's sync engine and account verticle on the bus (never for JDA or the
 * database): records what the bot sends and answers with the shapes documented in {@link Bus}.
 * Handlers for the account addresses can be replaced per test.
 */
final class EngineDouble {
  final List<JsonObject> submitted = new CopyOnWriteArrayList<>();
  final List<JsonObject> registered = new CopyOnWriteArrayList<>();
  final Map<String, List<JsonObject>> requests = new ConcurrentHashMap<>();
  private final Set<String> keys = ConcurrentHashMap.newKeySet();
  private final AtomicLong ids = new AtomicLong();
  private final Map<String, Function<JsonObject, Object>> answers = new ConcurrentHashMap<>();

  Future<Void> register(Vertx vertx) {
    List<Future<Void>> done = new ArrayList<>();
    done.add(vertx.eventBus().<JsonObject>consumer(Bus.EVENTS_SUBMIT, this::submit).completion());
    done.add(vertx.eventBus().<JsonObject>consumer(Bus.PLAYERS_REGISTER, m -> {
      registered.add(m.body());
      m.reply(new JsonObject().put("playerId", 1).put("created", false));
    }).completion());
    for (String address : List.of(Bus.LINK_ISSUE, Bus.LINK_REDEEM, Bus.LINK_UNLINK, Bus.PLAYERS_PROFILE,
        Bus.PLAYERS_TOP, Bus.RECONCILE_RUN_NOW)) {
      done.add(vertx.eventBus().<JsonObject>consumer(address, m -> answer(address, m)).completion());
    }
    return Future.all(done).mapEmpty();
  }

  /**
   * What the double answers on {@code address}: a JsonObject to reply, or a {@link Refusal} to
   * fail with.
   */
  void answer(String address, Function<JsonObject, Object> answer) {
    answers.put(address, answer);
  }

  record Refusal(int code, String text) {}

  List<JsonObject> requestsTo(String address) {
    return requests.getOrDefault(address, List.of());
  }

  List<JsonObject> submittedFor(long discordId) {
    return submitted.stream().filter(e -> e.getLong("discordId") == discordId).toList();
  }

  private void submit(Message<JsonObject> message) {
    JsonObject event = message.body();
    submitted.add(event);
    boolean duplicate = !keys.add(event.getString("idempotencyKey"));
    message.reply(new JsonObject().put("eventId", ids.incrementAndGet()).put("duplicate", duplicate));
  }

  private void answer(String address, Message<JsonObject> message) {
    requests.computeIfAbsent(address, a -> new CopyOnWriteArrayList<>()).add(message.body());
    Function<JsonObject, Object> answer = answers.get(address);
    if (answer == null) {
      message.fail(503, "no answer configured for " + address);
      return;
    }
    Object reply = answer.apply(message.body());
    if (reply instanceof Refusal refusal) {
      message.fail(refusal.code(), refusal.text());
    } else {
      message.reply(reply);
    }
  }
}
