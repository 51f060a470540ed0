package io.xpbridge.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import io.xpbridge.bus.Bus;
import io.xpbridge.support.Await;
import io.xpbridge.support.ServiceFixture;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Leases, retries with backoff, failure and requeue. */
class QueueRecoveryTest {
  static ServiceFixture service;

  @BeforeAll
  static void start() {
    service = ServiceFixture.start(QueueRecoveryTest.class, c -> {
      c.getJsonObject("sync").put("maxRetries", 2).put("claimLeaseSeconds", 2);
      return c;
    });
  }

  @AfterAll
  static void stop() {
    service.close();
  }

  private long newTelegramPlayer(long telegramId, long chatId) {
    long player = service.sql.queryLong("INSERT INTO players DEFAULT VALUES RETURNING id");
    service.sql.update("INSERT INTO telegram_identities (telegram_id, player_id, chat_id) VALUES (?, ?, ?)",
        telegramId, player, chatId);
    return player;
  }

  @Test
  void anEventLeftInProcessingIsClaimedAgainWhenItsLeaseRunsOut() {
    long player = newTelegramPlayer(3001, 3001);
    // As a crashed instance would leave it: claimed, lease still running for a moment.
    long id = service.sql.queryLong("INSERT INTO sync_events (idempotency_key, source, event_type, player_id, xp_delta, "
        + "status, claimed_by, next_attempt_at) VALUES ('stuck_1', 'telegram', 'xp_change', ?, 25, 'processing', "
        + "'dead-instance', now() + interval '1 second') RETURNING id", player);
    assertEquals("processing", service.sql.queryString("SELECT status FROM sync_events WHERE id = ?", id),
        "not taken while the lease runs");
    Await.until("stuck event applied after its lease", () ->
        "completed".equals(service.sql.queryString("SELECT status FROM sync_events WHERE id = ?", id)));
    assertEquals(25, service.sql.queryLong("SELECT xp FROM players WHERE id = ?", player));
    assertEquals(1, service.sql.queryLong("SELECT count(*) FROM transactions WHERE idempotency_key = 'stuck_1'"));
  }

  @Test
  void aDeliveryStuckInProcessingIsRetriedAfterItsLease() {
    long player = newTelegramPlayer(3002, 3002);
    AtomicInteger told = new AtomicInteger();
    var consumer = service.vertx.eventBus().<JsonObject>consumer(Bus.EFFECTS_TELEGRAM, msg -> {
      if (msg.body().getLong("playerId") == player) {
        told.incrementAndGet();
      }
      msg.reply(new JsonObject().put("ok", true));
    });
    try {
      long id = service.sql.queryLong("INSERT INTO sync_events (idempotency_key, source, event_type, player_id, payload, "
          + "applied_at, status, claimed_by, next_attempt_at) VALUES ('stuck_rank', 'telegram', 'rank_change', ?, "
          + "'{\"rank\":2,\"previousRank\":1}', now(), 'processing', 'dead-instance', now() + interval '1 second') "
          + "RETURNING id", player);
      Await.until("stuck delivery completed", () ->
          "completed".equals(service.sql.queryString("SELECT status FROM sync_events WHERE id = ?", id)));
      assertEquals(1, told.get());
      assertEquals(2, service.sql.queryLong("SELECT last_telegram_rank FROM sync_state WHERE player_id = ?", player));
    } finally {
      consumer.unregister();
    }
  }

  @Test
  void aFailingDeliveryIsRetriedThenFailsWithTheBotsWordsAndComesBackOnRequeue() {
    long player = newTelegramPlayer(3003, 3003);
    AtomicInteger attempts = new AtomicInteger();
    boolean[] healthy = {false};
    var consumer = service.vertx.eventBus().<JsonObject>consumer(Bus.EFFECTS_TELEGRAM, msg -> {
      if (msg.body().getLong("playerId") != player || !"rank_up".equals(msg.body().getString("kind"))) {
        msg.reply(new JsonObject().put("ok", true));
        return;
      }
      attempts.incrementAndGet();
      if (healthy[0]) {
        msg.reply(new JsonObject().put("ok", true));
      } else {
        msg.fail(503, "Telegram answered 502 Bad Gateway");
      }
    });
    try {
      service.submit(ServiceFixture.xp("retry_1", 3003, 200));
      long rankEvent = Await.value("rank event exists", () -> service.sql.queryLong(
          "SELECT coalesce(max(id), 0) FROM sync_events WHERE player_id = ? AND event_type = 'rank_change'", player),
          id -> id > 0);
      Await.until("rank event failed after retries", () ->
          "failed".equals(service.sql.queryString("SELECT status FROM sync_events WHERE id = ?", rankEvent)));
      assertEquals(3, attempts.get(), "first try plus maxRetries=2 retries");
      assertEquals(3, service.sql.queryLong("SELECT retries FROM sync_events WHERE id = ?", rankEvent));
      String error = service.sql.queryString("SELECT error_message FROM sync_events WHERE id = ?", rankEvent);
      assertTrue(error.contains("502 Bad Gateway"), error);

      healthy[0] = true;
      JsonObject requeued = service.request(Bus.EVENTS_REQUEUE, new JsonObject().put("eventId", rankEvent));
      assertTrue(requeued.getBoolean("requeued"));
      Await.until("requeued event delivered", () ->
          "completed".equals(service.sql.queryString("SELECT status FROM sync_events WHERE id = ?", rankEvent)));
      assertEquals(4, attempts.get());
      assertEquals(200, service.sql.queryLong("SELECT xp FROM players WHERE id = ?", player), "the ledger changed once");
    } finally {
      consumer.unregister();
    }
  }

