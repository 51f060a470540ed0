package io.xpbridge.bench;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.xpbridge.config.DatabaseUrl;
import io.xpbridge.http.HttpApiVerticle;
import io.xpbridge.support.Await;
import io.xpbridge.support.Sql;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Scenario: events posted to the admin API the way an integrator would, {@code clients} keep-alive
 * connections each sending its next request when the last one is answered (the answer comes once
 * the event is applied), either one event per request ({@code POST /api/v1/events}) or
 * {@code perRequest} events per request ({@code POST /api/v1/events/batch}). Figures: events answered
 * per second (wall clock, first send to last answer) and request latency. The load generator runs
 * in the same JVM on its own Vert.x, as the bus senders of the throughput scenario do.
 */
final class HttpIngressScenario {
  static final String TOKEN = "bench-admin-token";

  private HttpIngressScenario() {}

  static JsonObject run(BenchDatabase databases, int events, int players, int clients, int perRequest,
      Consumer<JsonObject> adjust) {
    DatabaseUrl db = databases.create("http");
    Sql sql = new Sql(db);
    try {
      Seed.players(sql, players, "0", 1);
      Seed.analyze(sql);
      JsonObject config = BenchEngine.config(db, adjust);
      config.getJsonObject("http").put("adminToken", TOKEN);
      try (BenchEngine engine = BenchEngine.start(config, 1)) {
        int port = (Integer) engine.instances.get(0).sharedData().getLocalMap("xpbridge").get(HttpApiVerticle.PORT_KEY);
        Vertx client = Vertx.vertx();
        try {
          return measure(client, List.of(port), events, players, clients, perRequest, sql);
        } finally {
          Await.result(client.close());
        }
      }
    } finally {
      databases.drop(db);
    }
  }

  /** Client {@code c} talks to {@code ports[c % ports.size()]}: several nodes share the load evenly. */
  static JsonObject measure(Vertx vertx, List<Integer> ports, int events, int players, int clients, int perRequest,
      Sql sql) {
    return measure(vertx, ports, ThroughputScenario.KEY_PREFIX, events, players, clients, perRequest, sql);
  }

  /** As above with the events' keys starting {@code prefix} (a warm-up's keys must not be the measured ones). */
  static JsonObject measure(Vertx vertx, List<Integer> ports, String prefix, int events, int players, int clients,
      int perRequest, Sql sql) {
    return measure(vertx, ports, prefix, events, players, clients, perRequest, false, sql);
  }

  /**
   * {@code playerAffinity}: each node gets the events of its own share of the players only (as a
   * router by player would send them), instead of any player's.
   */
  static JsonObject measure(Vertx vertx, List<Integer> ports, String prefix, int events, int players, int clients,
      int perRequest, boolean playerAffinity, Sql sql) {
    List<io.vertx.core.http.HttpClient> https = new ArrayList<>();
    for (int port : ports) {
      https.add(vertx.createHttpClient(new HttpClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(port)
          .setKeepAlive(true), new io.vertx.core.http.PoolOptions().setHttp1MaxSize(clients)));
    }
    SplittableRandom random = new SplittableRandom(7);
    long[] seeds = new long[events];
    for (int i = 0; i < events; i++) {
      seeds[i] = random.nextLong();
    }
    int requests = (events + perRequest - 1) / perRequest;
    double[] latencies = new double[requests];
    AtomicInteger nextRequest = new AtomicInteger();
    AtomicInteger failures = new AtomicInteger();
    String[] lastFailure = {null};
    String path = perRequest == 1 ? "/api/v1/events" : "/api/v1/events/batch";
    long cpuBefore = Machine.processCpuNanos();
    long start = System.nanoTime();
    List<Future<Void>> loops = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      Promise<Void> done = Promise.promise();
      loops.add(done.future());
      var http = https.get(c % https.size());
      int share = playerAffinity ? c % https.size() : 0;
      int shares = playerAffinity ? https.size() : 1;
      vertx.runOnContext(v -> sendNext(http, path, prefix, share, shares, perRequest, events, players, seeds, nextRequest, latencies,
          failures, lastFailure, done));
    }
    Await.result(Future.join(loops), Duration.ofMinutes(20));
    double seconds = (System.nanoTime() - start) / 1e9;
    long cpu = Machine.processCpuNanos() - cpuBefore;
    long applied = sql.queryLong("SELECT count(*) FROM transactions WHERE idempotency_key LIKE '" + prefix + "%'");
    JsonObject result = new JsonObject().put("route", path).put("clients", clients).put("eventsPerRequest", perRequest)
        .put("events", events).put("seconds", Stats.round(seconds)).put("eventsPerSecond", Stats.round(events / seconds))
        .put("requestMs", Stats.latencies(java.util.Arrays.copyOf(latencies, requests)))
        .put("failedRequests", failures.get()).put("appliedEvents", applied)
        .put("jvmCpuMicrosPerEvent", Stats.round(cpu / 1e3 / events)).put("loadAfter", Machine.loadAverage());
    if (failures.get() > 0) {
      result.put("lastFailure", lastFailure[0]);
    }
    if (applied != events) {
      result.put("error", "expected " + events + " applied events, found " + applied);
    }
    return result;
  }

  private static void sendNext(io.vertx.core.http.HttpClient http, String path, String prefix, int share, int shares,
      int perRequest, int events,
      int players, long[] seeds, AtomicInteger nextRequest, double[] latencies, AtomicInteger failures,
      String[] lastFailure, Promise<Void> done) {
    int request = nextRequest.getAndIncrement();
    int first = request * perRequest;
    if (first >= events) {
      done.tryComplete();
      return;
    }
    Buffer body;
    if (perRequest == 1) {
      body = ThroughputScenario.event(prefix, first, seeds[first], players, share, shares).toBuffer();
    } else {
      JsonArray batch = new JsonArray();
      for (int i = first; i < Math.min(events, first + perRequest); i++) {
        batch.add(ThroughputScenario.event(prefix, i, seeds[i], players, share, shares));
      }
      body = batch.toBuffer();
    }
    long sent = System.nanoTime();
    http.request(new RequestOptions().setMethod(HttpMethod.POST).setURI(path)
            .putHeader("Authorization", "Bearer " + TOKEN).putHeader("Content-Type", "application/json"))
        .compose(req -> req.send(body))
        .compose(response -> response.body().map(b -> response.statusCode()))
        .onComplete(ar -> {
          latencies[request] = (System.nanoTime() - sent) / 1e6;
          if (ar.failed() || ar.result() >= 300) {
            failures.incrementAndGet();
            lastFailure[0] = ar.failed() ? ar.cause().toString() : "HTTP " + ar.result();
          }
          sendNext(http, path, prefix, share, shares, perRequest, events, players, seeds, nextRequest, latencies, failures, lastFailure, done);
        });
  }
}
