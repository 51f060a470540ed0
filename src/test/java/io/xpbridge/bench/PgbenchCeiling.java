package io.xpbridge.bench;

import io.vertx.core.json.JsonObject;
import io.xpbridge.config.DatabaseUrl;
import io.xpbridge.support.Sql;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Scenario 5: what PostgreSQL itself manages on this machine doing our per-event SQL (insert the
 * event, update the ledger row, insert the audit row, mark the event completed), 100 events per
 * transaction, measured with pgbench over TCP on the same server and schema the engine uses. The
 * engine's throughput is reported as a ratio of this.
 */
final class PgbenchCeiling {
  static final int EVENTS_PER_TRANSACTION = 100;
  private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");

  private PgbenchCeiling() {}

  static boolean available(String pgbench) {
    return Files.isExecutable(Path.of(pgbench));
  }

  /**
   * @param pipelined send each transaction's statements in one pgbench pipeline (no wait for each
   *     answer), which shows what PostgreSQL manages for this work when round trips do not count
   */
  static JsonObject run(BenchDatabase databases, String pgbench, int clients, int seconds, int players, Path workDir,
      boolean pipelined) throws IOException, InterruptedException {
    DatabaseUrl db = databases.create("pgbench");
    try {
      Sql sql = new Sql(db);
      Seed.players(sql, players, "0", 1);
      sql.execute("CREATE SEQUENCE bench_key_seq");
      Seed.analyze(sql);
      Files.createDirectories(workDir);
      Path script = workDir.resolve(pipelined ? "pgbench-per-event-pipelined.sql" : "pgbench-per-event.sql");
      Files.writeString(script, script(players, pipelined), StandardCharsets.UTF_8);
      List<String> command = new ArrayList<>(List.of(pgbench, "-n", "-r", "-M", "prepared", "-c", String.valueOf(clients),
          "-j", String.valueOf(clients), "-T", String.valueOf(seconds), "-f", script.toString(),
          "-h", db.host(), "-p", String.valueOf(db.port()), "-U", db.user(), db.database()));
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
      if (db.password() != null) {
        builder.environment().put("PGPASSWORD", db.password());
      }
      String loadBefore = Machine.loadAverage();
      long pgCpuBefore = Machine.postgresCpuNanos(databases.postmasterPid());
      Process process = builder.start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(seconds + 120L, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IllegalStateException("pgbench failed:\n" + output);
      }
      Files.writeString(workDir.resolve(pipelined ? "pgbench-output-pipelined.txt" : "pgbench-output.txt"), output,
          StandardCharsets.UTF_8);
      Matcher m = TPS.matcher(output);
      if (!m.find()) {
        throw new IllegalStateException("no tps in pgbench output:\n" + output);
      }
      double tps = Double.parseDouble(m.group(1));
      long pgCpu = Machine.postgresCpuNanos(databases.postmasterPid()) - pgCpuBefore;
      Matcher processed = Pattern.compile("number of transactions actually processed: ([0-9]+)").matcher(output);
      long events = processed.find() ? Long.parseLong(processed.group(1)) * EVENTS_PER_TRANSACTION : 0;
      return new JsonObject().put("pipelined", pipelined).put("clients", clients).put("seconds", seconds)
          .put("eventsPerTransaction", EVENTS_PER_TRANSACTION).put("transactionsPerSecond", Stats.round(tps))
          .put("eventsPerSecond", Stats.round(tps * EVENTS_PER_TRANSACTION))
          .put("postgresCpuMicrosPerEvent", databases.postmasterPid() > 0 && events > 0
              ? Stats.round(pgCpu / 1e3 / events) : null)
          .put("loadBefore", loadBefore).put("loadAfter", Machine.loadAverage());
    } finally {
      databases.drop(db);
    }
  }

  /**
   * 100 copies of the per-event statements in one transaction. Event i goes to a random player of the
   * i-th hundredth of the players, so players are locked in id order (as the engine does): no deadlocks.
   */
  static String script(int players, boolean pipelined) {
    StringBuilder s = new StringBuilder();
    int slice = players / EVENTS_PER_TRANSACTION;
    for (int i = 0; i < EVENTS_PER_TRANSACTION; i++) {
      s.append("\\set p").append(i).append(" ").append(i * slice).append(" + random(1, ").append(slice).append(")\n");
    }
    if (pipelined) {
      s.append("\\startpipeline\n");
    }
    s.append("BEGIN;\n");
    for (int i = 0; i < EVENTS_PER_TRANSACTION; i++) {
      String p = ":p" + i;
      s.append("INSERT INTO sync_events (idempotency_key, source, event_type, player_id, xp_delta) VALUES ('pgb_' || nextval('bench_key_seq'), 'telegram', 'xp_change', ")
          .append(p).append(", 5);\n");
      s.append("UPDATE players SET xp = xp + 5, updated_at = now() WHERE id = ").append(p).append(";\n");
      s.append("INSERT INTO transactions (idempotency_key, event_id, player_id, source, type, delta_xp) VALUES ('pgb_' || currval('bench_key_seq'), currval('sync_events_id_seq'), ")
          .append(p).append(", 'telegram', 'xp', 5);\n");
      // The sub-select runs once (an InitPlan), so the primary key index is used.
      s.append("UPDATE sync_events SET status = 'completed', applied_at = now(), processed_at = now(), processed_by = 'discord' WHERE id = (SELECT currval('sync_events_id_seq'));\n");
    }
    s.append("END;\n");
    if (pipelined) {
      s.append("\\endpipeline\n");
    }
    return s.toString();
  }
}
