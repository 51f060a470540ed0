package io.xpbridge.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.xpbridge.bus.Bus;
import io.xpbridge.support.Await;
import io.xpbridge.support.ServiceFixture;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Events are applied in the transaction that stores them; what the ledger cannot take goes to the queue. */
class ApplyOnArrivalTest {
  static ServiceFixture service;

  @BeforeAll
  static void start() {
    service = ServiceFixture.start(ApplyOnArrivalTest.class);
  }

  @AfterAll
  static void stop() {
    service.close();
  }

  @Test
  void anAcceptedEventIsAlreadyAppliedWhenItsReplyArrives() {
    JsonObject reply = service.submit(ServiceFixture.xp("arrive_1", 8001, 42));

    assertFalse(reply.getBoolean("duplicate"));
    assertEquals("completed", reply.getString("status"));
    long id = reply.getLong("eventId");
    assertEquals("completed", service.sql.queryString("SELECT status FROM sync_events WHERE id = ?", id));
    assertEquals("discord", service.sql.queryString("SELECT processed_by FROM sync_events WHERE id = ?", id));
    assertEquals(id, service.sql.queryLong("SELECT event_id FROM transactions WHERE idempotency_key = 'arrive_1'"));
    assertEquals(42, service.sql.queryLong(
        "SELECT p.xp FROM players p JOIN telegram_identities t ON t.player_id = p.id WHERE t.telegram_id = 8001"));
  }

  @Test
  void anEventTheLedgerRefusesIsFailedWithItsReasonAtOnce() {
    JsonObject reply = service.submit(new JsonObject().put("source", "telegram").put("type", "balance_change")
        .put("telegramId", 8002).put("balance", -5).put("idempotencyKey", "arrive_overdraw"));

    long id = reply.getLong("eventId");
    assertEquals("failed", reply.getString("status"), "the sender hears the refusal: " + reply);
    assertTrue(reply.getString("error").contains("balance would go below zero"), reply.encode());
    assertEquals(false, reply.getBoolean("duplicate"));
    assertEquals("failed", service.sql.queryString("SELECT status FROM sync_events WHERE id = ?", id));
    assertTrue(service.sql.queryString("SELECT error_message FROM sync_events WHERE id = ?", id)
        .contains("balance would go below zero"));
    assertEquals(0, service.sql.queryLong("SELECT count(*) FROM transactions WHERE idempotency_key = 'arrive_overdraw'"));

    JsonObject again = service.submit(new JsonObject().put("source", "telegram").put("type", "balance_change")
        .put("telegramId", 8002).put("balance", -5).put("idempotencyKey", "arrive_overdraw"));
    assertEquals(new JsonObject().put("eventId", id).put("duplicate", true).put("status", "failed")
        .put("error", reply.getString("error")), again, "a spent key answers with its first event's outcome");
  }

  @Test
  void aBatchTheDatabaseRejectsOnArrivalIsQueuedAndOnlyTheBadEventFails() {
    try (var poison = new io.xpbridge.support.PoisonedAuditInserts(service.sql, "poison_arrival", "arrive_poison")) {
      // Sent together, so they arrive in one batch: the whole batch fails on arrival.
      List<Future<JsonObject>> replies = List.of(
          request(ServiceFixture.xp("arrive_poison_1", 8003, 1)),
          request(ServiceFixture.xp("arrive_healthy_1", 8004, 2)),
          request(ServiceFixture.xp("arrive_healthy_2", 8005, 3)));
      Await.result(Future.all(replies));

      Await.until("poisoned event failed", () -> "failed".equals(service.sql.queryString(
          "SELECT status FROM sync_events WHERE idempotency_key = 'arrive_poison_1'")));
      Await.until("healthy events applied", () -> service.sql.queryLong(
          "SELECT count(*) FROM sync_events WHERE idempotency_key LIKE 'arrive_healthy_%' AND status = 'completed'") == 2);
      assertTrue(service.sql.queryString("SELECT error_message FROM sync_events WHERE idempotency_key = 'arrive_poison_1'")
          .contains("disk on fire"));
      assertEquals(5, service.sql.queryLong("SELECT coalesce(sum(xp), 0) FROM players p JOIN telegram_identities t "
          + "ON t.player_id = p.id WHERE t.telegram_id IN (8003, 8004, 8005)"), "only the healthy events changed the ledger");
    }
  }

  @Test
  void anEventWhosePlayerAnotherTransactionHoldsWaitsForItWithoutHoldingUpTheOthers() throws Exception {
    service.submit(ServiceFixture.xp("arrive_held_0", 8006, 1));
    service.submit(ServiceFixture.xp("arrive_free_0", 8007, 1));
    long held = service.sql.queryLong("SELECT player_id FROM telegram_identities WHERE telegram_id = 8006");
    try (java.sql.Connection other = java.sql.DriverManager.getConnection(service.db.jdbcUrl(), service.db.user(),
        service.db.password())) {
      other.setAutoCommit(false);
      other.createStatement().execute("SELECT 1 FROM players WHERE id = " + held + " FOR UPDATE");

      Future<JsonObject> heldReply = request(ServiceFixture.xp("arrive_held_1", 8006, 10));
      JsonObject freeReply = Await.result(request(ServiceFixture.xp("arrive_free_1", 8007, 20)));

      assertFalse(freeReply.getBoolean("duplicate"));
      assertEquals("completed", service.sql.queryString(
          "SELECT status FROM sync_events WHERE idempotency_key = 'arrive_free_1'"));
      io.xpbridge.support.Still.holdsFor(java.time.Duration.ofMillis(300), "the held player's event waits",
          () -> !heldReply.isComplete() && service.sql.queryLong(
              "SELECT count(*) FROM sync_events WHERE idempotency_key = 'arrive_held_1'") == 0);
      other.commit();
      Await.result(heldReply);
    }
    assertEquals(11, service.sql.queryLong("SELECT xp FROM players WHERE id = ?", held));
    assertEquals(1, service.sql.queryLong("SELECT count(*) FROM transactions WHERE idempotency_key = 'arrive_held_1'"));
  }

  private static Future<JsonObject> request(JsonObject event) {
    return service.vertx.eventBus().<JsonObject>request(Bus.EVENTS_SUBMIT, event).map(m -> m.body());
  }
}
