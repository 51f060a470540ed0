package io.xpbridge.bench;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.xpbridge.config.DatabaseUrl;
import io.xpbridge.http.HttpApiVerticle;
import io.xpbridge.support.Await;
import io.xpbridge.support.Sql;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.IntFunction;

/**
 * Issue 15's web targets over HTTP against the real {@code App} with {@code players} players: the
 * leaderboard pages and a player page under an open-loop load, rank cards fresh and cached, and the
 * engine's throughput without and with the page load (interleaved, one database). The load generator
 * is a Vert.x HttpClient on its own Vert.x: a 1 ms timer sends every request that is due by the
 * schedule (start + i / rate), whether or not earlier ones were answered, so a slow server is not
 * given a rest the way a closed loop would give it one. Latency is from the send to the last byte.
 */
final class WebScenario {
  /** How long a run waits for its last answers before it reports them as unanswered. */
  private static final long DRAIN_SECONDS = 300;
  static final String[] ROUTES = {"leaderboard", "leaderboardAll", "leaderboardPage200", "player"};

  private WebScenario() {}

  record Options(int players, int rate, int warmupSeconds, int seconds, int freshCards, int cachedCards,
      int engineEvents, int inFlight, List<String> mix) {
    Options {
      // Checked here: a wrong name found inside the load generator's timer would only stop the load.
      if (mix.isEmpty() || !List.of(ROUTES).containsAll(mix)) {
        throw new IllegalArgumentException("--web-mix takes routes of " + List.of(ROUTES) + ", got " + mix);
      }
    }
  }

  static JsonObject run(BenchDatabase databases, Options o, Consumer<JsonObject> adjust) {
    DatabaseUrl db = databases.create("web");
    Sql sql = new Sql(db);
    try {
      long seedStart = System.nanoTime();
      seed(sql, o.players());
      double seedSeconds = (System.nanoTime() - seedStart) / 1e9;
      List<String> shown = publicIds(sql, "id % 4 <> 0", o.players(), 2_000);
      JsonObject config = BenchEngine.config(db, adjust);
      try (BenchEngine engine = BenchEngine.start(config, 1)) {
        int port = (Integer) engine.instances.get(0).sharedData().getLocalMap("xpbridge").get(HttpApiVerticle.PORT_KEY);
        Vertx clientVertx = Vertx.vertx();
        try {
          HttpClient http = clientVertx.createHttpClient(new HttpClientOptions().setDefaultHost("127.0.0.1")
              .setDefaultPort(port).setKeepAlive(true), new PoolOptions().setHttp1MaxSize(64));
          JsonObject result = new JsonObject().put("players", o.players()).put("rate", o.rate()).put("mix", new JsonArray(o.mix()))
              .put("seconds", o.seconds()).put("warmupSeconds", o.warmupSeconds())
              .put("seedSeconds", Stats.round(seedSeconds));
          // Pages: each route alone at the rate, after a warm-up of the mixed load.
          SplittableRandom random = new SplittableRandom(15);
          // The mixed load (warm-up, and beside the engine): the routes of --web-mix in turn.
          List<String> mix = o.mix();
          IntFunction<String> mixed = i -> path(mix.get(i % mix.size()), shown, random);
          load(clientVertx, http, mixed, o.rate(), o.warmupSeconds());
          JsonObject pages = new JsonObject();
          for (String route : ROUTES) {
            pages.put(route, load(clientVertx, http, i -> path(route, shown, random), o.rate(), o.seconds()));
          }
          result.put("pages", pages);
          result.put("cards", cards(clientVertx, http, shown, o.freshCards(), o.cachedCards()));
          result.put("engine", engineUnderLoad(engine, sql, clientVertx, http, mixed, o, config,
              databases.postmasterPid()));
          return result;
        } finally {
          Await.result(clientVertx.close());
        }
      }
    } finally {
      databases.drop(db);
    }
  }

