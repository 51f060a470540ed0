package io.xpbridge.bench;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.xpbridge.bus.Bus;
import io.xpbridge.config.DatabaseUrl;
import io.xpbridge.support.Await;
import io.xpbridge.support.Sql;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Scenario 1: {@code events} xp/balance events for {@code players} players, submitted over the bus as
 * fast as the engine accepts them (bounded in-flight requests), spread over {@code engines} engine
 * instances. Figure: events fully applied (ledger row, audit row, status completed) per second, wall
 * clock from the first submit to the last EVENTS_APPLIED that completes the set.
 */
final class ThroughputScenario {
  static final String KEY_PREFIX = "bt-";

  private ThroughputScenario() {}

  static JsonObject run(BenchDatabase databases, int engines, int events, int players, int maxInFlight,
      Consumer<JsonObject> adjust) {
    DatabaseUrl db = databases.create("throughput");
    Sql sql = new Sql(db);
    try {
      Seed.players(sql, players, "0", 1);
      Seed.analyze(sql);
      JsonObject config = BenchEngine.config(db, adjust);
      // Engines that share the same cores share the connections one engine would have, so both
      // together keep as many batches in flight as one (see README, db.poolSize).
      JsonObject dbConfig = config.getJsonObject("db");
      dbConfig.put("poolSize", Math.max(2, dbConfig.getInteger("poolSize", 8) / engines));
      long[] seeds = new long[events];
      SplittableRandom random = new SplittableRandom(42);
      for (int i = 0; i < events; i++) {
        seeds[i] = random.nextLong();
      }
      try (BenchEngine engine = BenchEngine.start(config, engines)) {
        return measure(engine, sql, events, players, maxInFlight, seeds, config, databases.postmasterPid());
      }
    } finally {
      databases.drop(db);
    }
  }

  private static JsonObject measure(BenchEngine engine, Sql sql, int events, int players, int maxInFlight,
      long[] seeds, JsonObject config, long postmasterPid) {
    return measure(engine, sql, KEY_PREFIX, events, players, maxInFlight, seeds, config, postmasterPid);
  }

  /**
   * One run with idempotency keys starting {@code prefix}, so several runs can share a database (the
   * web scenario's runs with and without page load); the harness's consumers are removed afterwards.
   */
  static JsonObject measure(BenchEngine engine, Sql sql, String prefix, int events, int players, int maxInFlight,
      long[] seeds, JsonObject config, long postmasterPid) {
    List<io.vertx.core.eventbus.MessageConsumer<JsonObject>> consumers = new ArrayList<>();
    try {
      return measure(engine, sql, prefix, events, players, maxInFlight, seeds, config, postmasterPid, consumers);
    } finally {
      consumers.forEach(c -> Await.result(c.unregister()));
    }
  }