  @Test
  void effectsWaitWhileNoBotIsDeployedAndAreNotCountedAsRetries() {
    long player = newTelegramPlayer(3004, 3004);
    service.submit(ServiceFixture.xp("wait_1", 3004, 200));
    long rankEvent = Await.value("rank event exists", () -> service.sql.queryLong(
        "SELECT coalesce(max(id), 0) FROM sync_events WHERE player_id = ? AND event_type = 'rank_change'", player),
        id -> id > 0);
    Await.until("waiting noted", () -> String.valueOf(service.sql.queryString(
        "SELECT error_message FROM sync_events WHERE id = ?", rankEvent)).contains("waiting for the telegram bot"));
    // effectWaitMs is 200 ms in tests: several wait rounds pass in this window, none spends a retry.
    io.xpbridge.support.Still.holdsFor(Duration.ofMillis(800), "waiting spends no retries", () ->
        service.sql.queryLong("SELECT retries FROM sync_events WHERE id = ?", rankEvent) == 0
            && !"completed".equals(service.sql.queryString("SELECT status FROM sync_events WHERE id = ?", rankEvent)));
    var consumer = service.vertx.eventBus().<JsonObject>consumer(Bus.EFFECTS_TELEGRAM,
        msg -> msg.reply(new JsonObject().put("ok", true)));
    try {
      service.vertx.eventBus().publish(Bus.PLATFORM_READY, new JsonObject().put("platform", "telegram"));
      Await.until("delivered once the bot is there", () ->
          "completed".equals(service.sql.queryString("SELECT status FROM sync_events WHERE id = ?", rankEvent)));
    } finally {
      consumer.unregister();
    }
  }

  @Test
  void aBatchBrokenByADatabaseErrorIsAppliedEventByEventAndOnlyTheBadOneFails() {
    try (var poison = new io.xpbridge.support.PoisonedAuditInserts(service.sql, "poison", "poison")) {
      long good = service.sql.queryLong("INSERT INTO players DEFAULT VALUES RETURNING id");
      // Insert together so they land in one batch.
      service.sql.execute("INSERT INTO sync_events (idempotency_key, source, event_type, player_id, xp_delta) VALUES "
          + "('poison_1', 'telegram', 'xp_change', " + good + ", 1), "
          + "('healthy_1', 'telegram', 'xp_change', " + good + ", 2)");
      Await.until("poisoned event failed", () -> "failed".equals(
          service.sql.queryString("SELECT status FROM sync_events WHERE idempotency_key = 'poison_1'")));
      assertEquals("completed", service.sql.queryString(
          "SELECT status FROM sync_events WHERE idempotency_key = 'healthy_1'"));
      assertEquals(2, service.sql.queryLong("SELECT xp FROM players WHERE id = ?", good));
      assertTrue(service.sql.queryString("SELECT error_message FROM sync_events WHERE idempotency_key = 'poison_1'")
          .contains("disk on fire"));
      assertEquals(3, service.sql.queryLong("SELECT retries FROM sync_events WHERE idempotency_key = 'poison_1'"));
    }
  }

  @Test
  void aQueuedEventThatCannotBeReadFailsAloneWithItsReasonAndTheQueueGoesOn() {
    long player = newTelegramPlayer(3101, 3101);
    // Stored before the intake refused such data (or edited by hand): first in line for the worker.
    long poison = service.sql.queryLong("INSERT INTO sync_events (idempotency_key, source, event_type, player_id, "
        + "xp_delta, payload, next_attempt_at) VALUES ('poison_day', 'telegram', 'reward_grant', ?, 5, "
        + "'{\"data\": {\"daily\": {\"day\": \"garbage\"}}}', now() - interval '1 minute') RETURNING id", player);
    List<Long> good = new java.util.ArrayList<>();
    for (int i = 0; i < 3; i++) {
      good.add(service.sql.queryLong("INSERT INTO sync_events (idempotency_key, source, event_type, player_id, "
          + "xp_delta) VALUES (?, 'telegram', 'xp_change', ?, 7) RETURNING id", "behind_poison_" + i, player));
    }
    service.request(Bus.EVENTS_PROCESS_NOW, new JsonObject());

    Await.until("the events behind it applied", () -> service.sql.queryLong(
        "SELECT count(*) FROM sync_events WHERE idempotency_key LIKE 'behind_poison_%' AND status = 'completed'") == 3);
    assertEquals(21, service.sql.queryLong("SELECT xp FROM players WHERE id = ?", player));
    assertEquals("failed", service.sql.queryString("SELECT status FROM sync_events WHERE id = ?", poison));
    String error = service.sql.queryString("SELECT error_message FROM sync_events WHERE id = ?", poison);
    assertTrue(error.contains("unreadable") && error.contains("garbage"), error);

    assertEquals(true, service.request(Bus.EVENTS_REQUEUE, new JsonObject().put("eventId", poison))
        .getBoolean("requeued"));
    Await.until("a requeued unreadable event fails again instead of staying pending", () -> "failed".equals(
        service.sql.queryString("SELECT status FROM sync_events WHERE id = ?", poison)));
    assertEquals(21, service.sql.queryLong("SELECT xp FROM players WHERE id = ?", player));
  }
}
