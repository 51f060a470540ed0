package io.xpbridge.bench;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.xpbridge.config.DatabaseUrl;
import io.xpbridge.support.Await;
import io.xpbridge.support.NodeProcess;
import io.xpbridge.support.Sql;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Scenario (issue 17): the same HTTP batch load ({@code POST /api/v1/events/batch}, 100 events per
 * request, {@link #CLIENTS} keep-alive clients) against one clustered node and against two, each node the real
 * {@code Main} in a JVM of its own ({@link NodeProcess}) with the Docker image's JVM options, on one
 * database, the clients spread evenly over the nodes. The nodes are warmed up first by the same load
 * under other keys: {@code warmupRounds} rounds of {@code warmup} events, the same rounds, keys and
 * players whatever the node count, so the measured part starts from the same database (rows, players'
 * XP, effects). The warm-up once stopped as soon as the JIT had settled, which took two nodes twice
 * the rounds (each sees half a round's events) and left them a database twice the size with players
 * further up the ladder. The default, 24 rounds, gives each of two nodes 12 rounds' worth of events,
 * the most that rule allowed; the compilation per event of every round is reported. Then the
 * warm-up's effects are marked delivered and the database vacuumed and checkpointed
 * ({@link BenchDatabase#settle}). Also each node's idle RSS, 10 s after it started, and where the CPU
 * went during the measured part: each node, PostgreSQL (embedded server only), the
 * load generator, and the whole machine's busy share.
 */
final class ClusterScenario {
  /**
   * Keep-alive clients of the load by default ({@code --cluster-clients}). The premise is that
   * the database is the limit: more work is offered than it takes at once, so every node's batches
   * are as large as the load allows whatever the node count. 32 clients keep 3,200 events in flight
   * against an intake budget of 4 batches of up to 1,000; with 8 (800 in flight) the load's depth, not
   * the database, set the batch sizes, and split over two nodes each node's batches were smaller
   * (bench/README.md, issue 17).
   */
  static final int CLIENTS = 32;
  static final int PER_REQUEST = 100;
  static final long IDLE_MS = 10_000;
  /** Keys of the warm-up's events. */
  private static final String WARMUP_PREFIX = "cw";
  /** What docker/Dockerfile runs the service with. */
  static final List<String> NODE_JVM = List.of("-Xms64m", "-Xmx256m", "-XX:+UseSerialGC");

  private ClusterScenario() {}

  /**
   * @param databaseOwnCore PostgreSQL on core 0 alone, the nodes and the load on the other cores (the
   *     embedded server only): the premise, "the database is the limit", as this machine can
   *     set it up; otherwise everything shares every core
   */
  static JsonObject run(BenchDatabase databases, int nodes, int events, int warmup, int warmupRounds,
      int players, int clients, boolean databaseOwnCore, boolean playerAffinity, Consumer<JsonObject> adjust)
      throws Exception {
    int cores = Runtime.getRuntime().availableProcessors();
    long postmaster = databases.postmasterPid();
    if (databaseOwnCore && (cores < 2 || postmaster <= 0)) {
      return new JsonObject().put("skipped", "the database on a core of its own needs 2+ cores and the embedded server");
    }
    String allCores = "0-" + (cores - 1);
    String otherCores = cores == 2 ? "1" : "1-" + (cores - 1);
    DatabaseUrl db = databases.create("cluster");
    Sql sql = new Sql(db);
    List<NodeProcess> started = new ArrayList<>();
    List<String> launcher = databaseOwnCore ? List.of("taskset", "-c", otherCores) : List.of();
    try {
      if (databaseOwnCore && !(Machine.pin(postmaster, "0", true)
          && Machine.pin(ProcessHandle.current().pid(), otherCores, false))) {
        return new JsonObject().put("skipped", "taskset could not pin the processes");
      }
      Seed.players(sql, players, "0", 1);
      Seed.analyze(sql);
      JsonObject config = BenchEngine.config(db, adjust);
      config.getJsonObject("http").put("adminToken", HttpIngressScenario.TOKEN);
      Path file = NodeProcess.configFile(config);
      List<Integer> members = new ArrayList<>();
      for (int i = 0; i < nodes; i++) {
        members.add(NodeProcess.freePort());
      }
      for (int i = 0; i < nodes; i++) {
        started.add(NodeProcess.start("bench-" + (i + 1), members.get(i), members, file, NODE_JVM, launcher)
            .awaitRunning());
      }
      Thread.sleep(IDLE_MS);
      JsonArray idleRss = new JsonArray();
      started.forEach(node -> idleRss.add(Stats.round(Machine.rssMb(Long.toString(node.pid())))));
      Vertx client = Vertx.vertx();
      try {
        List<Integer> ports = started.stream().map(NodeProcess::httpPort).toList();
        JsonArray warmupLog = new JsonArray();
        for (int round = 1; warmup > 0 && round <= warmupRounds; round++) {
          CpuSplit warmCpu = new CpuSplit(started, 0);
          JsonObject warm = HttpIngressScenario.measure(client, ports, WARMUP_PREFIX + round + "-", warmup, players, clients,
              PER_REQUEST, playerAffinity, sql);
          if (warm.containsKey("error")) {
            return warm.put("phase", "warm-up round " + round);
          }
          warmupLog.add(new JsonObject().put("eventsPerSecond", warm.getDouble("eventsPerSecond"))
              .put("compilerMicrosPerEvent", warmCpu.maxCompilerMicrosPerEvent(warmup)));
        }
        long warmupEffects = deliverWarmupEffects(sql);
        databases.settle(db);
        CpuSplit cpu = new CpuSplit(started, postmaster);
        long transactionsBefore = transactions(sql);
        JsonObject result = HttpIngressScenario.measure(client, ports, ThroughputScenario.KEY_PREFIX, events, players,
            clients, PER_REQUEST, playerAffinity, sql);
        // PostgreSQL reports a session's counts within half a second of its transactions.
        Thread.sleep(1_000);
        result.put("databaseTransactionsPer1000Events", Stats.round((transactions(sql) - transactionsBefore) * 1000.0 / events));
        JsonObject sizes = intakeTransactionSizes(sql);
        long intakeTransactions = sizes.stream().mapToLong(band -> ((JsonObject) band.getValue()).getLong("transactions")).sum();
        result.put("intakeTransactionsPer1000Events", Stats.round(intakeTransactions * 1000.0 / events));
        result.put("intakeTransactionSizes", sizes);
        result.put("cpuMicrosPerEvent", cpu.perEvent(events)).put("machineBusyPercent", cpu.machineBusyPercent())
            .put("warmupEventsPerRound", warmup).put("warmupRounds", warmupLog).put("warmupEffectsMarkedDelivered", warmupEffects);
        JsonArray busyRss = new JsonArray();
        started.forEach(node -> busyRss.add(Stats.round(Machine.rssMb(Long.toString(node.pid())))));
        // The harness's own CPU says nothing about the nodes' here.
        result.remove("jvmCpuMicrosPerEvent");
        return result.put("nodes", nodes).put("nodeJvm", String.join(" ", NODE_JVM))
            .put("playerAffinity", playerAffinity).put("cpus", databaseOwnCore ? "PostgreSQL on core 0, nodes and load on " + otherCores : "shared")
            .put("idleRssMb", idleRss).put("rssAfterLoadMb", busyRss);
      } finally {
        Await.result(client.close());
      }
    } finally {
      started.forEach(NodeProcess::close);
      if (databaseOwnCore) {
        Machine.pin(postmaster, allCores, true);
        Machine.pin(ProcessHandle.current().pid(), allCores, false);
      }
      databases.drop(db);
    }
  }

  /**
   * Marks the warm-up's effects delivered, as a connected bot would have: the benchmark runs none, so
   * each rank-up effect of the warm-up would otherwise wait and be claimed again every
   * {@code sync.effectWaitMs} through the measured part, by every node.
   */
  private static long deliverWarmupEffects(Sql sql) {
    return sql.update("UPDATE sync_events SET status = 'completed', processed_at = now(), next_attempt_at = now(),"
        + " error_message = NULL WHERE status = 'pending' AND applied_at IS NOT NULL AND idempotency_key LIKE '"
        + WARMUP_PREFIX + "%'");
  }

  /**
   * How the measured events were batched: transactions and events by the transaction's size (events
   * it stored), in bands; small transactions are the ones that cost the database most per event.
   * Every row of an intake transaction takes its start time as {@code created_at}: one value per
   * transaction.
   */
  private static JsonObject intakeTransactionSizes(Sql sql) {
    JsonObject bands = new JsonObject();
    for (List<Object> row : sql.query("SELECT band, count(*), sum(n) FROM (SELECT n, CASE"
        + " WHEN n < 10 THEN '1-9' WHEN n < 50 THEN '10-49' WHEN n < 100 THEN '50-99' WHEN n < 200 THEN '100-199'"
        + " WHEN n < 400 THEN '200-399' ELSE '400+' END AS band FROM (SELECT count(*) AS n FROM sync_events"
        + " WHERE idempotency_key LIKE '" + ThroughputScenario.KEY_PREFIX + "%' GROUP BY created_at) t) b"
        + " GROUP BY band ORDER BY min(n)")) {
      bands.put(row.get(0).toString(), new JsonObject().put("transactions", ((Number) row.get(1)).longValue())
          .put("events", ((Number) row.get(2)).longValue()));
    }
    return bands;
  }

  /** Transactions committed and rolled back in the current database so far. */
  private static long transactions(Sql sql) {
    return sql.queryLong("SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = current_database()");
  }

  /** CPU used from its creation on by each node, PostgreSQL, this JVM (the load) and the machine. */
  private static final class CpuSplit {
    private final List<NodeProcess> nodes;
    private final long postmasterPid;
    private final long[] nodesBefore;
    private final List<java.util.Map<String, Long>> threadsBefore;
    private final long postgresBefore;
    private final long clientBefore;
    private final long[] machineBefore;

    CpuSplit(List<NodeProcess> nodes, long postmasterPid) {
      this.nodes = nodes;
      this.postmasterPid = postmasterPid;
      nodesBefore = nodes.stream().mapToLong(n -> Machine.processCpuNanos(n.pid())).toArray();
      threadsBefore = nodes.stream().map(n -> Machine.threadCpuNanos(n.pid())).toList();
      postgresBefore = Machine.postgresCpuNanos(postmasterPid);
      clientBefore = Machine.processCpuNanos();
      machineBefore = Machine.machineTicks();
    }

    JsonObject perEvent(int events) {
      JsonArray perNode = new JsonArray();
      double nodesTotal = 0;
      for (int i = 0; i < nodes.size(); i++) {
        double micros = (Machine.processCpuNanos(nodes.get(i).pid()) - nodesBefore[i]) / 1e3 / events;
        perNode.add(Stats.round(micros));
        nodesTotal += micros;
      }
      JsonArray threads = new JsonArray();
      for (int i = 0; i < nodes.size(); i++) {
        JsonObject byName = new JsonObject();
        threadNanosSince(i).forEach((name, nanos) -> {
          double micros = nanos / 1e3 / events;
          if (micros >= 0.5) {
            byName.put(name, Stats.round(micros));
          }
        });
        threads.add(byName);
      }
      JsonObject split = new JsonObject().put("nodes", perNode).put("nodeThreads", threads).put("nodesTotal", Stats.round(nodesTotal))
          .put("load", Stats.round((Machine.processCpuNanos() - clientBefore) / 1e3 / events));
      if (postmasterPid > 0) {
        split.put("postgres", Stats.round((Machine.postgresCpuNanos(postmasterPid) - postgresBefore) / 1e3 / events));
      }
      return split;
    }

    /** The most any node's JIT compiler threads used per event since this split began. */
    double maxCompilerMicrosPerEvent(int events) {
      double max = 0;
      for (int i = 0; i < nodes.size(); i++) {
        long nanos = threadNanosSince(i).entrySet().stream().filter(e -> e.getKey().contains("CompilerThre"))
            .mapToLong(java.util.Map.Entry::getValue).sum();
        max = Math.max(max, nanos / 1e3 / events);
      }
      return Stats.round(max);
    }

    /** CPU of node {@code i}'s threads since this split began, by thread name as {@link Machine#threadCpuNanos} groups it. */
    private java.util.Map<String, Long> threadNanosSince(int i) {
      java.util.Map<String, Long> before = threadsBefore.get(i);
      java.util.Map<String, Long> since = new java.util.TreeMap<>();
      Machine.threadCpuNanos(nodes.get(i).pid()).forEach((name, nanos) -> since.put(name, nanos - before.getOrDefault(name, 0L)));
      return since;
    }

    double machineBusyPercent() {
      long[] now = Machine.machineTicks();
      long total = now[1] - machineBefore[1];
      return total == 0 ? -1 : Stats.round(100.0 * (now[0] - machineBefore[0]) / total);
    }
  }
}
