package io.xpbridge.bench;

import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.xpbridge.bus.Bus;
import io.xpbridge.config.AppConfig;
import io.xpbridge.config.ConfigChanges;
import io.xpbridge.config.DatabaseUrl;
import io.xpbridge.domain.Rank;
import io.xpbridge.support.Await;
import io.xpbridge.support.Sql;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Scenario 3 (and 4, footprint at rest): {@code players} players, all with a Telegram chat, every
 * second one with Discord, rank roles mapped; sync_state says each platform shows the derived rank
 * except for a few hundred seeded divergences (Telegram told one rank off, or Discord told one rank
 * off). Times a full pass through Bus.RECONCILE_RUN_NOW for each reconcile.batchSize and checks the
 * divergences found. Between passes the corrections are deleted and the divergences re-seeded.
 */
final class ReconcileScenario {
  private static final int TELEGRAM_DIVERGENCE_EVERY = 661;
  private static final int DISCORD_DIVERGENCE_EVERY = 659;

  private ReconcileScenario() {}

  static JsonObject run(BenchDatabase databases, int players, List<Integer> batchSizes, boolean footprint,
      Consumer<JsonObject> adjust) {
    DatabaseUrl db = databases.create("reconcile");
    Sql sql = new Sql(db);
    try {
      Consumer<JsonObject> withRoles = config -> {
        JsonArray ranks = config.getJsonArray("ranks");
        for (int i = 0; i < ranks.size(); i++) {
          ranks.getJsonObject(i).put("discordRoleId", 7_000_000L + ranks.getJsonObject(i).getInteger("number"));
        }
        adjust.accept(config);
      };
      JsonObject config = BenchEngine.config(db, withRoles);
      long seedStart = System.nanoTime();
      seed(sql, players, config);
      double seedSeconds = (System.nanoTime() - seedStart) / 1e9;
      long expected = sql.queryLong("SELECT count(*) FROM bench_divergent");
      JsonObject result = new JsonObject().put("players", players).put("seededDivergences", expected)
          .put("seedSeconds", Stats.round(seedSeconds));
      try (BenchEngine engine = BenchEngine.start(config, 1)) {
        Vertx vertx = engine.instances.get(0);
        if (footprint) {
          result.put("footprint", idleFootprint());
        }
        JsonArray passes = new JsonArray();
        for (int batch : batchSizes) {
          reset(sql);
          JsonObject changed = engine.app.config().copy();
          changed.getJsonObject("reconcile").put("batchSize", batch);
          ConfigChanges.publish(vertx, AppConfig.parse(changed));
          String loadBefore = Machine.loadAverage();
          long start = System.nanoTime();
          JsonObject reply = Await.result(vertx.eventBus().<JsonObject>request(Bus.RECONCILE_RUN_NOW, new JsonObject(),
              new DeliveryOptions().setSendTimeout(900_000)).map(m -> m.body()), Duration.ofMinutes(16));
          double seconds = (System.nanoTime() - start) / 1e9;
          JsonObject pass = new JsonObject().put("batchSize", batch).put("seconds", Stats.round(seconds))
              .put("playersChecked", reply.getInteger("players")).put("divergencesFound", reply.getInteger("divergences"))
              .put("playersPerSecond", Stats.round(reply.getInteger("players") / seconds))
              .put("loadBefore", loadBefore).put("loadAfter", Machine.loadAverage());
          if (reply.getInteger("divergences") != expected) {
            pass.put("error", "expected " + expected + " divergences");
          }
          passes.add(pass);
        }
        result.put("passes", passes);
        if (footprint) {
          result.getJsonObject("footprint").put("rssAfterPassesMb", Stats.round(Machine.rssMb()));
        }
      }
      return result;
    } finally {
      databases.drop(db);
    }
  }

  private static JsonObject idleFootprint() {
    try {
      Thread.sleep(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return new JsonObject().put("rssIdleMb", Stats.round(Machine.rssMb())).put("heapUsedIdleMb",
        Stats.round(Machine.heapUsedMb())).put("maxHeapMb", Runtime.getRuntime().maxMemory() / (1024 * 1024));
  }

  private static void seed(Sql sql, int players, JsonObject config) {
    Seed.players(sql, players, "(g * 7919) % 30000", 2);
    String thresholds = AppConfig.parse(config).gameRules().ladder().ranks().stream().map(Rank::minXp).map(String::valueOf)
        .collect(Collectors.joining(","));
    String derived = "(SELECT count(*) FROM unnest(ARRAY[" + thresholds + "]::bigint[]) t WHERE t <= p.xp)::int";
    sql.execute("CREATE TABLE bench_told AS SELECT p.id AS player_id, " + derived + " AS telegram_rank, "
        + "CASE WHEN d.discord_id IS NULL THEN NULL ELSE " + derived + " END AS discord_rank "
        + "FROM players p LEFT JOIN discord_identities d ON d.player_id = p.id");
    String offByOne = "CASE WHEN %1$s = 1 THEN 2 ELSE %1$s - 1 END";
    sql.execute("UPDATE bench_told SET telegram_rank = " + offByOne.formatted("telegram_rank")
        + " WHERE player_id % " + TELEGRAM_DIVERGENCE_EVERY + " = 0");
    sql.execute("UPDATE bench_told SET discord_rank = " + offByOne.formatted("discord_rank")
        + " WHERE discord_rank IS NOT NULL AND player_id % " + DISCORD_DIVERGENCE_EVERY + " = 1");
    sql.execute("CREATE TABLE bench_divergent AS SELECT player_id FROM bench_told WHERE player_id % "
        + TELEGRAM_DIVERGENCE_EVERY + " = 0 OR (discord_rank IS NOT NULL AND player_id % " + DISCORD_DIVERGENCE_EVERY + " = 1)");
    sql.execute("INSERT INTO sync_state (player_id, last_telegram_rank, last_discord_rank) "
        + "SELECT player_id, telegram_rank, discord_rank FROM bench_told");
    Seed.analyze(sql);
  }

  /** Forgets earlier passes: no corrections queued, every platform back to what the seed says it shows. */
  private static void reset(Sql sql) {
    // The engine's delivery worker may be finishing some of these corrections right now (no bot
    // takes them, so it marks them waiting): a deadlock with it is possible and harmless, try again.
    for (int attempt = 1; ; attempt++) {
      try {
        sql.execute("DELETE FROM sync_events WHERE event_type = 'rank_change'");
        break;
      } catch (IllegalStateException e) {
        if (attempt >= 5 || !String.valueOf(e.getMessage()).contains("deadlock detected")) {
          throw e;
        }
      }
    }
    sql.execute("UPDATE sync_state s SET last_telegram_rank = b.telegram_rank, last_discord_rank = b.discord_rank "
        + "FROM bench_told b WHERE b.player_id = s.player_id AND (s.last_telegram_rank IS DISTINCT FROM b.telegram_rank "
        + "OR s.last_discord_rank IS DISTINCT FROM b.discord_rank)");
    sql.execute("VACUUM ANALYZE sync_state");
    sql.execute("VACUUM ANALYZE sync_events");
  }
}
