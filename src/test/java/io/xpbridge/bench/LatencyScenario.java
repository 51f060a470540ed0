package io.xpbridge.bench;

import io.vertx.core.Context;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.xpbridge.bus.Bus;
import io.xpbridge.config.DatabaseUrl;
import io.xpbridge.support.Await;
import io.xpbridge.support.Sql;
import java.time.Duration;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Scenario 2: a steady {@code rate} events per second for {@code seconds} (open loop: the schedule does
 * not wait for replies). Every 10th event gives +10 XP to its own player seeded at 160 XP, crossing
 * rank 2 (165 XP), so its rank-up must reach Telegram; the others are small xp/balance changes that
 * cross nothing. Measured per event: submit to reply, submit to EVENTS_APPLIED received, and for
 * crossing events submit to the rank-up message received on EFFECTS_TELEGRAM (the harness plays the
 * Telegram bot and answers at once). Times are taken with System.nanoTime() when the harness sees the
 * message, so they include the bus hop.
 */
final class LatencyScenario {
  private static final String KEY_PREFIX = "lt-";
  private static final String WARMUP_PREFIX = "lw-";
  private static final int PLAYERS = 10_000;
  private static final DeliveryOptions OPTIONS = new DeliveryOptions().setSendTimeout(60_000);

  private LatencyScenario() {}

  static JsonObject run(BenchDatabase databases, int rate, int seconds, int warmupSeconds, Consumer<JsonObject> adjust) {
    int total = rate * seconds;
    int crossingPlayers = (total + 9) / 10;
    if (crossingPlayers >= PLAYERS) {
      throw new IllegalArgumentException("rate x seconds too large for " + PLAYERS + " players");
    }
    DatabaseUrl db = databases.create("latency");
    Sql sql = new Sql(db);
    try {
      Seed.players(sql, PLAYERS, "CASE WHEN g <= " + crossingPlayers + " THEN 160 ELSE 0 END", 2);
      Seed.analyze(sql);
      JsonObject config = BenchEngine.config(db, adjust);
      try (BenchEngine engine = BenchEngine.start(config, 1)) {
        Vertx vertx = engine.instances.get(0);
        if (warmupSeconds > 0) {
          paced(vertx, rate, rate * warmupSeconds, i -> smallEvent(WARMUP_PREFIX + i, i, crossingPlayers), new long[rate * warmupSeconds], null);
        }
        return measure(vertx, engine, sql, rate, seconds, total, crossingPlayers, config);
      }
    } finally {
      databases.drop(db);
    }
  }

  private static JsonObject measure(Vertx vertx, BenchEngine engine, Sql sql, int rate, int seconds, int total,
      int crossingPlayers, JsonObject config) {
    long[] sent = new long[total];
    long[] replied = new long[total];
    long[] applied = new long[total];
    long[] effect = new long[total];
    AtomicInteger appliedCount = new AtomicInteger();
    AtomicInteger effectCount = new AtomicInteger();
    Promise<Void> allApplied = Promise.promise();
    Promise<Void> allEffects = Promise.promise();
    var appliedConsumer = vertx.eventBus().<JsonObject>consumer(Bus.EVENTS_APPLIED, msg -> {
      long now = System.nanoTime();
      JsonArray list = msg.body().getJsonArray("events");
      for (int i = 0; i < list.size(); i++) {
        String key = list.getJsonObject(i).getString("key");
        if (key.startsWith(KEY_PREFIX)) {
          applied[Integer.parseInt(key.substring(KEY_PREFIX.length()))] = now;
          if (appliedCount.incrementAndGet() == total) {
            allApplied.tryComplete();
          }
        }
      }
    });
    var effectConsumer = vertx.eventBus().<JsonObject>consumer(Bus.EFFECTS_TELEGRAM, msg -> {
      long now = System.nanoTime();
      JsonObject body = msg.body();
      long player = body.getLong("playerId");
      if ("rank_up".equals(body.getString("kind")) && player <= crossingPlayers) {
        int index = (int) ((player - 1) * 10 + 5);
        if (index < total && effect[index] == 0) {
          effect[index] = now;
          if (effectCount.incrementAndGet() == crossingEvents(total)) {
            allEffects.tryComplete();
          }
        }
      }
      msg.reply(new JsonObject().put("ok", true));
    });
    String loadBefore = Machine.loadAverage();
    long started = System.nanoTime();
    paced(vertx, rate, total, i -> i % 10 == 5
        ? Seed.event(KEY_PREFIX + i, 1 + i / 10, true, true, 10)
        : smallEvent(KEY_PREFIX + i, i, crossingPlayers), sent, replied);
    double sendSeconds = (System.nanoTime() - started) / 1e9;
    String appliedWait = waitFor(allApplied, "all events applied");
    String effectWait = waitFor(allEffects, "all rank-ups delivered");
    appliedConsumer.unregister();
    effectConsumer.unregister();
    JsonObject result = new JsonObject().put("rate", rate).put("seconds", seconds).put("events", total)
        .put("achievedRate", Stats.round(total / sendSeconds))
        .put("syncBatchSize", config.getJsonObject("sync").getInteger("batchSize"))
        .put("submitToReplyMs", Stats.latencies(diffs(sent, replied, null)))
        .put("submitToAppliedMs", Stats.latencies(diffs(sent, applied, null)))
        .put("submitToTelegramEffectMs", Stats.latencies(diffs(sent, effect, i -> i % 10 == 5)))
        .put("crossingEvents", crossingEvents(total))
        .put("rankUpsInDatabase", sql.queryLong("SELECT count(*) FROM sync_events WHERE event_type = 'rank_change'"))
        .put("loadBefore", loadBefore).put("loadAfter", Machine.loadAverage());
    if (appliedWait != null || effectWait != null) {
      result.put("error", (appliedWait == null ? "" : appliedWait + " ") + (effectWait == null ? "" : effectWait));
    }
    return result;
  }

