package io.xpbridge.bench;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The benchmark harness: {@code ./mvnw -Pbench verify} (or {@code bench/run.sh [options]}). Starts the
 * service against a real PostgreSQL (embedded unless DATABASE_URL is set), runs the scenarios, prints
 * a table of medians and writes every run to {@code target/bench/results-<timestamp>.json}.
 *
 * <p>Options: {@code --quick} (1 repetition, smaller sizes), {@code --reps N}, {@code --only
 * footprint,ceiling,throughput,throughput2,latency,http,reconcile,rollover}, {@code --http-events N},
 * {@code --set sync.batchSize=1000} (any config path, repeatable), {@code --events N}, {@code --players N},
 * {@code --inflight N}, {@code --rate N}, {@code --seconds N}, {@code --reconcile-players N},
 * {@code --reconcile-batches 100,1000}, {@code --pgbench-clients N}, {@code --pgbench-seconds N},
 * {@code --rollover-players N}, {@code --rollover-rate N}, {@code --rollover-before N} and
 * {@code --rollover-after N} (seconds of load around the rollover), {@code --rollover-explain 1} (the
 * archive's statements timed and EXPLAINed first, as they are and as proposed), {@code --warmup-events N}
 * and {@code --warmup-runs N} (throughput runs first, kept apart, until the JIT has settled; 0 events
 * skips them), {@code --label TEXT}; the web scenario (issue 15): {@code --web-players N}, {@code --web-rate N},
 * {@code --web-warmup N} and {@code --web-seconds N} (seconds of page load per route), {@code --web-fresh-cards N},
 * {@code --web-cached-cards N}, {@code --web-events N} (events per engine run, with and without page load), {@code --web-mix
 * leaderboard,leaderboardAll,leaderboardPage200,player} (the routes of the mixed load); the import scenario
 * (issue 16): {@code --import-rows N} (members in the MEE6 file, 100,000 by default), {@code --import-mapped-roles 0|1}
 * (also run with every rank mapped to a Discord role; 1 by default, 0 with --quick), {@code --import-warmup-rows N}
 * (an import of N rows first, kept apart, to warm the JIT); the cluster scenario (issue 17): {@code --cluster-events N},
 * {@code --cluster-warmup N} (events per warm-up round), {@code --cluster-warmup-rounds N} (24; the same for one node and
 * two) and {@code --cluster-cpus shared|own|both} (PostgreSQL on core 0 alone, the nodes and
 * the load on the others; the embedded server only), {@code --cluster-player-affinity 1} (each node gets the events
 * of its own share of the players only), {@code --cluster-clients N} (keep-alive clients of the load, 32).
 */
public final class BenchMain {
  private static final Set<String> SCENARIOS = Set.of("footprint", "ceiling", "throughput", "throughput2", "latency",
      "http", "reconcile", "rollover", "cards", "web", "import", "cluster");

  private final Map<String, String> options = new LinkedHashMap<>();
  private final List<String> overrides = new ArrayList<>();
  private final JsonObject report = new JsonObject();

  private BenchMain(String[] args) {
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (!arg.startsWith("--")) {
        throw new IllegalArgumentException("unexpected argument " + arg);
      }
      String name = arg.substring(2);
      if (name.equals("quick")) {
        options.put("quick", "true");
      } else if (name.equals("set")) {
        overrides.add(args[++i]);
      } else {
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException(arg + " needs a value");
        }
        options.put(name, args[++i]);
      }
    }
  }

  public static void main(String[] args) throws Exception {
    List<String> split = new ArrayList<>();
    for (String arg : args) {
      split.addAll(Arrays.asList(arg.trim().split("\\s+")));
    }
    split.removeIf(String::isEmpty);
    new BenchMain(split.toArray(new String[0])).run();
    System.exit(0);
  }

  private boolean quick() {
    return options.containsKey("quick");
  }

  private int intOption(String name, int normal, int quick) {
    return Integer.parseInt(options.getOrDefault(name, String.valueOf(quick() ? quick : normal)));
  }

  private void run() throws Exception {
    int reps = intOption("reps", 3, 1);
    int events = intOption("events", 200_000, 50_000);
    int players = intOption("players", 10_000, 10_000);
    int inFlight = intOption("inflight", 1_000, 1_000);
    int rate = intOption("rate", 1_000, 1_000);
    int seconds = intOption("seconds", 30, 10);
    int reconcilePlayers = intOption("reconcile-players", 100_000, 100_000);
    int rolloverPlayers = intOption("rollover-players", 100_000, 20_000);
    int rolloverRate = intOption("rollover-rate", 2_000, 2_000);
    int rolloverBefore = intOption("rollover-before", 10, 5);
    int rolloverAfter = intOption("rollover-after", 5, 3);
    int pgbenchClients = intOption("pgbench-clients", 2, 2);
    int pgbenchSeconds = intOption("pgbench-seconds", 15, 5);
    int warmupEvents = intOption("warmup-events", 200_000, 20_000);
    int warmupRuns = intOption("warmup-runs", 6, 1);
    List<Integer> reconcileBatches = Arrays.stream(options.getOrDefault("reconcile-batches", "100,1000").split(","))
        .map(String::trim).map(Integer::parseInt).toList();
    Set<String> only = options.containsKey("only") ? Set.of(options.get("only").split(",")) : SCENARIOS;
    String pgbench = options.getOrDefault("pgbench", "/usr/bin/pgbench");
    Consumer<JsonObject> adjust = this::applyOverrides;

    String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(Instant.now());
    Path outDir = Path.of("target", "bench");
    Files.createDirectories(outDir);
    report.put("startedAt", Instant.now().toString()).put("label", options.getOrDefault("label", ""))
        .put("options", new JsonObject(new LinkedHashMap<>(options))).put("configOverrides", new JsonArray(overrides))
        .put("machine", new JsonObject().put("cores", Runtime.getRuntime().availableProcessors())
            .put("java", System.getProperty("java.version")).put("maxHeapMb", Runtime.getRuntime().maxMemory() >> 20)
            .put("jvmArgs", new JsonArray(java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments()))
            .put("loadAtStart", Machine.loadAverage()));
    JsonArray ceiling = new JsonArray();
    JsonArray ceilingPipelined = new JsonArray();
    JsonArray ceilingSetBased = new JsonArray();
    JsonArray throughput = new JsonArray();
    JsonArray throughput2 = new JsonArray();
    JsonArray latency = new JsonArray();
    JsonArray reconcile = new JsonArray();
    JsonArray http = new JsonArray();
    JsonArray rollover = new JsonArray();
    JsonArray cluster = new JsonArray();
    report.put("http", http).put("rollover", rollover).put("cluster", cluster);
    report.put("ceiling", ceiling).put("ceilingPipelined", ceilingPipelined).put("ceilingSetBased", ceilingSetBased).put("throughput", throughput).put("throughput2", throughput2)
        .put("latency", latency).put("reconcile", reconcile);

    try (BenchDatabase databases = BenchDatabase.open()) {
      report.put("database", databases.description());
      log("database: " + databases.description() + "; load " + Machine.loadAverage());
      if (only.contains("footprint")) {
        // First, while the JVM has served nothing yet: the service at rest with 100k players.
        report.put("footprint", log("footprint", 1,
            ReconcileScenario.run(databases, reconcilePlayers, List.of(), true, adjust).getJsonObject("footprint")));
      }
      if (warmupEvents > 0 && (only.contains("throughput") || only.contains("throughput2") || only.contains("latency"))) {
        report.put("warmup", warmUp(databases, warmupEvents, warmupRuns, players, inFlight, adjust));
      }
      for (int rep = 1; rep <= reps; rep++) {
        if (only.contains("ceiling")) {
          if (PgbenchCeiling.available(pgbench)) {
            ceiling.add(log("ceiling", rep, PgbenchCeiling.run(databases, pgbench, pgbenchClients, pgbenchSeconds, players,
                outDir, PgbenchCeiling.Mode.PER_STATEMENT)));
            ceilingPipelined.add(log("ceilingPipelined", rep, PgbenchCeiling.run(databases, pgbench, pgbenchClients,
                pgbenchSeconds, players, outDir, PgbenchCeiling.Mode.PIPELINED)));
            ceilingSetBased.add(log("ceilingSetBased", rep, PgbenchCeiling.run(databases, pgbench, pgbenchClients,
                pgbenchSeconds, players, outDir, PgbenchCeiling.Mode.SET_BASED)));
          } else {
            log(pgbench + " not found: no ceiling figure");
          }
        }
        if (only.contains("throughput")) {
          throughput.add(log("throughput", rep, ThroughputScenario.run(databases, 1, events, players, inFlight, adjust)));
        }
        if (only.contains("throughput2")) {
          throughput2.add(log("throughput2", rep, ThroughputScenario.run(databases, 2, events, players, inFlight, adjust)));
        }
      }
      for (int rep = 1; rep <= reps && only.contains("latency"); rep++) {
        latency.add(log("latency", rep, LatencyScenario.run(databases, rate, seconds, quick() ? 2 : 5, adjust)));
      }
      int httpEvents = intOption("http-events", 40_000, 10_000);
      if (only.contains("cards")) {
        report.put("cards", log("cards", 1, CardScenario.run(intOption("card-renders", 200, 50),
            intOption("card-requests", 2_000, 500))));
      }
      if (only.contains("import")) {
        JsonArray imports = new JsonArray();
        // The JIT warmed first, as for the throughput runs: a cold first import paid ~25 % more JVM CPU.
        report.put("importWarmup", log("import warmup", 1, ImportScenario.run(databases,
            intOption("import-warmup-rows", 30_000, 10_000), false, adjust)));
        for (int rep = 1; rep <= reps; rep++) {
          imports.add(log("import", rep, ImportScenario.run(databases, intOption("import-rows", 100_000, 100_000),
              false, adjust)));
          if (intOption("import-mapped-roles", 1, 0) == 1) {
            imports.add(log("import (rank roles mapped)", rep, ImportScenario.run(databases,
                intOption("import-rows", 100_000, 100_000), true, adjust)));
          }
        }
        report.put("import", imports);
        log("import: " + Table.importLine(imports));
      }
      if (only.contains("web")) {
        // Once, not per repetition: its engine comparison is already interleaved (without, with, without, with).
        report.put("web", log("web", 1, WebScenario.run(databases, new WebScenario.Options(
            intOption("web-players", 100_000, 100_000), intOption("web-rate", 200, 200),
            intOption("web-warmup", 10, 3), intOption("web-seconds", 30, 5),
            intOption("web-fresh-cards", 200, 50), intOption("web-cached-cards", 2_000, 500),
            intOption("web-events", 200_000, 30_000), inFlight,
            List.of(options.getOrDefault("web-mix", String.join(",", WebScenario.ROUTES)).split(","))), adjust)));
      }
      for (int rep = 1; rep <= reps && only.contains("http"); rep++) {
        // The issue's reference points: one event per request from 32 and from 400 clients; then batches.
        JsonObject run = new JsonObject()
            .put("single32", log("http single x32", rep, HttpIngressScenario.run(databases, httpEvents, players, 32, 1, adjust)))
            .put("single400", log("http single x400", rep, HttpIngressScenario.run(databases, httpEvents, players, 400, 1, adjust)))
            .put("batch100x8", log("http batch 100 x8", rep, HttpIngressScenario.run(databases, httpEvents * 5, players, 8, 100, adjust)))
            .put("batch1000x4", log("http batch 1000 x4", rep, HttpIngressScenario.run(databases, httpEvents * 5, players, 4, 1000, adjust)));
        http.add(run);
      }
      for (int rep = 1; rep <= reps && only.contains("cluster"); rep++) {
        // Issue 17: one node vs two (separate JVMs) on one database, the same load; idle RSS of a node.
        int clusterEvents = intOption("cluster-events", 200_000, 50_000);
        int clusterWarmup = intOption("cluster-warmup", 50_000, 20_000);
        int clusterWarmupRounds = intOption("cluster-warmup-rounds", 24, 4);
        JsonObject run = new JsonObject();
        String clusterCpus = options.getOrDefault("cluster-cpus", "both");
        List<Boolean> cpuLayouts = switch (clusterCpus) {
          case "shared" -> List.of(false);
          case "own" -> List.of(true);
          case "both" -> List.of(false, true);
          default -> throw new IllegalArgumentException("--cluster-cpus takes shared, own or both, not " + clusterCpus);
        };
        boolean affinity = "1".equals(options.get("cluster-player-affinity"));
        int clusterClients = intOption("cluster-clients", ClusterScenario.CLIENTS, ClusterScenario.CLIENTS);
        for (boolean ownCore : cpuLayouts) {
          String cpus = ownCore ? ", database on its own core" : "";
          // One node first in odd repetitions, two in even ones: a drift of this VM's speed over a run
          // (it moves by 10-30 %) then does not always favour the same side.
          for (int nodes : rep % 2 == 1 ? List.of(1, 2) : List.of(2, 1)) {
            run.put((nodes == 1 ? "oneNode" : "twoNodes") + (ownCore ? "DatabaseOwnCore" : ""),
                log("cluster " + nodes + " node" + (nodes == 1 ? "" : "s") + cpus + (affinity ? ", players by node" : ""),
                    rep, ClusterScenario.run(databases, nodes, clusterEvents, clusterWarmup, clusterWarmupRounds, players,
                        clusterClients, ownCore, affinity, adjust)));
          }
        }
        cluster.add(run);
      }
      for (int rep = 1; rep <= reps && only.contains("reconcile"); rep++) {
        // Alternate the order of the passes so neither batch size always runs on a cold cache.
        List<Integer> order = new ArrayList<>(reconcileBatches);
        if (rep % 2 == 0) {
          java.util.Collections.reverse(order);
        }
        reconcile.add(log("reconcile", rep, ReconcileScenario.run(databases, reconcilePlayers, order, rep == 1, adjust)));
      }
      for (int rep = 1; rep <= reps && only.contains("rollover"); rep++) {
        JsonObject run = log("rollover", rep, RolloverScenario.run(databases, rolloverPlayers, rolloverRate, rolloverBefore,
            rolloverAfter, quick() ? 2 : 5, options.containsKey("rollover-explain"), adjust));
        log("rollover #" + rep + ": " + Table.rolloverLine(run));
        rollover.add(run);
      }
    }
    report.put("loadAtEnd", Machine.loadAverage()).put("finishedAt", Instant.now().toString());
    JsonObject summary = summary(ceiling, throughput, throughput2, latency, reconcile);
    summary.put("ceilingPipelinedEventsPerSecond", median(ceilingPipelined, r -> r.getDouble("eventsPerSecond")));
    summary.put("ceilingSetBasedEventsPerSecond", median(ceilingSetBased, r -> r.getDouble("eventsPerSecond")));
    summary.put("throughputToPipelinedCeiling", ratio(throughput, ceilingPipelined));
    summary.put("throughputToSetBasedCeiling", ratio(throughput, ceilingSetBased));
    JsonObject httpSummary = new JsonObject();
    for (String mode : List.of("single32", "single400", "batch100x8", "batch1000x4")) {
      if (!http.isEmpty()) {
        // A run whose events were not all applied (an older build without the route, say) has no figure.
        httpSummary.put(mode, new JsonObject()
            .put("eventsPerSecond", median(http, r -> valid(r, mode) ? r.getJsonObject(mode).getDouble("eventsPerSecond") : null))
            .put("requestP50Ms", median(http, r -> valid(r, mode) ? r.getJsonObject(mode).getJsonObject("requestMs").getDouble("p50") : null))
            .put("requestP99Ms", median(http, r -> valid(r, mode) ? r.getJsonObject(mode).getJsonObject("requestMs").getDouble("p99") : null)));
      }
    }
    summary.put("http", httpSummary);
    if (!rollover.isEmpty()) {
      summary.put("rollover", new JsonObject()
          .put("players", rollover.getJsonObject(0).getInteger("players"))
          .put("wallMs", median(rollover, r -> r.getDouble("rolloverWallMs")))
          .put("flipMs", median(rollover, r -> r.getLong("flipMs") == null ? null : r.getLong("flipMs").doubleValue()))
          .put("submitMaxDuringMs", median(rollover, r -> r.getJsonObject("submitMsDuringRollover").getDouble("max")))
          .put("submitP99DuringMs", median(rollover, r -> r.getJsonObject("submitMsDuringRollover").getDouble("p99")))
          .put("submitMaxBeforeMs", median(rollover, r -> r.getJsonObject("submitMsBefore").getDouble("max")))
          .put("submitP99BeforeMs", median(rollover, r -> r.getJsonObject("submitMsBefore").getDouble("p99"))));
    }
    report.put("summary", summary);
    Path out = outDir.resolve("results-" + stamp + ".json");
    Files.writeString(out, report.encodePrettily());
    System.out.println();
    System.out.println(Table.render(summary, report));
    System.out.println("results: " + out);
  }

  private JsonObject summary(JsonArray ceiling, JsonArray throughput, JsonArray throughput2, JsonArray latency,
      JsonArray reconcile) {
    JsonObject s = new JsonObject();
    s.put("ceilingEventsPerSecond", median(ceiling, r -> r.getDouble("eventsPerSecond")));
    s.put("throughputEventsPerSecond", median(throughput, r -> r.getDouble("eventsPerSecond")));
    s.put("throughput2EventsPerSecond", median(throughput2, r -> r.getDouble("eventsPerSecond")));
    s.put("throughputRssMaxMb", median(throughput, r -> r.getDouble("rssMaxMb")));
    if (!ceiling.isEmpty() && ceiling.size() == throughput.size()) {
      List<Double> ratios = new ArrayList<>();
      List<Double> ratios2 = new ArrayList<>();
      for (int i = 0; i < ceiling.size(); i++) {
        double c = ceiling.getJsonObject(i).getDouble("eventsPerSecond");
        ratios.add(throughput.getJsonObject(i).getDouble("eventsPerSecond") / c);
        if (i < throughput2.size()) {
          ratios2.add(throughput2.getJsonObject(i).getDouble("eventsPerSecond") / c);
        }
      }
      s.put("throughputToCeiling", Stats.round(Stats.median(ratios)));
      s.put("throughput2ToCeiling", ratios2.isEmpty() ? null : Stats.round(Stats.median(ratios2)));
    }
    for (String figure : List.of("submitToReplyMs", "submitToAppliedMs", "submitToTelegramEffectMs")) {
      JsonObject f = new JsonObject();
      for (String p : List.of("p50", "p95", "p99", "max")) {
        f.put(p, median(latency, r -> r.getJsonObject(figure).getDouble(p)));
      }
      s.put(figure, f);
    }
    JsonObject passes = new JsonObject();
    for (int i = 0; !reconcile.isEmpty() && i < reconcile.getJsonObject(0).getJsonArray("passes").size(); i++) {
      int batch = reconcile.getJsonObject(0).getJsonArray("passes").getJsonObject(i).getInteger("batchSize");
      passes.put(String.valueOf(batch), new JsonObject()
          .put("seconds", median(reconcile, r -> pass(r, batch).getDouble("seconds")))
          .put("divergencesFound", median(reconcile, r -> pass(r, batch).getInteger("divergencesFound").doubleValue())));
    }
    s.put("reconcile", passes);
    if (!reconcile.isEmpty()) {
      s.put("reconcilePlayers", reconcile.getJsonObject(0).getInteger("players"));
      s.put("reconcileSeeded", reconcile.getJsonObject(0).getLong("seededDivergences"));
      s.put("footprintAfterLoad", reconcile.getJsonObject(0).getJsonObject("footprint"));
    }
    s.put("footprint", report.getJsonObject("footprint"));
    s.put("runs", new JsonObject().put("ceiling", ceiling.size()).put("throughput", throughput.size())
        .put("throughput2", throughput2.size()).put("latency", latency.size()).put("reconcile", reconcile.size())
        .put("rollover", report.getJsonArray("rollover").size()));
    return s;
  }

  /**
   * A service runs JIT-compiled code, so the JVM is warmed before anything is measured: throughput
   * runs of {@code events} until the JVM's CPU per event drops by less than 10 % from one run to the
   * next (C2 keeps compiling for several 200k-event runs on 2 busy cores; a cold first repetition
   * showed 2-3x the JVM CPU per event of a warm one), at most {@code maxRuns}. Their figures are
   * kept apart in the JSON.
   */
  private static JsonArray warmUp(BenchDatabase databases, int events, int maxRuns, int players, int inFlight,
      Consumer<JsonObject> adjust) {
    JsonArray runs = new JsonArray();
    double previous = Double.MAX_VALUE;
    for (int run = 1; run <= maxRuns; run++) {
      JsonObject result = log("warmup", run, ThroughputScenario.run(databases, 1, events, players, inFlight, adjust));
      runs.add(result);
      double cpu = result.getDouble("jvmCpuMicrosPerEvent");
      if (cpu > previous * 0.9) {
        break;
      }
      previous = cpu;
    }
    return runs;
  }

  /** Median over repetitions of throughput / ceiling, each pair from the same repetition. */
  private static Double ratio(JsonArray throughput, JsonArray ceiling) {
    if (ceiling.isEmpty() || ceiling.size() != throughput.size()) {
      return null;
    }
    List<Double> ratios = new ArrayList<>();
    for (int i = 0; i < ceiling.size(); i++) {
      ratios.add(throughput.getJsonObject(i).getDouble("eventsPerSecond") / ceiling.getJsonObject(i).getDouble("eventsPerSecond"));
    }
    return Stats.round(Stats.median(ratios));
  }

  private static boolean valid(JsonObject httpRun, String mode) {
    return !httpRun.getJsonObject(mode).containsKey("error");
  }

  private static JsonObject pass(JsonObject reconcileRun, int batchSize) {
    JsonArray passes = reconcileRun.getJsonArray("passes");
    for (int i = 0; i < passes.size(); i++) {
      if (passes.getJsonObject(i).getInteger("batchSize") == batchSize) {
        return passes.getJsonObject(i);
      }
    }
    throw new IllegalStateException("no reconcile pass with batch size " + batchSize);
  }

  private static Double median(JsonArray runs, Function<JsonObject, Double> figure) {
    List<Double> values = new ArrayList<>();
    for (int i = 0; i < runs.size(); i++) {
      Double v = figure.apply(runs.getJsonObject(i));
      if (v != null) {
        values.add(v);
      }
    }
    return values.isEmpty() ? null : Stats.round(Stats.median(values));
  }

  /** {@code --set a.b.c=value}: numbers and booleans as such, anything else as a string. */
  private void applyOverrides(JsonObject config) {
    for (String override : overrides) {
      int eq = override.indexOf('=');
      String[] path = override.substring(0, eq).split("\\.");
      String raw = override.substring(eq + 1);
      JsonObject node = config;
      for (int i = 0; i < path.length - 1; i++) {
        if (node.getJsonObject(path[i]) == null) {
          node.put(path[i], new JsonObject());
        }
        node = node.getJsonObject(path[i]);
      }
      Object value = raw.matches("-?[0-9]+") ? (Object) Long.parseLong(raw)
          : raw.equals("true") || raw.equals("false") ? (Object) Boolean.parseBoolean(raw) : raw;
      node.put(path[path.length - 1], value);
    }
  }

  private static JsonObject log(String scenario, int rep, JsonObject result) {
    log(scenario + " #" + rep + ": " + result.encode());
    return result;
  }

  private static void log(String line) {
    System.out.println("[bench " + DateTimeFormatter.ISO_LOCAL_TIME.withZone(ZoneOffset.UTC).format(Instant.now()) + "] " + line);
    System.out.flush();
  }
}
