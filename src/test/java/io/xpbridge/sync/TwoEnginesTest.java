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

  @Test
  void twoEnginesDrainingTenThousandEventsApplyEachExactlyOnce() {
    DatabaseUrl db = TestDatabases.create(TwoEnginesTest.class);
    Sql sql = new Sql(db);
    sql.execute("INSERT INTO players (id) SELECT g FROM generate_series(1, 500) g");
    sql.execute("SELECT setval('players_id_seq', 500)");
    // 10,000 pending events waiting before either engine starts, so both claim from the same backlog.
    sql.execute("INSERT INTO sync_events (idempotency_key, source, event_type, player_id, xp_delta, balance_delta) "
        + "SELECT 'bulk_' || g, CASE WHEN g % 2 = 0 THEN 'telegram' ELSE 'discord' END, 'xp_change', "
        + "1 + g % 500, 1 + g % 7, g % 3 FROM generate_series(1, 10000) g");
    sql.execute("ANALYZE sync_events");
    long expectedXp = sql.queryLong("SELECT sum(xp_delta) FROM sync_events");
    long expectedBalance = sql.queryLong("SELECT sum(balance_delta) FROM sync_events");

    JsonObject config = TestConfig.forDatabase(db);
    config.getJsonObject("sync").put("intervalMs", 50);
    Vertx first = Vertx.vertx();
    Vertx second = Vertx.vertx();
    try {
      Await.result(first.deployVerticle(new SyncVerticle(), new DeploymentOptions().setConfig(config)));
      Await.result(second.deployVerticle(new SyncVerticle(), new DeploymentOptions().setConfig(config)));
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
    } finally {
      Await.result(first.close());
      Await.result(second.close());
    }
  }
}
