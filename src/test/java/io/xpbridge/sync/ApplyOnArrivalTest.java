package io.xpbridge.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.xpbridge.bus.Bus;
import io.xpbridge.config.AppConfig;
import io.xpbridge.domain.EventStatus;
import io.xpbridge.domain.EventType;
import io.xpbridge.domain.Platform;
import io.xpbridge.domain.PlayerRef;
import io.xpbridge.domain.SubmitRequest;
import io.xpbridge.store.Database;
import io.xpbridge.store.SubmitResult;
import io.xpbridge.store.SubmitStore;
import io.xpbridge.support.Await;
import io.xpbridge.support.ServiceFixture;
import io.xpbridge.support.Still;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
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
    long held = playerOf(8006);
    try (Connection other = holding(held)) {
      Future<JsonObject> heldReply = request(ServiceFixture.xp("arrive_held_1", 8006, 10));
      JsonObject freeReply = Await.result(request(ServiceFixture.xp("arrive_free_1", 8007, 20)));

      assertFalse(freeReply.getBoolean("duplicate"));
      assertEquals("completed", service.sql.queryString(
          "SELECT status FROM sync_events WHERE idempotency_key = 'arrive_free_1'"));
      Still.holdsFor(Duration.ofMillis(300), "the held player's event waits",
          () -> !heldReply.isComplete() && service.sql.queryLong(
              "SELECT count(*) FROM sync_events WHERE idempotency_key = 'arrive_held_1'") == 0);
      other.commit();
      Await.result(heldReply);
    }
    assertEquals(11, service.sql.queryLong("SELECT xp FROM players WHERE id = ?", held));
    assertEquals(1, service.sql.queryLong("SELECT count(*) FROM transactions WHERE idempotency_key = 'arrive_held_1'"));
  }

  @Test
  void aBatchWaitsForThePlayersItMustNotPassOverAgainAndPassesOverTheOthers() throws Exception {
    for (long telegramId : new long[] {8101, 8102, 8103}) {
      service.submit(ServiceFixture.xp("wait_some_0_" + telegramId, telegramId, 1));
    }
    long waited = playerOf(8101);
    long passedOver = playerOf(8103);
    Pool pool = Database.enginePool(service.vertx, service.db, 2);
    ArrivalApplier arrivals = new ArrivalApplier(pool, new SubmitStore(),
        () -> EngineRules.from(AppConfig.parse(service.app.config())));
    List<SubmitRequest> batch = List.of(request("wait_some_1", 8101), request("wait_some_2", 8102),
        request("wait_some_3", 8103));
    try (Connection holdsWaited = holding(waited); Connection holdsPassedOver = holding(passedOver)) {
      Future<ArrivalApplier.Intake> intake = arrivals.submit(batch, List.of(batch.get(0)));
      Still.holdsFor(Duration.ofMillis(300), "the batch waits for 8101's player",
          () -> !intake.isComplete());
      holdsWaited.commit();
      // 8103's player is still held: a batch that waited for every player would not finish.
      ArrivalApplier.Intake done = Await.result(intake);

      assertEquals(Set.of(2), done.deferred(), "8103's event is handed back, not waited for");
      assertEquals(List.of(EventStatus.COMPLETED, EventStatus.COMPLETED),
          done.results().subList(0, 2).stream().map(SubmitResult::outcome).toList(), done.results().toString());
    } finally {
      Await.result(pool.close());
    }
    assertEquals(2, service.sql.queryLong("SELECT xp FROM players WHERE id = ?", waited));
    assertEquals(1, service.sql.queryLong("SELECT xp FROM players WHERE id = ?", passedOver));
  }

  /** A connection of its own holding {@code playerId}'s row lock until it commits or closes. */
  private static Connection holding(long playerId) throws SQLException {
    Connection conn = DriverManager.getConnection(service.db.jdbcUrl(), service.db.user(),
        service.db.password());
    conn.setAutoCommit(false);
    conn.createStatement().execute("SELECT 1 FROM players WHERE id = " + playerId + " FOR UPDATE");
    return conn;
  }

  private static long playerOf(long telegramId) {
    return service.sql.queryLong("SELECT player_id FROM telegram_identities WHERE telegram_id = ?", telegramId);
  }

  private static SubmitRequest request(String key, long telegramId) {
    return new SubmitRequest(Platform.TELEGRAM, EventType.XP_CHANGE,
        new PlayerRef(PlayerRef.Kind.TELEGRAM, telegramId), 1, 0, null, key, null,
        "{}");
  }

  private static Future<JsonObject> request(JsonObject event) {
    return service.vertx.eventBus().<JsonObject>request(Bus.EVENTS_SUBMIT, event).map(m -> m.body());
  }
}
