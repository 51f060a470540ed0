package io.xpbridge.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.xpbridge.support.ServiceFixture;
import io.xpbridge.support.TestConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /api/v1/events/batch} reaches the engine as one message: the whole request meets the
 * intake's limit at once, so with room for 10 waiting submits a batch of 30 is 10 accepted and 20
 * answered 503 (never a few more or less, as separate messages flushed in between would give), and
 * sending the 503 ones again applies every event once.
 */
class BatchIntakeTest {
  static final int ROOM = 10;
  static final HttpClient HTTP = HttpClient.newHttpClient();
  static ServiceFixture service;

  @BeforeAll
  static void start() {
    service = ServiceFixture.start(BatchIntakeTest.class,
        config -> config.put("sync", config.getJsonObject("sync").copy().put("maxWaitingSubmits", ROOM)));
  }

  @AfterAll
  static void stop() {
    service.close();
  }

  @Test
  void aBatchLargerThanTheIntakesRoomIsAcceptedUpToItAndTheRestAgainOnce() throws Exception {
    List<Integer> toSend = new ArrayList<>();
    for (int i = 1; i <= 30; i++) {
      toSend.add(i);
    }

    HttpResponse<String> first = post(toSend);

    assertEquals(200, first.statusCode(), first.body());
    assertEquals("1", first.headers().firstValue("Retry-After").orElse(null), "503s in a batch ask to retry");
    List<Integer> codes = codes(first);
    List<Integer> expected = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      expected.add(i < ROOM ? 202 : 503);
    }
    assertEquals(expected, codes);
    assertEquals(ROOM, service.sql.queryLong("SELECT count(*) FROM transactions WHERE idempotency_key LIKE 'room_%'"));

    int rounds = 1;
    while (!toSend.isEmpty()) {
      List<Integer> again = new ArrayList<>();
      List<Integer> answered = codes(post(toSend));
      for (int i = 0; i < toSend.size(); i++) {
        if (answered.get(i) == 503) {
          again.add(toSend.get(i));
        } else if (rounds > 1) {
          assertEquals(202, answered.get(i), "a retried event is new to the ledger");
        }
      }
      toSend = again;
      rounds++;
    }
    assertEquals(30, service.sql.queryLong("SELECT count(*) FROM transactions WHERE idempotency_key LIKE 'room_%'"));
    assertEquals(30, service.sql.queryLong("SELECT count(DISTINCT idempotency_key) FROM transactions "
        + "WHERE idempotency_key LIKE 'room_%'"), "each event applied once");
  }

  private static HttpResponse<String> post(List<Integer> ids) throws Exception {
    JsonArray batch = new JsonArray();
    for (int id : ids) {
      batch.add(new JsonObject(StrictHttpInputTest.event("room_" + id, "\"telegramId\":" + (1000 + id) + ",\"xp\":1")));
    }
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.httpPort()
            + "/api/v1/events/batch"))
        .header("Authorization", "Bearer " + TestConfig.ADMIN_TOKEN).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(batch.encode())).build();
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static List<Integer> codes(HttpResponse<String> response) {
    return new JsonObject(response.body()).getJsonArray("results").stream()
        .map(r -> ((JsonObject) r).getInteger("code")).toList();
  }
}
