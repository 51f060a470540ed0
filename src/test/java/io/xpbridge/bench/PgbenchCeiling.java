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
 * Scenario 5: what PostgreSQL itself manages on this machine doing our per-event SQL, measured with
 * pgbench over TCP on the same server and schema the engine uses; the engine's throughput is reported
 * as a ratio of each mode:
 * <ul>
 *   <li>{@link Mode#PER_STATEMENT}: the script, 100 events per transaction, one statement per
 *       step and event (insert the event, update the ledger row, insert the audit row, mark the event
 *       completed), one round trip each;
 *   <li>{@link Mode#PIPELINED}: the same statements, each transaction in one pgbench pipeline;
 *   <li>{@link Mode#SET_BASED}: the engine's own write for 1,000 events in one statement (events
 *       inserted completed, their audit rows, the ledger rows), without its lock and key check: the
 *       figure for what the engine's SQL costs PostgreSQL when nothing else does.
 * </ul>
 */
final class PgbenchCeiling {
  static final int EVENTS_PER_TRANSACTION = 100;
  static final int SET_BASED_EVENTS_PER_TRANSACTION = 1_000;

  enum Mode {
    PER_STATEMENT("pgbench-per-event"),
    PIPELINED("pgbench-per-event-pipelined"),
    SET_BASED("pgbench-set-based");

    final String fileName;

    Mode(String fileName) {
      this.fileName = fileName;
    }

    int eventsPerTransaction() {
      return this == SET_BASED ? SET_BASED_EVENTS_PER_TRANSACTION : EVENTS_PER_TRANSACTION;
    }
  }
  private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");

  private PgbenchCeiling() {}

  static boolean available(String pgbench) {
    return Files.isExecutable(Path.of(pgbench));
  }

  static JsonObject run(BenchDatabase databases, String pgbench, int clients, int seconds, int players, Path workDir,
      Mode mode) throws IOException, InterruptedException {
    DatabaseUrl db = databases.create("pgbench");
    try {
      Sql sql = new Sql(db);
      Seed.players(sql, players, "0", 1);
      sql.execute("CREATE SEQUENCE bench_key_seq");
      Seed.analyze(sql);
      Files.createDirectories(workDir);
      Path script = workDir.resolve(mode.fileName + ".sql");
      String text = mode == Mode.SET_BASED ? setBasedScript(players, clients)
          : script(players, clients, mode == Mode.PIPELINED);
      Files.writeString(script, text, StandardCharsets.UTF_8);
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
      Files.writeString(workDir.resolve(mode.fileName + "-output.txt"), output, StandardCharsets.UTF_8);
      Matcher m = TPS.matcher(output);
      if (!m.find()) {
        throw new IllegalStateException("no tps in pgbench output:\n" + output);
      }
      double tps = Double.parseDouble(m.group(1));
      long pgCpu = Machine.postgresCpuNanos(databases.postmasterPid()) - pgCpuBefore;
      Matcher processed = Pattern.compile("number of transactions actually processed: ([0-9]+)").matcher(output);
      int perTransaction = mode.eventsPerTransaction();
      long events = processed.find() ? Long.parseLong(processed.group(1)) * perTransaction : 0;
      return new JsonObject().put("mode", mode.name()).put("clients", clients).put("seconds", seconds)
          .put("eventsPerTransaction", perTransaction).put("transactionsPerSecond", Stats.round(tps))
          .put("eventsPerSecond", Stats.round(tps * perTransaction))
          .put("postgresCpuMicrosPerEvent", databases.postmasterPid() > 0 && events > 0
              ? Stats.round(pgCpu / 1e3 / events) : null)
          .put("loadBefore", loadBefore).put("loadAfter", Machine.loadAverage());
    } finally {
      databases.drop(db);
    }
  }

  /**
   * 100 copies of the per-event statements in one transaction. Each client has its own share of the
   * players (as the engine's batches in flight never share a player), and event i goes to a random
   * player of the i-th hundredth of that share, so players are locked in id order: clients neither
   * wait for each other's row locks nor deadlock, and the figure is PostgreSQL's work, not lock waits.
   */
  static String script(int players, int clients, boolean pipelined) {
    StringBuilder s = new StringBuilder();
    int share = players / clients;
    int slice = Math.max(1, share / EVENTS_PER_TRANSACTION);
    s.append("\\set base :client_id * ").append(share).append("\n");
    for (int i = 0; i < EVENTS_PER_TRANSACTION; i++) {
      s.append("\\set p").append(i).append(" :base + ").append(i * slice).append(" + random(1, ").append(slice)
          .append(")\n");
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

  /**
   * One statement per transaction writing {@link #SET_BASED_EVENTS_PER_TRANSACTION} events the way
   * the engine does: each inserted already completed, with its audit row, and the ledger row of each
   * player they touch updated once. Each client has its own share of the players, spread by a prime
   * stride from a random start.
   */
  static String setBasedScript(int players, int clients) {
    int share = players / clients;
    int n = SET_BASED_EVENTS_PER_TRANSACTION;
    return "\\set base :client_id * " + share + "\n"
        + "\\set start random(0, " + (share - 1) + ")\n"
        + "WITH picked AS MATERIALIZED (\n"
        + "  SELECT :base + 1 + ((:start + g * 7919) % " + share + ") AS p FROM generate_series(1, " + n + ") g),\n"
        + "events AS (\n"
        + "  INSERT INTO sync_events (idempotency_key, source, event_type, player_id, xp_delta, status, processed_by,\n"
        + "                           applied_at, processed_at)\n"
        + "  SELECT 'pgs_' || nextval('bench_key_seq'), 'telegram', 'xp_change', p, 5, 'completed', 'discord', now(), now()\n"
        + "    FROM picked\n"
        + "  RETURNING id, idempotency_key, player_id),\n"
        + "audits AS (\n"
        + "  INSERT INTO transactions (idempotency_key, event_id, player_id, source, type, delta_xp)\n"
        + "  SELECT idempotency_key, id, player_id, 'telegram', 'xp', 5 FROM events)\n"
        + "UPDATE players pl SET xp = pl.xp + 5 * v.n, updated_at = now()\n"
        + "  FROM (SELECT p, count(*) AS n FROM picked GROUP BY p) v WHERE pl.id = v.p;\n";
  }
}
