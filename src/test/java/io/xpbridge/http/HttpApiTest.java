package io.xpbridge.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import io.xpbridge.support.ServiceFixture;
import io.xpbridge.support.TestConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class HttpApiTest {
  static ServiceFixture service;
  static final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start() {
    service = ServiceFixture.start(HttpApiTest.class);
  }

  @AfterAll
  static void stop() {
    service.close();
  }

  private HttpResponse<String> call(String method, String path, String token, String body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.httpPort() + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void healthNeedsNoTokenAndReportsTheDatabase() throws Exception {
    HttpResponse<String> health = call("GET", "/health", null, null);
    assertEquals(200, health.statusCode());
    assertEquals("up", new JsonObject(health.body()).getString("database"));
  }

  @Test
  void adminRoutesAnswer401WithoutAValidToken() throws Exception {
    assertEquals(401, call("GET", "/api/v1/stats", null, null).statusCode());
    assertEquals(401, call("GET", "/api/v1/stats", "wrong", null).statusCode());
    assertEquals(401, call("POST", "/api/v1/events", TestConfig.ADMIN_TOKEN + "x", "{}").statusCode());
    assertEquals(0, service.sql.queryLong("SELECT count(*) FROM sync_events WHERE idempotency_key LIKE 'http_%'"));
  }

  @Test
  void badInputAnswers400WithAJsonError() throws Exception {
    HttpResponse<String> notJson = call("POST", "/api/v1/events", TestConfig.ADMIN_TOKEN, "{not json");
    assertEquals(400, notJson.statusCode());
    assertTrue(new JsonObject(notJson.body()).getString("error").contains("not valid JSON"));
    HttpResponse<String> array = call("POST", "/api/v1/events", TestConfig.ADMIN_TOKEN, "[1,2]");
    assertEquals(400, array.statusCode());
    HttpResponse<String> missing = call("POST", "/api/v1/events", TestConfig.ADMIN_TOKEN,
        "{\"source\":\"telegram\",\"type\":\"xp_change\",\"telegramId\":1,\"xp\":5}");
    assertEquals(400, missing.statusCode());
    assertTrue(new JsonObject(missing.body()).getString("error").contains("idempotencyKey"));
    assertEquals(400, call("GET", "/api/v1/players/abc", TestConfig.ADMIN_TOKEN, null).statusCode());
    assertEquals(400, call("POST", "/api/v1/events/abc/requeue", TestConfig.ADMIN_TOKEN, null).statusCode());
  }

  @Test
  void anAdminGrantIsAcceptedAppliedAndVisible() throws Exception {
    String grant = new JsonObject().put("source", "telegram").put("type", "reward_grant").put("telegramId", 7001)
        .put("xp", 300).put("balance", 40).put("idempotencyKey", "http_grant_1").put("reason", "tournament win").encode();
    HttpResponse<String> accepted = call("POST", "/api/v1/events", TestConfig.ADMIN_TOKEN, grant);
    assertEquals(202, accepted.statusCode());
    JsonObject body = new JsonObject(accepted.body());
    assertEquals(false, body.getBoolean("duplicate"));
    assertEquals("completed", body.getString("status"));
    HttpResponse<String> again = call("POST", "/api/v1/events", TestConfig.ADMIN_TOKEN, grant);
    assertEquals(200, again.statusCode(), "a spent key is not accepted again");
    assertEquals(true, new JsonObject(again.body()).getBoolean("duplicate"));
    assertEquals(body.getLong("eventId"), new JsonObject(again.body()).getLong("eventId"));
    service.awaitQueueDrained();
    long player = service.sql.queryLong("SELECT player_id FROM telegram_identities WHERE telegram_id = 7001");
    HttpResponse<String> profile = call("GET", "/api/v1/players/" + player, TestConfig.ADMIN_TOKEN, null);
    assertEquals(200, profile.statusCode());
    JsonObject shown = new JsonObject(profile.body());
    assertEquals(300, shown.getLong("xp"));
    assertEquals(40, shown.getLong("balance"));
    assertEquals(2, shown.getJsonObject("rank").getInteger("number"));
    assertEquals(404, call("GET", "/api/v1/players/99999999", TestConfig.ADMIN_TOKEN, null).statusCode());
  }

  @Test
  void anEventTheLedgerRefusesAnswers422WithItsReason() throws Exception {
    String spend = new JsonObject().put("source", "telegram").put("type", "balance_change").put("telegramId", 7002)
        .put("balance", -100).put("idempotencyKey", "http_spend_1").encode();

    HttpResponse<String> refused = call("POST", "/api/v1/events", TestConfig.ADMIN_TOKEN, spend);

    assertEquals(422, refused.statusCode(), refused.body());
    JsonObject body = new JsonObject(refused.body());
    assertTrue(body.getString("error").contains("below zero"), body.encode());
    assertEquals("failed", service.sql.queryString("SELECT status FROM sync_events WHERE id = ?",
        body.getLong("eventId")));
    assertEquals(0, service.sql.queryLong("SELECT coalesce(sum(p.balance), 0) FROM players p JOIN telegram_identities t "
        + "ON t.player_id = p.id WHERE t.telegram_id = 7002"));
    assertEquals(0, service.sql.queryLong("SELECT count(*) FROM transactions WHERE idempotency_key = 'http_spend_1'"),
        "nothing changed: no audit row");

    HttpResponse<String> again = call("POST", "/api/v1/events", TestConfig.ADMIN_TOKEN, spend);
    assertEquals(200, again.statusCode(), again.body());
    JsonObject duplicate = new JsonObject(again.body());
    assertEquals(true, duplicate.getBoolean("duplicate"));
    assertEquals("failed", duplicate.getString("status"), "the spent key answers with the first event's outcome");
    assertEquals(body.getLong("eventId"), duplicate.getLong("eventId"));
  }

  @Test
  void statsCountEventsByStatusAndType() throws Exception {
    long player = service.sql.queryLong("INSERT INTO players DEFAULT VALUES RETURNING id");
    JsonObject before = new JsonObject(call("GET", "/api/v1/stats", TestConfig.ADMIN_TOKEN, null).body());
    service.sql.update("INSERT INTO sync_events (idempotency_key, source, event_type, player_id, status, next_attempt_at) "
        + "VALUES ('st_p', 'telegram', 'xp_change', ?, 'pending', now() + interval '1 hour'), "
        + "('st_f1', 'discord', 'balance_change', ?, 'failed', now()), ('st_f2', 'discord', 'balance_change', ?, 'failed', now())",
        player, player, player);
    HttpResponse<String> response = call("GET", "/api/v1/stats", TestConfig.ADMIN_TOKEN, null);
    assertEquals(200, response.statusCode());
    JsonObject stats = new JsonObject(response.body());
    assertEquals(before.getLong("pending") + 1, stats.getLong("pending"));
    assertEquals(before.getLong("failed") + 2, stats.getLong("failed"));
    assertEquals(before.getLong("total") + 3, stats.getLong("total"));
    assertEquals(stats.getLong("total"), stats.getLong("pending") + stats.getLong("processing")
        + stats.getLong("completed") + stats.getLong("failed"));
    assertTrue(stats.getJsonObject("byType").getJsonObject("balance_change").getLong("failed") >= 2);
    assertTrue(stats.getDouble("oldestPendingAgeSeconds") >= 0);
    service.sql.update("DELETE FROM sync_events WHERE idempotency_key LIKE 'st\\_%'");
  }

  @Test
  void requeueAnswers404ForUnknownAnd409ForEventsThatDidNotFail() throws Exception {
    assertEquals(404, call("POST", "/api/v1/events/987654/requeue", TestConfig.ADMIN_TOKEN, null).statusCode());
    long player = service.sql.queryLong("INSERT INTO players DEFAULT VALUES RETURNING id");
    long done = service.sql.queryLong("INSERT INTO sync_events (idempotency_key, source, event_type, player_id, status, "
        + "applied_at) VALUES ('rq_done', 'telegram', 'xp_change', ?, 'completed', now()) RETURNING id", player);
    assertEquals(409, call("POST", "/api/v1/events/" + done + "/requeue", TestConfig.ADMIN_TOKEN, null).statusCode());
    long failed = service.sql.queryLong("INSERT INTO sync_events (idempotency_key, source, event_type, player_id, "
        + "xp_delta, status, retries, error_message) VALUES ('rq_failed', 'telegram', 'xp_change', ?, 11, 'failed', 3, 'boom') "
        + "RETURNING id", player);
    assertEquals(200, call("POST", "/api/v1/events/" + failed + "/requeue", TestConfig.ADMIN_TOKEN, null).statusCode());
    service.awaitQueueDrained();
    assertEquals("completed", service.sql.queryString("SELECT status FROM sync_events WHERE id = ?", failed));
    assertEquals(11, service.sql.queryLong("SELECT xp FROM players WHERE id = ?", player));
  }
}
