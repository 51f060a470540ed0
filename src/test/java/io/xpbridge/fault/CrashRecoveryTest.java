package io.xpbridge.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.xpbridge.config.DatabaseUrl;
import io.xpbridge.support.Await;
import io.xpbridge.support.ServiceFixture;
import io.xpbridge.support.Sql;
import io.xpbridge.support.TestDatabases;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The service process is killed with SIGKILL while 20,000 events are being submitted (each applied in
 * the transaction that stores it) and while its queue worker applies a backlog of 20,000 queued
 * events (as batches that could not be applied on arrival leave them), then started again on the
 * same database: every accepted and every queued event must be applied exactly once.
 */
class CrashRecoveryTest {
  static final int EVENTS = 20_000;
  static final int QUEUED = 20_000;

  @Test
  void killedWithEventsInFlightRestartsAndAppliesEachAcceptedEventExactlyOnce() throws Exception {
    DatabaseUrl db = TestDatabases.create(CrashRecoveryTest.class);
    Sql sql = new Sql(db);
    // The players the load names (Telegram and Discord ids 1..1000), and the queued backlog for them.
    sql.execute("INSERT INTO players (id) SELECT g FROM generate_series(1, 1000) g");
    sql.execute("SELECT setval('players_id_seq', 1000)");
    sql.execute("INSERT INTO telegram_identities (telegram_id, player_id) SELECT g, g FROM generate_series(1, 1000) g");
    sql.execute("INSERT INTO discord_identities (discord_id, player_id) SELECT g, g FROM generate_series(1, 1000) g");
    sql.execute("INSERT INTO sync_events (idempotency_key, source, event_type, player_id, xp_delta, balance_delta) "
        + "SELECT 'queued_' || g, 'telegram', 'xp_change', 1 + g % 1000, 1 + g % 5, g % 3 FROM generate_series(1, "
        + QUEUED + ") g");
    sql.execute("ANALYZE");
    Path acceptedFile = Files.createTempFile("xpbridge-accepted", ".txt");
    Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx256m", "-cp", System.getProperty("java.class.path"), CrashLoadMain.class.getName(),
        db.toUrl(), acceptedFile.toString(), Integer.toString(EVENTS))
        .redirectErrorStream(true).start();
    BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
    Thread drain = new Thread(() -> out.lines().forEach(line -> { }));
    try {
      String line;
      while ((line = out.readLine()) != null && !line.contains("READY")) {
        // start-up log
      }
      drain.start();
      // Kill in the middle of the load: some events accepted, some applied, some half way. The submits
      // are counted apart from the queue's drain, which starts with the engine, before READY: on a slow
      // start the drain alone passed 3,000 applied events before the first submit was stored. And some
      // replies logged by the child: its first 256 submits are stored in one commit, and a kill right
      // after it could land before the child had written any reply down.
      Await.until("load under way", () -> sql.queryLong("SELECT count(*) FROM transactions") > 3_000
          && sql.queryLong("SELECT count(*) FROM sync_events WHERE idempotency_key LIKE 'crash_%'") >= 200
          && acceptedFile.toFile().length() > 0, Duration.ofSeconds(60));
      child.destroyForcibly();
      child.waitFor();
    } finally {
      child.destroyForcibly();
    }
    Set<String> acceptedBeforeKill = new HashSet<>(Files.readAllLines(acceptedFile));
    long storedAtKill = sql.queryLong("SELECT count(*) FROM sync_events WHERE event_type = 'xp_change'");
    long appliedAtKill = sql.queryLong("SELECT count(*) FROM transactions");
    long pendingAtKill = sql.queryLong("SELECT count(*) FROM sync_events WHERE event_type = 'xp_change' AND status <> 'completed'");
    long submittedAtKill = sql.queryLong("SELECT count(*) FROM sync_events WHERE idempotency_key LIKE 'crash_%'");

    long restartedAt = System.nanoTime();
    try (ServiceFixture restarted = ServiceFixture.startOn(db)) {
      restarted.awaitQueueDrained();
      double recoverySeconds = (System.nanoTime() - restartedAt) / 1e9;

      long stored = sql.queryLong("SELECT count(*) FROM sync_events WHERE event_type = 'xp_change'");
      long completed = sql.queryLong("SELECT count(*) FROM sync_events WHERE event_type = 'xp_change' AND status = 'completed'");
      long audits = sql.queryLong("SELECT count(*) FROM transactions");
      long distinctAudits = sql.queryLong("SELECT count(DISTINCT idempotency_key) FROM transactions");
      List<Object> sums = sql.queryRow("SELECT coalesce(sum(xp_delta), 0), coalesce(sum(balance_delta), 0) "
          + "FROM sync_events WHERE event_type = 'xp_change'");
      long ledgerXp = sql.queryLong("SELECT sum(xp) FROM players");
      long ledgerBalance = sql.queryLong("SELECT sum(balance) FROM players");
      Set<String> appliedKeys = new HashSet<>();
      sql.query("SELECT idempotency_key FROM transactions").forEach(row -> appliedKeys.add((String) row.get(0)));
      long acceptedMissing = acceptedBeforeKill.stream().filter(key -> !appliedKeys.contains(key)).count();
      System.out.printf("crash test: accepted before kill (logged) %d, submitted events stored %d, all stored %d "
              + "(with %d queued), applied at kill %d, unfinished at kill %d; after restart: applied %d, duplicates %d, "
              + "lost %d, recovery %.2f s%n",
          acceptedBeforeKill.size(), submittedAtKill, storedAtKill, QUEUED, appliedAtKill, pendingAtKill, audits,
          audits - distinctAudits, acceptedMissing, recoverySeconds);

      assertTrue(acceptedBeforeKill.size() > 0, "the load had started");
      assertTrue(submittedAtKill < EVENTS, "the kill landed mid-load (stored " + submittedAtKill + " submitted events)");
      assertTrue(pendingAtKill > 0, "the kill landed while the queue worker still had queued events to apply");
      assertEquals(stored, completed, "every stored event is applied after restart");
      assertEquals(stored, audits, "one audit row per event");
      assertEquals(audits, distinctAudits, "no key applied twice");
      assertEquals(0, acceptedMissing, "no accepted event lost");
      assertEquals(((Number) sums.get(0)).longValue(), ledgerXp, "ledger XP equals the sum of stored events");
      assertEquals(((Number) sums.get(1)).longValue(), ledgerBalance, "ledger balance equals the sum of stored events");
    }
  }
}
