package io.xpbridge.bench;

import io.vertx.core.json.JsonObject;
import io.xpbridge.config.DatabaseUrl;
import io.xpbridge.domain.ImportTarget;
import io.xpbridge.importing.ImportFormat;
import io.xpbridge.importing.ImportOptions;
import io.xpbridge.importing.ImportReport;
import io.xpbridge.importing.Importer;
import io.xpbridge.support.Await;
import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Issue 16's import target: a MEE6 leaderboard of {@code rows} members (new players, as when a
 * community moves over) imported in ≤ 30 s, streamed (the peak heap says it was not held whole).
 * Then the same file again (every row already imported) and a dry run of it, each timed.
 */
final class ImportScenario {
  private ImportScenario() {}

  /**
   * {@code mappedRoles}: give every rank a Discord role id, as on a server that moves from another bot,
   * so each imported rank change queues a role effect (no Discord bot runs: they wait in the database);
   * the shipped config maps none, and then an import queues no rank effect at all.
   */
  static JsonObject run(BenchDatabase databases, int rows, boolean mappedRoles, Consumer<JsonObject> adjust)
      throws IOException {
    DatabaseUrl db = databases.create("import");
    Consumer<JsonObject> configure = config -> {
      if (mappedRoles) {
        config.getJsonArray("ranks").forEach(rank -> ((JsonObject) rank).put("discordRoleId",
            930000000000000000L + ((JsonObject) rank).getInteger("number")));
      }
      adjust.accept(config);
    };
    Path file = Files.createTempFile("xpbridge-bench-import", ".json");
    try {
      writeMee6(file, rows);
      try (BenchEngine engine = BenchEngine.start(BenchEngine.config(db, configure), 1)) {
        Importer importer = new Importer(engine.instances.get(0));
        ImportOptions options = new ImportOptions(ImportFormat.MEE6, ImportTarget.Mode.MAX, false, false);
        long pid = databases.postmasterPid();
        JsonObject first = timed(importer, file, options, pid);
        JsonObject again = timed(importer, file, options, pid);
        JsonObject dryRun = timed(importer, file, new ImportOptions(ImportFormat.MEE6, ImportTarget.Mode.MAX, true,
            false), pid);
        return new JsonObject().put("rows", rows).put("mappedRankRoles", mappedRoles).put("fileMb", Stats.round(Files.size(file) / 1048576.0))
            .put("maxHeapMb", Runtime.getRuntime().maxMemory() >> 20)
            .put("first", first).put("again", again).put("dryRun", dryRun)
            .put("rowsPerSecond", first.getDouble("rowsPerSecond")).put("seconds", first.getDouble("seconds"));
      }
    } finally {
      Files.deleteIfExists(file);
      databases.drop(db);
    }
  }

  private static JsonObject timed(Importer importer, Path file, ImportOptions options, long postmasterPid) {
    System.gc();
    resetPeaks();
    String load = Machine.loadAverage();
    long cpu = Machine.processCpuNanos();
    long pgCpu = Machine.postgresCpuNanos(postmasterPid);
    long start = System.nanoTime();
    ImportReport report = Await.result(importer.run(file, options), Duration.ofMinutes(10));
    double seconds = (System.nanoTime() - start) / 1e9;
    return new JsonObject().put("seconds", Stats.round(seconds))
        .put("jvmCpuSeconds", Stats.round((Machine.processCpuNanos() - cpu) / 1e9))
        .put("postgresCpuSeconds", Stats.round((Machine.postgresCpuNanos(postmasterPid) - pgCpu) / 1e9))
        .put("loadBefore", load)
        .put("rowsPerSecond", Stats.round(report.rows() / seconds)).put("peakHeapMb", Stats.round(peakHeapMb()))
        .put("created", report.created()).put("changed", report.changed()).put("alreadyImported",
            report.alreadyImported()).put("failed", report.failed());
  }

  private static void resetPeaks() {
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        pool.resetPeakUsage();
      }
    }
  }

  /** Sum of the heap pools' peaks since the reset: an upper bound of the heap in use at any moment. */
  private static double peakHeapMb() {
    long bytes = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        bytes += pool.getPeakUsage().getUsed();
      }
    }
    return bytes / 1048576.0;
  }

  /** Pages of 1,000 players as MEE6's API answers them, joined as a JSON array (jq -s). */
  static void writeMee6(Path file, int rows) throws IOException {
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write("[");
      for (int i = 0; i < rows; i++) {
        if (i % 1000 == 0) {
          out.write(i == 0 ? "" : "], \"role_rewards\": [], \"xp_per_message\": [15, 25]},\n");
          out.write("{\"page\": " + i / 1000 + ", \"players\": [\n");
        } else {
          out.write(",\n");
        }
        long xp = (rows - i) * 37L;
        out.write("{\"avatar\": \"0123456789abcdef\", \"detailed_xp\": [10, 100, " + xp + "], \"discriminator\": \"0\", "
            + "\"guild_id\": \"510000000000000001\", \"id\": \"" + (700000000000000000L + i) + "\", \"level\": 10, "
            + "\"message_count\": " + (xp / 20) + ", \"username\": \"member" + i + "\", \"xp\": " + xp + "}");
      }
      out.write("], \"role_rewards\": [], \"xp_per_message\": [15, 25]}]\n");
    }
  }
}