  /**
   * Season 1 archived with every player's standing, season 2 running. Players 1..n: distinct season
   * XP (7919 g mod 1,000,003 is a permutation) and lifetime XP above it, so every place is computed; a
   * display name each (Cyrillic for every 3rd), a Telegram identity, a Discord identity with an avatar
   * URL for every 4th. Public ids come from the column default.
   */
  static void seed(Sql sql, int players) {
    sql.execute("UPDATE seasons SET state = 'archived', ended_at = now(), players = " + players + " WHERE id = 1");
    sql.execute("INSERT INTO seasons (id, name, state) VALUES (2, 'Bench season 2', 'running')");
    sql.execute("INSERT INTO players (id, xp, balance, season, season_xp, display_name) SELECT g, sx * 3 + g % 500, 1000,"
        + " 2, sx, CASE WHEN g % 3 = 0 THEN 'Игрок ' || g ELSE 'Player ' || g END"
        + " FROM (SELECT g, 1 + (g::bigint * 7919) % 1000003 AS sx FROM generate_series(1, " + players + ") g) s");
    sql.execute("SELECT setval('players_id_seq', " + players + ")");
    sql.execute("INSERT INTO telegram_identities (telegram_id, player_id, chat_id, username, language_code) SELECT "
        + Seed.TELEGRAM_BASE + " + g, g, " + Seed.TELEGRAM_BASE + " + g, 'user' || g, 'en' FROM generate_series(1, "
        + players + ") g");
    // Every player on Discord too: the throughput events address half of them by Discord id.
    sql.execute("INSERT INTO discord_identities (discord_id, player_id, linked_at, avatar_url) SELECT " + Seed.DISCORD_BASE
        + " + g, g, now(), CASE WHEN g % 4 = 0 THEN 'https://cdn.discordapp.com/avatars/' || (" + Seed.DISCORD_BASE
        + " + g) || '/a' || g || '.png' END FROM generate_series(1, " + players + ") g");
    sql.execute("INSERT INTO season_standings (season_id, player_id, place, xp, name) SELECT 1, id,"
        + " row_number() OVER (ORDER BY xp DESC, id), xp, display_name FROM players");
    sql.execute("VACUUM ANALYZE");
  }

  /** About {@code limit} public ids of players matching {@code where}, spread evenly over the ids. */
  private static List<String> publicIds(Sql sql, String where, int players, int limit) {
    long step = Math.max(1, players / limit);
    String ids = sql.queryString("SELECT string_agg(public_id, ',' ORDER BY id) FROM players WHERE " + where
        + " AND id % " + step + " = 1 % " + step);
    return List.of(ids.split(","));
  }

  private static String path(String route, List<String> shown, SplittableRandom random) {
    return switch (route) {
      case "leaderboard" -> "/leaderboard";
      case "leaderboardAll" -> "/leaderboard?season=all";
      case "leaderboardPage200" -> "/leaderboard?page=200";
      case "player" -> "/players/" + shown.get(random.nextInt(shown.size()));
      default -> throw new IllegalArgumentException(route);
    };
  }

  /** An open-loop run at {@code rate} requests/s for {@code seconds}; latencies, statuses, achieved rate. */
  static JsonObject load(Vertx vertx, HttpClient http, IntFunction<String> paths, int rate, int seconds) {
    return Await.result(startLoad(vertx, http, paths, rate, seconds * 1000L).done,
        Duration.ofSeconds(seconds + DRAIN_SECONDS + 60L));
  }

  static final class Load {
    final Future<JsonObject> done;
    final Promise<Void> stop = Promise.promise();

    Load(Future<JsonObject> done) {
      this.done = done;
    }
  }

