package io.xpbridge.store;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.xpbridge.config.DatabaseUrl;
import io.xpbridge.support.Sql;
import io.xpbridge.support.TestDatabases;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Statements that change one row or a batch of rows by id must find them by the primary key even when
 * the statistics of the queue's partial indexes are stale: counted empty at the last vacuum, while
 * tens of thousands of effects have piled up since (a bot down for a while). With a status condition
 * that implies an index's predicate, the planner scanned that whole index for every delivery batch
 * (a benchmark run measured ~35,000 buffer reads per batch of ~80). Plans are checked generic and
 * custom, under the engine's session settings ({@link Database#ENGINE_SESSION}).
 */
class StaleStatisticsPlansTest {
  static final int WAITING = 30_000;
  static DatabaseUrl db;
  static long anyClaimed;
  static long anyQueued;

  @BeforeAll
  static void staleStatistics() {
    db = TestDatabases.create(StaleStatisticsPlansTest.class);
    Sql sql = new Sql(db);
    sql.execute("ALTER TABLE sync_events SET (autovacuum_enabled = false)");
    long player = sql.queryLong("INSERT INTO players DEFAULT VALUES RETURNING id");
    sql.update(("INSERT INTO sync_events (idempotency_key, source, event_type, player_id, status, applied_at) "
        + "SELECT 'done-' || g, 'telegram', 'xp_change', %d, 'completed', now() FROM generate_series(1, 50000) g").formatted(player));
    sql.execute("VACUUM ANALYZE sync_events");
    // Since the last vacuum: effects waiting for a bot, some claimed, and a few queued events.
    sql.update(("INSERT INTO sync_events (idempotency_key, source, event_type, player_id, status, applied_at, claimed_by) "
        + "SELECT 'wait-' || g, 'telegram', 'rank_change', %d, CASE WHEN g %% 4 = 0 THEN 'processing' ELSE 'pending' END, "
        + "now(), CASE WHEN g %% 4 = 0 THEN 'node-a' END FROM generate_series(1, %d) g").formatted(player, WAITING));
    sql.update(("INSERT INTO sync_events (idempotency_key, source, event_type, player_id, status) "
        + "SELECT 'queued-' || g, 'telegram', 'xp_change', %d, 'pending' FROM generate_series(1, 2000) g").formatted(player));
    anyClaimed = sql.queryLong("SELECT max(id) FROM sync_events WHERE claimed_by = 'node-a'");
    anyQueued = sql.queryLong("SELECT max(id) FROM sync_events WHERE applied_at IS NULL");
  }

  @Test
  void finishingADeliveryBatchGoesById() throws SQLException {
    String args = "ARRAY[%d]::bigint[], ARRAY['pending'], ARRAY[''], ARRAY['none'], ARRAY[NULL::text], ARRAY[0], ARRAY[30000::bigint], 'node-a'"
        .formatted(anyClaimed);
    assertById(DeliveryStore.FINISH, "bigint[], text[], text[], text[], text[], int[], bigint[], text", args);
  }

  @Test
  void claimingOneQueuedEventGoesById() throws SQLException {
    assertById(QueueClaims.CLAIM_ONE, "bigint", Long.toString(anyQueued));
  }

  @Test
  void recordingAnApplyFailureGoesById() throws SQLException {
    assertById(LedgerStore.RECORD_FAILURE, "bigint, text, int, double precision, double precision",
        anyQueued + ", 'boom', 3, 1000, 60000");
  }

  private static void assertById(String statement, String parameterTypes, String arguments) throws SQLException {
    for (String mode : List.of("force_generic_plan", "force_custom_plan")) {
      String plan = explain(statement, parameterTypes, arguments, mode);
      assertTrue(plan.contains("sync_events_pkey"), mode + ":\n" + plan);
      assertFalse(plan.contains("sync_events_player_unfinished") || plan.contains("sync_events_apply_due")
          || plan.contains("sync_events_deliver_due"), mode + ":\n" + plan);
    }
  }

  private static String explain(String statement, String parameterTypes, String arguments, String mode) throws SQLException {
    try (Connection conn = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
        Statement st = conn.createStatement()) {
      for (var setting : Database.ENGINE_SESSION.entrySet()) {
        st.execute("SET " + setting.getKey() + " = " + setting.getValue());
      }
      st.execute("SET plan_cache_mode = " + mode);
      st.execute("PREPARE probe(" + parameterTypes + ") AS " + statement);
      conn.setAutoCommit(false);
      List<String> lines = new ArrayList<>();
      try (ResultSet rows = st.executeQuery("EXPLAIN EXECUTE probe(" + arguments + ")")) {
        while (rows.next()) {
          lines.add(rows.getString(1));
        }
      } finally {
        conn.rollback();
      }
      return String.join("\n", lines);
    }
  }
}
