package io.xpbridge.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.xpbridge.config.DatabaseUrl;
import io.xpbridge.support.ServiceFixture;
import io.xpbridge.support.TestConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Admins start timed boosts over the API; they are stored, listed with the config's, and applied. */
class BoostsApiTest {
  static final HttpClient http = HttpClient.newHttpClient();
  static final UnaryOperator<JsonObject> SCHEDULED = config -> {
    config.getJsonObject("economy").put("boosts", new JsonArray().add(new JsonObject().put("name", "new year")
        .put("from", "2099-12-31T21:00:00Z").put("to", "2100-01-01T21:00:00Z").put("multiplier", 3)));
    return config;
  };

  static HttpResponse<String> call(ServiceFixture service, String method, String path, String body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.httpPort() + path))
        .header("Authorization", "Bearer " + TestConfig.ADMIN_TOKEN)
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  static JsonObject message(String key, long discordId) {
    return new JsonObject().put("source", "discord").put("type", "xp_change").put("discordId", discordId)
        .put("xp", 10).put("idempotencyKey", key).put("activity", new JsonObject().put("kind", "voice").put("channelId", 3));
  }

  @Test
  void aStartedBoostIsListedAppliedOnItsPlatformAndSurvivesARestart() throws Exception {
    ServiceFixture service = ServiceFixture.start(BoostsApiTest.class, SCHEDULED);
    DatabaseUrl db = service.app.databaseUrl();
    try {
      HttpResponse<String> started = call(service, "POST", "/api/v1/boosts",
          new JsonObject().put("name", "raid night").put("multiplier", 2).put("minutes", 30)
              .put("platforms", new JsonArray().add("discord")).encode());
      assertEquals(201, started.statusCode(), started.body());
      JsonObject boost = new JsonObject(started.body());
      assertEquals("api", boost.getString("source"));
      assertEquals(true, boost.getBoolean("active"));
      assertEquals(List.of("discord"), boost.getJsonArray("platforms").getList());

      JsonArray listed = new JsonObject(call(service, "GET", "/api/v1/boosts", null).body()).getJsonArray("boosts");
      assertEquals(List.of("raid night", "new year"), listed.stream().map(b -> ((JsonObject) b).getString("name")).toList(),
          "the running one first, then the one the config schedules");
      assertEquals(false, listed.getJsonObject(1).getBoolean("active"));

      service.submit(message("boosted_voice", 7001));
      assertEquals(20, xpOfDiscord(service, 7001), "10 XP x 2 while the boost runs");
      JsonObject profile = service.request(io.xpbridge.bus.Bus.PLAYERS_PROFILE, new JsonObject().put("discordId", 7001));
      assertEquals(List.of("raid night"), profile.getJsonArray("boosts").stream()
          .map(b -> ((JsonObject) b).getString("name")).toList(), "/profile shows the running boost, not the scheduled one");
      service.submit(new JsonObject().put("source", "telegram").put("type", "xp_change").put("telegramId", 7002)
          .put("xp", 10).put("idempotencyKey", "not_boosted_game")
          .put("activity", new JsonObject().put("kind", "game").put("chatId", 7002)));
      assertEquals(10, service.sql.queryLong("SELECT delta_xp FROM transactions WHERE idempotency_key = 'not_boosted_game'"),
          "a Discord boost does not apply in Telegram");

      for (JsonObject bad : List.of(new JsonObject().put("multiplier", 2).put("minutes", 5),
          new JsonObject().put("name", "x").put("multiplier", -1).put("minutes", 5),
          new JsonObject().put("name", "x").put("multiplier", 2).put("minutes", 0),
          new JsonObject().put("name", "x").put("multiplier", 2).put("minutes", 5).put("platforms", new JsonArray().add("icq")))) {
        HttpResponse<String> refused = call(service, "POST", "/api/v1/boosts", bad.encode());
        assertEquals(400, refused.statusCode(), bad.encode() + " -> " + refused.body());
        assertTrue(new JsonObject(refused.body()).getString("error").startsWith("'"), refused.body());
      }
    } finally {
      service.close();
    }
    try (ServiceFixture restarted = ServiceFixture.startOn(db, SCHEDULED)) {
      restarted.submit(message("boosted_after_restart", 7001));
      assertEquals(40, xpOfDiscord(restarted, 7001), "stored: still running after a restart");
    }
  }

  static long xpOfDiscord(ServiceFixture service, long discordId) {
    return service.sql.queryLong("SELECT p.xp FROM players p JOIN discord_identities d ON d.player_id = p.id "
        + "WHERE d.discord_id = ?", discordId);
  }
}