  /** Runs for {@code millis} or until {@link Load#stop} completes, whichever is first. */
  static Load startLoad(Vertx vertx, HttpClient http, IntFunction<String> paths, int rate, long millis) {
    Promise<JsonObject> done = Promise.promise();
    Load load = new Load(done.future());
    ConcurrentLinkedQueue<Sample> samples = new ConcurrentLinkedQueue<>();
    Map<Integer, AtomicLong> statuses = Collections.synchronizedMap(new LinkedHashMap<>());
    AtomicLong failures = new AtomicLong();
    AtomicLong outstanding = new AtomicLong();
    String[] lastFailure = {null};
    vertx.runOnContext(v -> {
      long start = System.nanoTime();
      long[] sent = {0};
      boolean[] stopping = {false};
      long timer = vertx.setPeriodic(1, id -> {
        long now = System.nanoTime();
        long elapsedMs = (now - start) / 1_000_000;
        if (elapsedMs >= millis || load.stop.future().isComplete()) {
          if (!stopping[0]) {
            stopping[0] = true;
            vertx.cancelTimer(id);
            finish(vertx, start, sent, samples, statuses, failures, outstanding, lastFailure, rate, done);
          }
          return;
        }
        long due = (now - start) * rate / 1_000_000_000L;
        while (sent[0] < due) {
          int index = (int) sent[0]++;
          String path = paths.apply(index);
          long t0 = System.nanoTime();
          outstanding.incrementAndGet();
          http.request(new RequestOptions().setMethod(HttpMethod.GET).setURI(path).putHeader("Accept-Language", "ru"))
              .compose(req -> req.send().compose(res -> res.body().map(b -> res.statusCode())))
              .onComplete(ar -> {
                samples.add(new Sample(kind(path), (System.nanoTime() - t0) / 1e6));
                if (ar.succeeded()) {
                  statuses.computeIfAbsent(ar.result(), s -> new AtomicLong()).incrementAndGet();
                } else {
                  failures.incrementAndGet();
                  lastFailure[0] = ar.cause().toString();
                }
                outstanding.decrementAndGet();
              });
        }
      });
    });
    return load;
  }

  private record Sample(String kind, double ms) {}

  /** What a path is reported under: a player page is a player page whoever it shows. */
  private static String kind(String path) {
    return path.startsWith("/players/") ? "/players/{publicId}" : path;
  }

  private static void finish(Vertx vertx, long start, long[] sent, ConcurrentLinkedQueue<Sample> samples,
      Map<Integer, AtomicLong> statuses, AtomicLong failures, AtomicLong outstanding, String[] lastFailure, int rate,
      Promise<JsonObject> done) {
    double seconds = (System.nanoTime() - start) / 1e9;
    // Wait (on the answers, not a fixed sleep) for the requests still in flight, so a backlog the
    // server could not keep up with is counted here and not in the next phase's figures.
    vertx.setPeriodic(5, id -> {
      if (outstanding.get() > 0 && System.nanoTime() - start < (seconds + DRAIN_SECONDS) * 1e9) {
        return;
      }
      vertx.cancelTimer(id);
      double[] millis = samples.stream().mapToDouble(Sample::ms).toArray();
      JsonObject byRoute = new JsonObject();
      samples.stream().map(Sample::kind).distinct().sorted().forEach(kind -> byRoute.put(kind, Stats.latencies(
          samples.stream().filter(s -> s.kind().equals(kind)).mapToDouble(Sample::ms).toArray())));
      JsonObject statusCounts = new JsonObject();
      synchronized (statuses) {
        statuses.forEach((status, count) -> statusCounts.put(String.valueOf(status), count.get()));
      }
      JsonObject result = new JsonObject().put("targetRate", rate).put("sent", sent[0])
          .put("achievedRate", Stats.round(sent[0] / seconds)).put("ms", Stats.latencies(millis))
          .put("byRoute", byRoute).put("statuses", statusCounts).put("failures", failures.get()).put("unanswered", outstanding.get());
      if (lastFailure[0] != null) {
        result.put("lastFailure", lastFailure[0]);
      }
      done.complete(result);
    });
  }