  private static JsonObject measure(BenchEngine engine, Sql sql, String prefix, int events, int players,
      int maxInFlight, long[] seeds, JsonObject config, long postmasterPid,
      List<io.vertx.core.eventbus.MessageConsumer<JsonObject>> consumers) {
    AtomicLong applied = new AtomicLong();
    AtomicLong effects = new AtomicLong();
    Promise<Long> allApplied = Promise.promise();
    for (Vertx vertx : engine.instances) {
      consumers.add(vertx.eventBus().<JsonObject>consumer(Bus.EVENTS_APPLIED, msg -> {
        long now = System.nanoTime();
        JsonArray list = msg.body().getJsonArray("events");
        int ours = 0;
        for (int i = 0; i < list.size(); i++) {
          if (list.getJsonObject(i).getString("key").startsWith(prefix)) {
            ours++;
          }
        }
        if (applied.addAndGet(ours) >= events) {
          allApplied.tryComplete(now);
        }
      }));
      // Rank-ups and achievements reach "Telegram": a bot that answers at once.
      consumers.add(vertx.eventBus().<JsonObject>consumer(Bus.EFFECTS_TELEGRAM, msg -> {
        effects.incrementAndGet();
        msg.reply(new JsonObject().put("ok", true));
      }));
    }
    String loadBefore = Machine.loadAverage();
    long cpuBefore = Machine.processCpuNanos();
    long pgCpuBefore = Machine.postgresCpuNanos(postmasterPid);
    List<ClosedLoopSender> senders = new ArrayList<>();
    List<Future<Void>> sent = new ArrayList<>();
    int n = engine.instances.size();
    try (Machine.RssSampler rss = new Machine.RssSampler()) {
      for (int k = 0; k < n; k++) {
        ClosedLoopSender sender = new ClosedLoopSender(engine.instances.get(k), i -> event(prefix, i, seeds[i], players),
            k, n, events, Math.max(1, maxInFlight / n));
        senders.add(sender);
        sent.add(sender.start());
      }
      Await.result(Future.join(sent), Duration.ofMinutes(20));
      long end = Await.result(allApplied.future(), Duration.ofMinutes(20));
      long start = senders.stream().mapToLong(s -> s.firstSendNanos).min().orElseThrow();
      double seconds = (end - start) / 1e9;
      long cpu = Machine.processCpuNanos() - cpuBefore;
      long pgCpu = Machine.postgresCpuNanos(postmasterPid) - pgCpuBefore;
      long failures = senders.stream().mapToLong(ClosedLoopSender::failures).sum();
      long completed = sql.queryLong("SELECT count(*) FROM sync_events WHERE idempotency_key LIKE '" + prefix
          + "%' AND event_type IN ('xp_change', 'balance_change') AND status = 'completed' AND applied_at IS NOT NULL");
      long audits = sql.queryLong("SELECT count(*) FROM transactions WHERE idempotency_key LIKE '" + prefix + "%'");
      JsonObject result = new JsonObject()
          .put("engines", n).put("events", events).put("players", players).put("maxInFlight", maxInFlight)
          .put("syncBatchSize", config.getJsonObject("sync").getInteger("batchSize"))
          .put("poolSizePerEngine", config.getJsonObject("db").getInteger("poolSize"))
          .put("seconds", Stats.round(seconds)).put("eventsPerSecond", Stats.round(events / seconds))
          .put("submitFailures", failures).put("completedRows", completed).put("auditRows", audits)
          .put("telegramEffectsDelivered", effects.get())
          .put("rssMaxMb", Stats.round(rss.maxMb()))
          .put("jvmCpuSecondsPerSecond", Stats.round(cpu / 1e9 / seconds))
          // CPU per event hardly depends on what else the machine runs: the figure to compare changes by.
          .put("jvmCpuMicrosPerEvent", Stats.round(cpu / 1e3 / events))
          .put("postgresCpuMicrosPerEvent", postmasterPid > 0 ? Stats.round(pgCpu / 1e3 / events) : null)
          .put("loadBefore", loadBefore).put("loadAfter", Machine.loadAverage());
      if (failures > 0) {
        result.put("lastSubmitFailure", senders.stream().map(ClosedLoopSender::lastFailure)
            .filter(f -> f != null).findFirst().orElse(null));
      }
      if (completed != events || audits != events) {
        result.put("error", "expected " + events + " completed events and audit rows");
      }
      return result;
    }
  }

  /** 80 % xp (1..20), 20 % balance (1..50); half from Telegram, half from Discord; random player. */
  static JsonObject event(int index, long seed, int players) {
    return event(KEY_PREFIX, index, seed, players);
  }

  static JsonObject event(String prefix, int index, long seed, int players) {
    return event(prefix, index, seed, players, 0, 1);
  }

  /** An event of a player in share {@code share} of {@code shares} (players ≡ share + 1 modulo shares). */
  static JsonObject event(String prefix, int index, long seed, int players, int share, int shares) {
    long player = 1 + share + (long) shares * Math.floorMod(seed, Math.max(1, players / shares));
    boolean telegram = ((seed >>> 20) & 1) == 0;
    boolean xp = Math.floorMod(seed >>> 21, 10) < 8;
    long amount = xp ? 1 + Math.floorMod(seed >>> 30, 20) : 1 + Math.floorMod(seed >>> 30, 50);
    return Seed.event(prefix + index, player, telegram, xp, amount);
  }
}
