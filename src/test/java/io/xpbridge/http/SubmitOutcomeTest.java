package io.xpbridge.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.xpbridge.bus.Bus;
import io.xpbridge.bus.SubmitReply;
import io.xpbridge.support.Await;
import io.xpbridge.support.EngineDouble;
import io.xpbridge.support.TestConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What {@code POST /api/v1/events} answers for each outcome the engine reports (applied, queued,
 * a spent key, refused by the ledger). The admin API runs alone here, with a double of the engine
 * on the bus, so every outcome can be produced at will; {@link HttpApiTest} runs it on the real engine.
 */
class SubmitOutcomeTest {
  static final HttpClient http = HttpClient.newHttpClient();
  static final String GRANT = new JsonObject().put("source", "telegram").put("type", "reward_grant")
      .put("telegramId", 7).put("xp", 10).put("idempotencyKey", "outcome_1").encode();

  static Vertx vertx;
  static EngineDouble engine;
  static int port;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
    engine = new EngineDouble(vertx);
    Await.result(engine.start(List.of(Bus.EVENTS_SUBMIT)));
    JsonObject config = TestConfig.shipped();
    config.getJsonObject("http").put("port", 0).put("host", "127.0.0.1").put("adminToken", TestConfig.ADMIN_TOKEN);
    Await.result(vertx.deployVerticle(new HttpApiVerticle(), new DeploymentOptions().setConfig(config)));
    port = (Integer) vertx.sharedData().getLocalMap("xpbridge").get(HttpApiVerticle.PORT_KEY);
  }

  @AfterAll
  static void stop() {
    Await.result(vertx.close());
  }

  /** Posts a grant while the engine answers {@code engineSays} (a record of {@code bus} or raw JSON). */
  private static HttpResponse<String> submit(Object engineSays) throws Exception {
    engine.on(Bus.EVENTS_SUBMIT, body -> engineSays);
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/events"))
        .header("Authorization", "Bearer " + TestConfig.ADMIN_TOKEN)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(GRANT)).build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void anAppliedOrQueuedEventIsAccepted() throws Exception {
    HttpResponse<String> applied = submit(new SubmitReply(11, false, SubmitReply.Status.COMPLETED, null));
    assertEquals(202, applied.statusCode());
    assertEquals(new JsonObject().put("eventId", 11).put("duplicate", false).put("status", "completed"),
        new JsonObject(applied.body()));

    HttpResponse<String> queued = submit(new SubmitReply(12, false, SubmitReply.Status.QUEUED, null));
    assertEquals(202, queued.statusCode());
    assertEquals("queued", new JsonObject(queued.body()).getString("status"));
  }

  @Test
  void aSpentKeyAnswers200WithTheFirstEventsOutcome() throws Exception {
    HttpResponse<String> again = submit(new SubmitReply(13, true, SubmitReply.Status.FAILED, "balance would go below zero"));
    assertEquals(200, again.statusCode());
    JsonObject body = new JsonObject(again.body());
    assertEquals(true, body.getBoolean("duplicate"));
    assertEquals("failed", body.getString("status"));
    assertEquals("balance would go below zero", body.getString("error"));
  }

  @Test
  void anEventTheLedgerRefusedAnswers422WithItsReason() throws Exception {
    HttpResponse<String> refused = submit(new SubmitReply(14, false, SubmitReply.Status.FAILED,
        "balance would go below zero: balance 0, change -100"));
    assertEquals(422, refused.statusCode());
    assertEquals(new JsonObject().put("error", "balance would go below zero: balance 0, change -100").put("eventId", 14),
        new JsonObject(refused.body()));
  }

  @Test
  void anEngineThatReportsNoStatusYetCountsAsApplied() throws Exception {
    HttpResponse<String> response = submit(new JsonObject().put("eventId", 15).put("duplicate", false));
    assertEquals(202, response.statusCode());
    assertEquals("completed", new JsonObject(response.body()).getString("status"));
  }
}