  /**
   * Fresh: the first request for each of {@code fresh} distinct players, one at a time (bus query to
   * PostgreSQL + drawing + PNG encoding). Only players without an avatar URL: with one, the server would
   * fetch it from Discord's CDN, which measures the network, not the card. Cached: one card asked
   * {@code cached} times, and as often with its ETag (304).
   */
  private static JsonObject cards(Vertx vertx, HttpClient http, List<String> shown, int fresh, int cached) {
    double[] freshMs = new double[Math.min(fresh, shown.size())];
    String etag = null;
    for (int i = 0; i < freshMs.length; i++) {
      long t0 = System.nanoTime();
      Card card = get(http, "/cards/" + shown.get(i) + ".png", null);
      freshMs[i] = (System.nanoTime() - t0) / 1e6;
      check(card, 200);
      etag = i == 0 ? card.etag : etag;
    }
    String first = "/cards/" + shown.get(0) + ".png";
    double[] hit = new double[cached];
    double[] notModified = new double[cached];
    for (int i = 0; i < cached; i++) {
      long t0 = System.nanoTime();
      check(get(http, first, null), 200);
      hit[i] = (System.nanoTime() - t0) / 1e6;
      t0 = System.nanoTime();
      check(get(http, first, etag), 304);
      notModified[i] = (System.nanoTime() - t0) / 1e6;
    }
    return new JsonObject().put("freshHttpMs", Stats.latencies(freshMs)).put("cachedHttpMs", Stats.latencies(hit))
        .put("notModifiedHttpMs", Stats.latencies(notModified));
  }

  private record Card(int status, String etag, int bytes) {}

  private static Card get(HttpClient http, String path, String etag) {
    RequestOptions request = new RequestOptions().setMethod(HttpMethod.GET).setURI(path);
    if (etag != null) {
      request.putHeader("If-None-Match", etag);
    }
    return Await.result(http.request(request).compose(req -> req.send()
        .compose(res -> res.body().map(b -> new Card(res.statusCode(), res.getHeader("ETag"), b.length())))));
  }

  private static void check(Card card, int status) {
    if (card.status() != status) {
      throw new IllegalStateException("card answered " + card.status() + ", expected " + status);
    }
  }

  /**
   * The throughput scenario's measurement (events fully applied per second) in this database: one run
   * to warm up, then without, with, without, with the mixed page load at the rate. The ratio is the
   * median of the runs with over the median of the runs without.
   */
  private static JsonObject engineUnderLoad(BenchEngine engine, Sql sql, Vertx clientVertx, HttpClient http,
      IntFunction<String> mixed, Options o, JsonObject config, long postmasterPid) {
    long[] seeds = new long[o.engineEvents()];
    SplittableRandom random = new SplittableRandom(42);
    for (int i = 0; i < seeds.length; i++) {
      seeds[i] = random.nextLong();
    }
    JsonObject warmup = ThroughputScenario.measure(engine, sql, "bw0-", o.engineEvents(), o.players(), o.inFlight(),
        seeds, config, postmasterPid);
    JsonArray runs = new JsonArray();
    List<Double> without = new ArrayList<>();
    List<Double> with = new ArrayList<>();
    for (int run = 1; run <= 4; run++) {
      boolean loaded = run % 2 == 0;
      Load load = null;
      if (loaded) {
        // The page load runs a second before the events start, so they meet it at its steady rate.
        load = startLoad(clientVertx, http, mixed, o.rate(), 3_600_000L);
        Await.result(pause(clientVertx, 1_000));
      }
      JsonObject measured = ThroughputScenario.measure(engine, sql, "bw" + run + "-", o.engineEvents(), o.players(),
          o.inFlight(), seeds, config, postmasterPid);
      if (load != null) {
        load.stop.complete();
        measured.put("pagesDuring", Await.result(load.done, Duration.ofSeconds(DRAIN_SECONDS + 60)));
      }
      measured.put("pageLoad", loaded);
      runs.add(measured);
      (loaded ? with : without).add(measured.getDouble("eventsPerSecond"));
    }
    double ratio = Stats.median(with) / Stats.median(without);
    return new JsonObject().put("events", o.engineEvents()).put("warmup", warmup).put("runs", runs)
        .put("withoutEventsPerSecond", Stats.round(Stats.median(without)))
        .put("withEventsPerSecond", Stats.round(Stats.median(with)))
        .put("withToWithout", Stats.round(ratio));
  }

  private static Future<Void> pause(Vertx vertx, long millis) {
    Promise<Void> p = Promise.promise();
    vertx.setTimer(millis, id -> p.complete());
    return p.future();
  }
}