  private static int crossingEvents(int total) {
    return (total + 4) / 10;
  }

  private static String waitFor(Promise<Void> promise, String what) {
    try {
      Await.result(promise.future(), Duration.ofSeconds(60));
      return null;
    } catch (RuntimeException e) {
      return "timed out waiting for " + what;
    }
  }

  /** A small change that crosses no rank or achievement threshold, for a player not seeded near one. */
  private static JsonObject smallEvent(String key, int index, int crossingPlayers) {
    SplittableRandom random = new SplittableRandom(index * 31L + key.hashCode());
    long player = crossingPlayers + 1 + random.nextInt(PLAYERS - crossingPlayers);
    boolean xp = random.nextInt(10) < 8;
    return Seed.event(key, player, random.nextBoolean(), xp, xp ? 1 + random.nextInt(3) : 1 + random.nextInt(20));
  }

  /** Sends {@code total} events at {@code rate} per second from a 1 ms timer; blocks until all replied. */
  private static void paced(Vertx vertx, int rate, int total, java.util.function.IntFunction<JsonObject> events,
      long[] sent, long[] replied) {
    Promise<Void> done = Promise.promise();
    Context context = vertx.getOrCreateContext();
    int[] next = {0};
    int[] answered = {0};
    long[] failures = {0};
    context.runOnContext(v -> {
      long start = System.nanoTime();
      vertx.setPeriodic(1, timer -> {
        long due = Math.min(total, (System.nanoTime() - start) * rate / 1_000_000_000L + 1);
        while (next[0] < due) {
          int index = next[0]++;
          sent[index] = System.nanoTime();
          vertx.eventBus().request(Bus.EVENTS_SUBMIT, events.apply(index), OPTIONS).onComplete(ar -> {
            if (replied != null) {
              replied[index] = System.nanoTime();
            }
            if (ar.failed()) {
              failures[0]++;
            }
            if (++answered[0] == total) {
              done.tryComplete();
            }
          });
        }
        if (next[0] >= total) {
          vertx.cancelTimer(timer);
        }
      });
    });
    Await.result(done.future(), Duration.ofMinutes(5));
    if (failures[0] > 0) {
      throw new IllegalStateException(failures[0] + " submits failed in the latency scenario");
    }
  }

  private static double[] diffs(long[] from, long[] to, java.util.function.IntPredicate only) {
    double[] out = new double[from.length];
    int n = 0;
    for (int i = 0; i < from.length; i++) {
      if ((only == null || only.test(i)) && from[i] != 0 && to[i] != 0) {
        out[n++] = (to[i] - from[i]) / 1e6;
      }
    }
    return Arrays.copyOf(out, n);
  }
}
