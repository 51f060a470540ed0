package io.xpbridge.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.xpbridge.bus.Admin;
import io.xpbridge.config.DatabaseUrl;
import io.xpbridge.support.Await;
import io.xpbridge.support.Sql;
import io.xpbridge.support.TestDatabases;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The metrics' queue sample: exact for the unfinished and failed events, the completed ones taken
 * from PostgreSQL's live-row statistics, and never a read of the completed rows (the sample runs
 * every 5 s on every node; counting a table of millions of completed rows cost ~0.7 s each time).
 */
class QueueDepthTest {
  static final int COMPLETED = 20_000;
  static Vertx vertx;
  static DatabaseUrl db;
  static Pool pool;
  static Sql sql;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
    db = TestDatabases.create(QueueDepthTest.class);
    pool = Database.enginePool(vertx, db, 2);
    sql = new Sql(db);
    long player = sql.queryLong("INSERT INTO players DEFAULT VALUES RETURNING id");
    String insert = "INSERT INTO sync_events (idempotency_key, source, event_type, player_id, status, applied_at, created_at) "
        + "SELECT '%s-' || g, 'telegram', '%s', " + player + ", '%s', %s, now() - interval '%d seconds' FROM generate_series(1, %d) g";
    sql.update(insert.formatted("done", "xp_change", "completed", "now()", 0, COMPLETED));
    sql.update(insert.formatted("wait", "rank_change", "pending", "now()", 90, 7));
    sql.update(insert.formatted("claimed", "rank_change", "processing", "now()", 30, 3));
    sql.update(insert.formatted("new", "xp_change", "pending", "NULL", 5, 4));
    sql.update(insert.formatted("bad", "achievement_unlock", "failed", "now()", 0, 2));
    sql.execute("ANALYZE sync_events");
  }

  @AfterAll
  static void stop() {
    Await.result(vertx.close());
  }

  @Test
  void unfinishedAndFailedAreExactAndCompletedFollowsTheStatistics() {
    // PostgreSQL publishes a session's counts within a second of its commit.
    Admin.QueueDepth depth = Await.value("the estimate to count " + COMPLETED + " completed events", QueueDepthTest::depth,
        d -> d.completed() == COMPLETED);
    assertEquals(11, depth.pending());
    assertEquals(3, depth.processing());
    assertEquals(2, depth.failed());
    assertTrue(depth.oldestPendingAgeSeconds() >= 89 && depth.oldestPendingAgeSeconds() < 120,
        "oldest unfinished waits ~90 s: " + depth.oldestPendingAgeSeconds());
    assertEquals(COMPLETED, depth.completed(), "the statistics count every committed insert");

    sql.update("DELETE FROM sync_events WHERE idempotency_key LIKE 'done-%' AND split_part(idempotency_key, '-', 2)::int <= 5000");
    Admin.QueueDepth after = Await.value("the estimate to drop by the 5,000 deleted", QueueDepthTest::depth,
        d -> d.completed() == COMPLETED - 5_000);
    assertEquals(COMPLETED - 5_000, after.completed(), "a cleanup's deletes reach the estimate within seconds");
    assertEquals(11, after.pending());
  }

  private static Admin.QueueDepth depth() {
    return Await.result(new QueueAdminStore(pool).depth());
  }

  @Test
  void theSampleReadsNoCompletedRows() {
    String plan = Await.result(pool.withConnection(conn -> conn.query("EXPLAIN " + QueueAdminStore.DEPTH).execute()))
        .stream().map(row -> row.getString(0)).collect(Collectors.joining("\n"));
    assertFalse(plan.contains("Seq Scan on sync_events"), plan);
    assertTrue(plan.contains("sync_events_player_unfinished") && plan.contains("sync_events_failed"), plan);
  }
}
