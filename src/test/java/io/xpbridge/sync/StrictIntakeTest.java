package io.xpbridge.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;
import io.xpbridge.bus.Bus;
import io.xpbridge.bus.Refusal;
import io.xpbridge.support.Await;
import io.xpbridge.support.ServiceFixture;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What the engine refuses on arrival, and how: each payload here was once accepted and did harm. */
class StrictIntakeTest {
  static ServiceFixture service;

  @BeforeAll
  static void start() {
    service = ServiceFixture.start(StrictIntakeTest.class);
  }

  @AfterAll
  static void stop() {
    service.close();
  }

  static JsonObject xp(String key, Object telegramId, Object xp) {
    return new JsonObject().put("source", "telegram").put("type", "xp_change").put("telegramId", telegramId)
        .put("xp", xp).put("idempotencyKey", key);
  }

  static JsonObject nested(int depth) {
    JsonObject root = new JsonObject();
    JsonObject node = root;
    for (int i = 0; i < depth; i++) {
      JsonObject child = new JsonObject();
      node.put("n", child);
      node = child;
    }
    return root;
  }

  @Test
  void hostilePayloadsAreRefusedWithA400AndChangeNothing() {
    long players = service.sql.queryLong("SELECT count(*) FROM players");
    long events = service.sql.queryLong("SELECT count(*) FROM sync_events");
    List<JsonObject> hostile = List.of(
        xp("nul_reason", 501, 10).put("reason", "a\u0000b"),
        xp("k\ud800", 501, 10),
        xp("lone_low", 501, 10).put("reason", "x\udc00y"),
        xp("min_value", 501, Long.MIN_VALUE),
        xp("big_id", new BigInteger("18446744073709551621"), 10),
        xp("big_xp", 501, new BigInteger("18446744073709551616")),
        xp("big_player", 501, 10).put("telegramId", (Object) null).put("playerId", new BigInteger("18446744073709551617")),
        xp("system_source", 501, 10).put("source", "system"),
        xp("deep", 501, 10).put("data", nested(900)),
        xp("daily_garbage", 501, 10).put("data", new JsonObject().put("daily", new JsonObject().put("day", "garbage"))),
        xp("nul_in_data", 501, 10).put("data", new JsonObject().put("note", "x\u0000")),
        xp("K:rank2", 501, 10));
    for (JsonObject body : hostile) {
      Throwable failure = service.requestFailure(Bus.EVENTS_SUBMIT, body);
      assertTrue(failure instanceof ReplyException, body.getString("idempotencyKey") + ": " + failure);
      assertEquals(400, ((ReplyException) failure).failureCode(),
          body.getString("idempotencyKey") + ": " + failure.getMessage());
    }
    assertEquals(players, service.sql.queryLong("SELECT count(*) FROM players"), "no player created");
    assertEquals(events, service.sql.queryLong("SELECT count(*) FROM sync_events"), "nothing stored");
  }

  @Test
  void refusedTextDoesNotFailOtherPeoplesEventsInTheSameBatch() {
    List<Future<?>> all = new ArrayList<>();
    List<Future<JsonObject>> good = new ArrayList<>();
    DeliveryOptions options = new DeliveryOptions().setSendTimeout(Bus.REQUEST_TIMEOUT_MS);
    for (int i = 0; i < 40; i++) {
      Future<JsonObject> ok = service.vertx.eventBus().<JsonObject>request(Bus.EVENTS_SUBMIT,
          xp("mixed_good_" + i, 600 + i, 5), options).map(m -> m.body());
      good.add(ok);
      all.add(ok);
      all.add(service.vertx.eventBus().request(Bus.EVENTS_SUBMIT,
          xp("mixed_bad_" + i, 700 + i, 5).put("reason", "a\u0000b"), options));
    }
    Await.result(Future.join(all).otherwiseEmpty());
    for (Future<JsonObject> reply : good) {
      assertTrue(reply.succeeded(), String.valueOf(reply.cause()));
      assertEquals("completed", reply.result().getString("status"));
    }
    assertEquals(40, service.sql.queryLong(
        "SELECT count(*) FROM transactions WHERE idempotency_key LIKE 'mixed_good_%'"));
    assertEquals(0, service.sql.queryLong("SELECT count(*) FROM sync_events WHERE idempotency_key LIKE 'mixed_bad_%'"));
  }

  @Test
  void aKeyReusedForAnotherRequestIsAConflictAndTheSameRequestIsADuplicate() {
    long first = service.submit(xp("reused_1", 801, 10)).getLong("eventId");

    JsonObject retry = service.submit(xp("reused_1", 801, 10));
    assertEquals(first, retry.getLong("eventId"));
    assertEquals(true, retry.getBoolean("duplicate"));
    assertEquals("completed", retry.getString("status"));
    for (JsonObject other : List.of(xp("reused_1", 802, 10), xp("reused_1", 801, 999_999),
        xp("reused_1", 801, 10).put("type", "reward_grant"))) {
      Throwable failure = service.requestFailure(Bus.EVENTS_SUBMIT, other);
      Refusal.Refused refused = Refusal.of(failure);
      assertEquals(Refusal.KEY_REUSED, refused == null ? null : refused.refusal(), failure.getMessage());
      assertEquals(409, ((ReplyException) failure).failureCode());
      assertEquals(Long.toString(first), refused.detail(), "names the event that spent the key");
    }
    assertEquals(10, service.sql.queryLong(
        "SELECT p.xp FROM players p JOIN telegram_identities t ON t.player_id = p.id WHERE t.telegram_id = 801"));
    assertEquals(0, service.sql.queryLong("SELECT count(*) FROM telegram_identities WHERE telegram_id = 802"),
        "a refused submit creates no player");
  }

  @Test
  void aClientCannotSpendTheKeyOfARankUpBeforeItHappens() {
    Throwable squat = service.requestFailure(Bus.EVENTS_SUBMIT, xp("climb:rank2", 901, 1));
    assertEquals(400, ((ReplyException) squat).failureCode());

    service.submit(xp("climb", 901, 200));

    long player = service.sql.queryLong("SELECT player_id FROM telegram_identities WHERE telegram_id = 901");
    assertEquals(1, service.sql.queryLong(
        "SELECT count(*) FROM sync_events WHERE player_id = ? AND event_type = 'rank_change'", player),
        "the rank-up is queued");
  }
}
