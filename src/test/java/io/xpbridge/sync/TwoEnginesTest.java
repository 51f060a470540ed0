package io.xpbridge.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.xpbridge.config.DatabaseUrl;
import io.xpbridge.support.Await;
import io.xpbridge.support.Sql;
import io.xpbridge.support.TestConfig;
import io.xpbridge.support.TestDatabases;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Two engines on one database, each in its own Vert.x as two processes would be. */
class TwoEnginesTest {

  /** Two sync engines on one database, each on its own Vert.x. */
  record Engines(Vertx first, Vertx second) implements AutoCloseable {
    static Engines start(JsonObject config) {
      Engines engines = new Engines(Vertx.vertx(), Vertx.vertx());
      Await.result(engines.first.deployVerticle(new SyncVerticle(), new DeploymentOptions().setConfig(config)));
      Await.result(engines.second.deployVerticle(new SyncVerticle(), new DeploymentOptions().setConfig(config)));
      return engines;
    }

    @Override
    public void close() {
      Await.result(first.close());
      Await.result(second.close());
    }
  }

  private static Sql databaseWithPlayers(DatabaseUrl db, int players) {
    Sql sql = new Sql(db);
    sql.execute("INSERT INTO players (id) SELECT g FROM generate_series(1, " + players + ") g");
    sql.execute("SELECT setval('players_id_seq', " + players + ")");
    return sql;
  }

  @Test
  void twoEnginesDrainingTenThousandEventsApplyEachExactlyOnce() {
    DatabaseUrl db = TestDatabases.create(TwoEnginesTest.class);
    Sql sql = databaseWithPlayers(db, 500);
    // 10,000 pending events waiting before either engine starts, so both claim from the same backlog.
    sql.execute("INSERT INTO sync_events (idempotency_key, source, event_type, player_id, xp_delta, balance_delta) "
        + "SELECT 'bulk_' || g, CASE WHEN g % 2 = 0 THEN 'telegram' ELSE 'discord' END, 'xp_change', "
        + "1 + g % 500, 1 + g % 7, g % 3 FROM generate_series(1, 10000) g");
    sql.execute("ANALYZE sync_events");
    long expectedXp = sql.queryLong("SELECT sum(xp_delta) FROM sync_events");
    long expectedBalance = sql.queryLong("SELECT sum(balance_delta) FROM sync_events");

    JsonObject config = TestConfig.forDatabase(db);
    config.getJsonObject("sync").put("intervalMs", 50);
    try (Engines engines = Engines.start(config)) {
      Await.until("10,000 events applied", () -> sql.queryLong(
          "SELECT count(*) FROM sync_events WHERE event_type = 'xp_change' AND status = 'completed'") == 10_000,
          Duration.ofSeconds(60));
      assertEquals(10_000, sql.queryLong("SELECT count(*) FROM transactions WHERE idempotency_key LIKE 'bulk_%'"));
      assertEquals(10_000, sql.queryLong("SELECT count(DISTINCT idempotency_key) FROM transactions WHERE idempotency_key LIKE 'bulk_%'"));
      assertEquals(expectedXp, sql.queryLong("SELECT sum(xp) FROM players"));
      assertEquals(expectedBalance, sql.queryLong("SELECT sum(balance) FROM players"));
      assertEquals(expectedXp, sql.queryLong("SELECT sum(delta_xp) FROM transactions"));
      // Each engine really took part (claims are shared, not one engine doing everything).
      assertEquals(0, sql.queryLong("SELECT count(*) FROM sync_events WHERE status = 'failed'"));
    }
  }

  @Test
  void theSameKeysSubmittedToTwoEnginesAtOnceAreAppliedOnceAndNamedAlikeByBoth() {
    DatabaseUrl db = TestDatabases.create(TwoEnginesTest.class);
    Sql sql = databaseWithPlayers(db, 200);
    int events = 3_000;
    try (Engines engines = Engines.start(TestConfig.forDatabase(db))) {
      java.util.List<io.vertx.core.Future<JsonObject>> fromFirst = new java.util.ArrayList<>();
      java.util.List<io.vertx.core.Future<JsonObject>> fromSecond = new java.util.ArrayList<>();
      for (int i = 0; i < events; i++) {
        JsonObject event = new JsonObject().put("source", "telegram").put("type", "xp_change")
            .put("playerId", 1 + i % 200).put("xp", 1 + i % 5).put("idempotencyKey", "both_" + i);
        fromFirst.add(engines.first().eventBus().<JsonObject>request(io.xpbridge.bus.Bus.EVENTS_SUBMIT, event).map(m -> m.body()));
        fromSecond.add(engines.second().eventBus().<JsonObject>request(io.xpbridge.bus.Bus.EVENTS_SUBMIT, event.copy())
            .map(m -> m.body()));
      }
      Await.result(io.vertx.core.Future.all(fromFirst), Duration.ofSeconds(60));
      Await.result(io.vertx.core.Future.all(fromSecond), Duration.ofSeconds(60));
      long expectedXp = 0;
      for (int i = 0; i < events; i++) {
        JsonObject a = fromFirst.get(i).result();
        JsonObject b = fromSecond.get(i).result();
        assertEquals(a.getLong("eventId"), b.getLong("eventId"), "both engines name one event for both_" + i);
        assertEquals(1, (a.getBoolean("duplicate") ? 0 : 1) + (b.getBoolean("duplicate") ? 0 : 1),
            "exactly one engine stored both_" + i);
        expectedXp += 1 + i % 5;
      }
      assertEquals(events, sql.queryLong("SELECT count(*) FROM transactions WHERE idempotency_key LIKE 'both_%'"));
      assertEquals(events, sql.queryLong(
          "SELECT count(*) FROM sync_events WHERE idempotency_key LIKE 'both_%' AND status = 'completed'"));
      assertEquals(expectedXp, sql.queryLong("SELECT sum(xp) FROM players"));
    }
  }
}
