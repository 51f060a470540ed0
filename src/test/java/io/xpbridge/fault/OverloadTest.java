package io.xpbridge.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import io.xpbridge.support.Await;
import io.xpbridge.support.Metrics;
import io.xpbridge.support.ServiceFixture;
import io.xpbridge.support.TestConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The database stalls (the players' rows held by another transaction) while clients keep posting:
 * the engine keeps at most {@code sync.maxWaitingSubmits} submits in memory, turns the rest away at
 * once with 503 and Retry-After, says so in its metrics, stats and readiness, and applies everything
 * it accepted exactly once when the stall ends.
 */
class OverloadTest {
  static final int ROOM = 40;
  static final int PLAYERS = 10;
  static final int POSTS = 300;
  static ServiceFixture service;
  static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @BeforeAll
  static void start() {
    service = ServiceFixture.startWithMetrics(OverloadTest.class,
        config -> config.put("sync", config.getJsonObject("sync").copy().put("maxWaitingSubmits", ROOM)));
  }

  @AfterAll
  static void stop() {
    service.close();
  }

  static CompletableFuture<HttpResponse<String>> post(String key, long telegramId) {
    String body = new JsonObject().put("source", "telegram").put("type", "xp_change").put("telegramId", telegramId)
        .put("xp", 1).put("idempotencyKey", key).encode();
    return http.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.httpPort() + "/api/v1/events"))
        .header("Authorization", "Bearer " + TestConfig.ADMIN_TOKEN).header("Content-Type", "application/json")
        .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.httpPort() + path))
        .header("Authorization", "Bearer " + TestConfig.ADMIN_TOKEN).build(), HttpResponse.BodyHandlers.ofString());
  }

  static int statusOf(String path) {
    try {
      return get(path).statusCode();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static long waitingGauge() throws Exception {
    return (long) Metrics.gauge(get("/metrics").body(), "xpbridge_intake_waiting");
  }

  @Test
  void aStalledDatabaseBoundsTheIntakeAndEverythingAcceptedIsAppliedOnceAfterwards() throws Exception {
    for (int p = 0; p < PLAYERS; p++) {
      service.submit(ServiceFixture.xp("overload_seed_" + p, 9_000 + p, 1));
    }
    List<CompletableFuture<HttpResponse<String>>> replies = new ArrayList<>();
    long maxWaiting;
    try (Connection stall = DriverManager.getConnection(service.app.databaseUrl().jdbcUrl(),
        service.app.databaseUrl().user(), service.app.databaseUrl().password())) {
      stall.setAutoCommit(false);
      stall.createStatement().execute("SELECT * FROM players FOR UPDATE");

      for (int i = 0; i < POSTS; i++) {
        replies.add(post("overload_" + i, 9_000 + i % PLAYERS));
      }
      Await.until("some posts turned away at once", () -> replies.stream()
          .filter(r -> r.isDone() && r.join().statusCode() == 503).count() > 0);
      maxWaiting = 0;
      for (int sample = 0; sample < 10; sample++) {
        JsonObject stats = new JsonObject(get("/api/v1/stats").body());
        maxWaiting = Math.max(maxWaiting, stats.getLong("intakeWaiting"));
        assertTrue(stats.getLong("intakeWaiting") <= ROOM, "never more waiting than the room: " + stats.encode());
        Thread.sleep(50);
      }
      assertEquals(ROOM, maxWaiting, "the room is full while the database stalls");
      assertEquals(ROOM, waitingGauge(), "the metric shows the waiting submits");
      HttpResponse<String> ready = get("/health/ready");
      assertEquals(503, ready.statusCode(), ready.body());
      assertTrue(ready.body().contains("saturated"), ready.body());
      stall.rollback();
    }

    List<HttpResponse<String>> answered = replies.stream().map(CompletableFuture::join).toList();
    List<String> accepted = new ArrayList<>();
    List<String> turnedAway = new ArrayList<>();
    for (int i = 0; i < POSTS; i++) {
      HttpResponse<String> reply = answered.get(i);
      if (reply.statusCode() == 202) {
        accepted.add("overload_" + i);
      } else {
        assertEquals(503, reply.statusCode(), reply.body());
        assertEquals("1", reply.headers().firstValue("Retry-After").orElse(null), "tells when to retry");
        turnedAway.add("overload_" + i);
      }
    }
    assertTrue(accepted.size() >= ROOM, "at least the room's worth accepted: " + accepted.size());
    for (String key : accepted) {
      assertEquals(1, service.sql.queryLong("SELECT count(*) FROM transactions WHERE idempotency_key = ?", key), key);
    }
    assertEquals(accepted.size(), service.sql.queryLong("SELECT count(*) FROM sync_events WHERE idempotency_key LIKE "
        + "'overload\\_%' AND idempotency_key NOT LIKE 'overload\\_seed%'"), "a refused submit left nothing behind");

    AtomicInteger retried = new AtomicInteger();
    for (String key : turnedAway) {
      int i = Integer.parseInt(key.substring("overload_".length()));
      assertEquals(202, post(key, 9_000 + i % PLAYERS).join().statusCode());
      retried.incrementAndGet();
    }
    assertEquals(POSTS, service.sql.queryLong(
        "SELECT count(*) FROM transactions WHERE idempotency_key LIKE 'overload\\_%' AND idempotency_key NOT LIKE 'overload\\_seed%'"),
        "every post applied exactly once in the end");
    Await.until("ready again", () -> statusOf("/health/ready") == 200);
    System.out.printf("overload test: %d posts while the database stalled, %d accepted and applied once, %d turned "
        + "away with 503 + Retry-After and applied once on retry; at most %d waiting (room %d)%n",
        POSTS, accepted.size(), turnedAway.size(), maxWaiting, ROOM);
  }
}
