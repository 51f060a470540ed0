package io.xpbridge.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.xpbridge.support.ServiceFixture;
import io.xpbridge.support.TestConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The admin API's intake, as an attacker or a careless integrator would use it: every payload here
 * was once accepted (or crashed the handler) and is now answered with a clear error.
 */
class StrictHttpInputTest {
  static final String METRICS_TOKEN = "scrape-me";
  static ServiceFixture service;
  static final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start() {
    service = ServiceFixture.start(StrictHttpInputTest.class,
        config -> config.put("http", config.getJsonObject("http").copy().put("metricsToken", METRICS_TOKEN)));
  }

  @AfterAll
  static void stop() {
    service.close();
  }

  static HttpResponse<String> post(String path, String contentType, byte[] body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.httpPort() + path))
        .header("Authorization", "Bearer " + TestConfig.ADMIN_TOKEN)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  static HttpResponse<String> postJson(String path, String json) throws Exception {
    return post(path, "application/json", json.getBytes(StandardCharsets.UTF_8));
  }

  static HttpResponse<String> get(String path, String token) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.httpPort() + path));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  static String event(String key, String fields) {
    return "{\"source\":\"telegram\",\"type\":\"xp_change\",\"idempotencyKey\":\"" + key + "\"," + fields + "}";
  }

  @Test
  void everyHostilePayloadIsA400AndWritesNothing() throws Exception {
    long events = service.sql.queryLong("SELECT count(*) FROM sync_events");
    long players = service.sql.queryLong("SELECT count(*) FROM players");
    String deep = "{\"n\":".repeat(900) + "1" + "}".repeat(900);
    List<String> bodies = List.of(
        event("nul", "\"telegramId\":1,\"xp\":1,\"reason\":\"a\\u0000b\""),
        event("k\\ud800", "\"telegramId\":1,\"xp\":1"),
        event("min", "\"telegramId\":1,\"xp\":-9223372036854775808"),
        event("big_player", "\"playerId\":18446744073709551617,\"xp\":1000"),
        event("big_tg", "\"telegramId\":18446744073709551621,\"xp\":1"),
        event("dup_field", "\"telegramId\":1,\"xp\":1,\"xp\":999999"),
        event("deep", "\"telegramId\":1,\"xp\":1,\"data\":" + deep),
        event("rank_key:rank2", "\"telegramId\":1,\"xp\":1"),
        event("sys", "\"telegramId\":1,\"xp\":1").replace("\"telegram\"", "\"system\""));
    for (String body : bodies) {
      long started = System.nanoTime();
      HttpResponse<String> response = postJson("/api/v1/events", body);
      assertEquals(400, response.statusCode(), body.substring(0, Math.min(body.length(), 120)) + " -> " + response.body());
      assertTrue(new JsonObject(response.body()).getString("error").length() > 5, response.body());
      assertTrue(System.nanoTime() - started < 2_000_000_000L, "answered at once, not after a timeout");
    }
    assertEquals(events, service.sql.queryLong("SELECT count(*) FROM sync_events"), "nothing stored");
    assertEquals(players, service.sql.queryLong("SELECT count(*) FROM players"), "nobody credited or created");
  }

  @Test
  void onlyJsonInUtf8IsAccepted() throws Exception {
    byte[] json = event("ct_1", "\"telegramId\":3,\"xp\":1").getBytes(StandardCharsets.UTF_8);
    assertEquals(415, post("/api/v1/events", null, json).statusCode());
    assertEquals(415, post("/api/v1/events", "text/plain", json).statusCode());
    assertEquals(415, post("/api/v1/events", "application/xml",
        "<event><xp>1</xp></event>".getBytes(StandardCharsets.UTF_8)).statusCode());
    assertEquals(415, post("/api/v1/events", "application/x-www-form-urlencoded",
        "source=telegram&xp=1".getBytes(StandardCharsets.UTF_8)).statusCode());
    assertEquals(415, post("/api/v1/events", "application/json; charset=utf-16",
        event("ct_2", "\"telegramId\":3,\"xp\":1").getBytes(StandardCharsets.UTF_16)).statusCode());
    assertEquals(400, post("/api/v1/events", "application/json",
        event("ct_3", "\"telegramId\":3,\"xp\":1").getBytes(StandardCharsets.UTF_16)).statusCode(),
        "UTF-16 bytes sent as JSON are not guessed at");
    assertEquals(0, service.sql.queryLong("SELECT count(*) FROM sync_events WHERE idempotency_key LIKE 'ct_%'"));
    assertEquals(202, post("/api/v1/events", "application/json; charset=UTF-8", json).statusCode());
  }

  @Test
  void aReusedKeyIsA409NamingTheEventAndTheSameRequestA200Duplicate() throws Exception {
    HttpResponse<String> first = postJson("/api/v1/events", event("reuse_1", "\"telegramId\":5,\"xp\":10"));
    assertEquals(202, first.statusCode(), first.body());
    long eventId = new JsonObject(first.body()).getLong("eventId");
    assertTrue(eventId > 0);

    HttpResponse<String> same = postJson("/api/v1/events", event("reuse_1", "\"telegramId\":5,\"xp\":10"));
    assertEquals(200, same.statusCode());
    assertEquals(eventId, new JsonObject(same.body()).getLong("eventId"));
    HttpResponse<String> other = postJson("/api/v1/events", event("reuse_1", "\"telegramId\":6,\"xp\":10"));
    assertEquals(409, other.statusCode(), other.body());
    assertEquals(new JsonObject().put("error", "idempotency key reused with a different request").put("eventId", eventId),
        new JsonObject(other.body()));
  }

  @Test
  void aBatchAnswersEachEventInOrderWithItsOwnOutcome() throws Exception {
    postJson("/api/v1/events", event("batch_seed", "\"telegramId\":7,\"xp\":50"));
    String refused = "{\"source\":\"telegram\",\"type\":\"balance_change\",\"telegramId\":7,\"balance\":-5,"
        + "\"idempotencyKey\":\"batch_overdraw\"}";
    String batch = "[" + event("batch_1", "\"telegramId\":7,\"xp\":1") + ","
        + event("batch_seed", "\"telegramId\":7,\"xp\":50") + ","
        + refused + ","
        + event("batch_bad", "\"telegramId\":7,\"xp\":\"lots\"") + ","
        + "42,"
        + event("batch_seed", "\"telegramId\":8,\"xp\":50") + "]";

    HttpResponse<String> response = postJson("/api/v1/events/batch", batch);

    assertEquals(200, response.statusCode(), response.body());
    JsonArray results = new JsonObject(response.body()).getJsonArray("results");
    assertEquals(List.of(202, 200, 422, 400, 400, 409),
        results.stream().map(r -> ((JsonObject) r).getInteger("code")).toList(), results.encode());
    assertEquals("completed", results.getJsonObject(0).getString("status"));
    assertTrue(results.getJsonObject(2).getString("error").contains("below zero"));
    assertEquals(51, service.sql.queryLong(
        "SELECT p.xp FROM players p JOIN telegram_identities t ON t.player_id = p.id WHERE t.telegram_id = 7"));

    String tooMany = "[" + String.join(",", java.util.Collections.nCopies(1_001,
        event("many", "\"telegramId\":9,\"xp\":1"))) + "]";
    assertEquals(400, postJson("/api/v1/events/batch", tooMany).statusCode());
  }

  @Test
  void withAMetricsTokenMetricsAndHealthAnswerOnlyRequestsThatCarryIt() throws Exception {
    for (String path : List.of("/metrics", "/health", "/health/live", "/health/ready")) {
      assertEquals(401, get(path, null).statusCode(), path);
      assertEquals(401, get(path, TestConfig.ADMIN_TOKEN).statusCode(), path + ": the admin token is another secret");
      int status = get(path, METRICS_TOKEN).statusCode();
      assertTrue(status != 401 && status != 404, path + " answered " + status);
    }
  }
}
