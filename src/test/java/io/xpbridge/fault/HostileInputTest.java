package io.xpbridge.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;
import io.xpbridge.bus.Bus;
import io.xpbridge.bus.Refusal;
import io.xpbridge.support.ServiceFixture;
import io.xpbridge.support.TestConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Fuzzed admin bodies, bus messages, tokens and link codes: clear answers, nothing written, no crash. */
class HostileInputTest {
  static ServiceFixture service;
  static final HttpClient http = HttpClient.newHttpClient();
  static final Random random = new Random(20261125);

  @BeforeAll
  static void start() {
    service = ServiceFixture.start(HostileInputTest.class);
  }

  @AfterAll
  static void stop() {
    service.close();
  }

  private HttpResponse<String> post(String path, String token, String body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.httpPort() + path))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  static String randomText(int length) {
    StringBuilder text = new StringBuilder();
    while (text.length() < length) {
      int codePoint = random.nextInt(5) == 0 ? 0x1F300 + random.nextInt(0x300) : 0x20 + random.nextInt(0x2FFF);
      if (Character.isValidCodePoint(codePoint) && !Character.isSurrogate((char) codePoint)) {
        text.appendCodePoint(codePoint);
      }
    }
    return text.toString();
  }

  @Test
  void fuzzedAdminBodiesGetA400AndWriteNothing() throws Exception {
    long eventsBefore = service.sql.queryLong("SELECT count(*) FROM sync_events");
    long playersBefore = service.sql.queryLong("SELECT count(*) FROM players");
    List<String> bodies = new java.util.ArrayList<>(List.of(
        "", "null", "[]", "\"text\"", "{", "{\"source\":\"telegram\"}",
        "{\"source\":\"telegram\",\"type\":\"xp_change\",\"telegramId\":1,\"xp\":1e309,\"idempotencyKey\":\"a\"}",
        "{\"source\":\"telegram\",\"type\":\"xp_change\",\"telegramId\":1,\"xp\":99999999999999999999999,\"idempotencyKey\":\"a\"}",
        "{\"source\":\"telegram\",\"type\":\"xp_change\",\"telegramId\":-5,\"xp\":1,\"idempotencyKey\":\"a\"}",
        "{\"source\":\"telegram\",\"type\":\"xp_change\",\"telegramId\":\"1; DROP TABLE players;--\",\"xp\":1,\"idempotencyKey\":\"a\"}",
        "{\"source\":\"'; DELETE FROM players; --\",\"type\":\"xp_change\",\"telegramId\":1,\"xp\":1,\"idempotencyKey\":\"a\"}",
        "{\"source\":\"telegram\",\"type\":\"xp_change\",\"telegramId\":1,\"xp\":1,\"idempotencyKey\":\"" + "k".repeat(10_000) + "\"}",
        "{\"source\":\"telegram\",\"type\":\"xp_change\",\"telegramId\":1,\"xp\":1,\"idempotencyKey\":\"a\",\"reason\":\"" + "r".repeat(10_000) + "\"}",
        "{\"source\":\"telegram\",\"type\":\"xp_change\",\"telegramId\":1,\"xp\":1,\"idempotencyKey\":\"a\",\"data\":[1]}",
        "{\"source\":\"telegram\",\"type\":\"balance_change\",\"telegramId\":1,\"balance\":0,\"idempotencyKey\":\"a\"}"));
    for (int i = 0; i < 40; i++) {
      bodies.add(new JsonObject().put("source", randomText(5)).put("type", randomText(8))
          .put("telegramId", randomText(12)).put("xp", randomText(3)).put("idempotencyKey", randomText(30)).encode());
      bodies.add(randomText(1 + random.nextInt(200)));
    }
    for (String body : bodies) {
      HttpResponse<String> response = post("/api/v1/events", TestConfig.ADMIN_TOKEN, body);
      assertEquals(400, response.statusCode(), body.length() > 200 ? body.substring(0, 200) : body);
      assertTrue(new JsonObject(response.body()).getString("error").length() > 5, response.body());
    }
    HttpResponse<String> huge = post("/api/v1/events", TestConfig.ADMIN_TOKEN, "{\"x\":\"" + "y".repeat(200_000) + "\"}");
    assertEquals(413, huge.statusCode());
    assertEquals(eventsBefore, service.sql.queryLong("SELECT count(*) FROM sync_events"), "nothing was written");
    assertEquals(playersBefore, service.sql.queryLong("SELECT count(*) FROM players"),
        "no player created or deleted by injection attempts");
    System.out.printf("hostile input test: %d malformed admin bodies answered 400, 1 oversized answered 413, 0 written%n",
        bodies.size());
  }

  @Test
  void wrongTokensOfAnyShapeAre401() throws Exception {
    for (String token : List.of("", "x", TestConfig.ADMIN_TOKEN.substring(1), TestConfig.ADMIN_TOKEN + " ",
        TestConfig.ADMIN_TOKEN.toUpperCase(), randomText(500))) {
      HttpResponse<String> response = post("/api/v1/events", token.isBlank() ? null : token.replaceAll("[^\\x21-\\x7e]", "z"), "{}");
      assertEquals(401, response.statusCode());
    }
  }

  @Test
  void fuzzedBusMessagesAreRefusedClearlyAndTheEngineKeepsWorking() {
    for (int i = 0; i < 100; i++) {
      JsonObject garbage = new JsonObject().put("source", random.nextBoolean() ? "telegram" : randomText(4))
          .put("type", random.nextBoolean() ? "xp_change" : randomText(6))
          .put("telegramId", random.nextBoolean() ? (Object) (long) random.nextInt() : randomText(4))
          .put("xp", random.nextBoolean() ? (Object) random.nextLong() : randomText(4));
      Throwable failure = service.requestFailure(Bus.EVENTS_SUBMIT, garbage);
      assertTrue(failure instanceof ReplyException, failure.toString());
      assertEquals(400, ((ReplyException) failure).failureCode(), failure.getMessage());
    }
    assertEquals(false, service.submit(ServiceFixture.xp("still_alive", 42, 1)).getBoolean("duplicate"));
  }

  @Test
  void linkCodeBruteForceStopsAfterTheConfiguredAttempts() {
    service.request(Bus.PLAYERS_REGISTER, new JsonObject().put("telegramId", 777).put("chatId", 777));
    String realCode = service.request(Bus.LINK_ISSUE, new JsonObject().put("telegramId", 777)).getString("code");
    int refusedAsWrong = 0;
    int blocked = 0;
    for (int attempt = 0; attempt < 8; attempt++) {
      Throwable failure = service.requestFailure(Bus.LINK_REDEEM,
          new JsonObject().put("code", "WRONG" + attempt + "ABC").put("discordId", 888));
      int code = ((ReplyException) failure).failureCode();
      if (code == 404) {
        refusedAsWrong++;
      } else if (code == 429) {
        blocked++;
        Refusal.Refused refused = Refusal.of(failure);
        assertEquals(Refusal.LINK_TOO_MANY_ATTEMPTS, refused.refusal(), failure.getMessage());
        long minutes = Long.parseLong(refused.detail());
        assertTrue(minutes >= 1 && minutes <= 10, "minutes until the next try: " + minutes);
      }
    }
    assertEquals(5, refusedAsWrong);
    assertEquals(3, blocked);
    Throwable evenTheRightCode = service.requestFailure(Bus.LINK_REDEEM,
        new JsonObject().put("code", realCode).put("discordId", 888));
    assertEquals(429, ((ReplyException) evenTheRightCode).failureCode(), "blocked users cannot keep guessing");
    JsonObject linked = service.request(Bus.LINK_REDEEM, new JsonObject().put("code", realCode.toLowerCase())
        .put("discordId", 889));
    assertTrue(linked.getLong("playerId") > 0, "another user is not blocked; codes are case-insensitive");
  }
}
