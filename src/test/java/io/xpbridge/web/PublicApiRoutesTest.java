package io.xpbridge.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import io.xpbridge.support.ServiceFixture;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /api/public/leaderboard} against the real service and database: no token, CORS open,
 * 400/404 from the bus, the language from {@code lang} or {@code Accept-Language}, no platform id in the
 * body, a token bucket per client (429 with Retry-After), and nothing mounted with web.enabled=false.
 */
class PublicApiRoutesTest {
  static final HttpClient HTTP = HttpClient.newHttpClient();
  static final long TELEGRAM_ID = 5_550_001_234L;
  static final long DISCORD_ID = 990_000_000_000_000_321L;
  static ServiceFixture service;
  static ServiceFixture limited;
  static ServiceFixture disabled;

  @BeforeAll
  static void start() {
    service = ServiceFixture.start(PublicApiRoutesTest.class,
        config -> config.put("web", new JsonObject().put("publicApiBurst", 1_000)));
    long ann = service.sql.queryLong("INSERT INTO players (xp, season, season_xp, display_name) "
        + "VALUES (1000, 1, 40, '<script>alert(1)</script>') RETURNING id");
    service.sql.update("INSERT INTO telegram_identities (telegram_id, player_id, username) VALUES (?, ?, 'ann')",
        TELEGRAM_ID, ann);
    service.sql.update("INSERT INTO discord_identities (discord_id, player_id, username, avatar_url) "
        + "VALUES (?, ?, 'ann', ?)", DISCORD_ID, ann, "https://cdn.discordapp.com/avatars/" + DISCORD_ID + "/a1.png");
    limited = ServiceFixture.start(PublicApiRoutesTest.class, config -> config.put("web",
        new JsonObject().put("publicApiBurst", 3).put("publicApiRatePerSecond", 0.01)));
    disabled = ServiceFixture.start(PublicApiRoutesTest.class,
        config -> config.put("web", new JsonObject().put("enabled", false)));
  }

  @AfterAll
  static void stop() {
    for (ServiceFixture fixture : new ServiceFixture[] {service, limited, disabled}) {
      if (fixture != null) {
        fixture.close();
      }
    }
  }

  private static HttpResponse<String> get(ServiceFixture on, String pathAndQuery, String... headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + on.httpPort()
        + pathAndQuery)).GET();
    if (headers.length > 0) {
      request.headers(headers);
    }
    try {
      return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void theLeaderboardIsOpenToEveryOriginWithoutAToken() {
    HttpResponse<String> response = get(service, "/api/public/leaderboard");

    assertEquals(200, response.statusCode(), response.body());
    assertEquals("*", response.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
    assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
    JsonObject body = new JsonObject(response.body());
    assertEquals("season", body.getString("scope"));
    assertEquals(1, body.getInteger("page"));
    assertEquals(50, body.getInteger("pageSize"));
    JsonObject first = body.getJsonArray("players").getJsonObject(0);
    assertEquals("<script>alert(1)</script>", first.getString("name"), "JSON carries the name as data");
    assertEquals(40, first.getLong("xp"));
  }

  @Test
  void noPlatformIdIsInTheBody() {
    String body = get(service, "/api/public/leaderboard?season=all").body();
    assertFalse(body.contains(Long.toString(TELEGRAM_ID)), body);
    assertFalse(body.contains(Long.toString(DISCORD_ID)), body);
    assertFalse(body.contains("playerId") || body.contains("telegramId") || body.contains("discordId"), body);
    String publicId = service.sql.queryString("SELECT public_id FROM players WHERE display_name LIKE '<script>%'");
    assertEquals("/avatars/" + publicId + ".png",
        new JsonObject(body).getJsonArray("players").getJsonObject(0).getString("avatarUrl"),
        "the custom avatar under the public id, not its CDN address");
  }

  @Test
  void aPreflightIsAnsweredWithTheAllowedMethods() throws Exception {
    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
            + service.httpPort() + "/api/public/leaderboard"))
        .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
        .header("Origin", "https://community.example.org").header("Access-Control-Request-Method", "GET").build(),
        HttpResponse.BodyHandlers.ofString());

    assertEquals(204, response.statusCode());
    assertEquals("*", response.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
    assertTrue(response.headers().firstValue("Access-Control-Allow-Methods").orElse("").contains("GET"));
  }

  @Test
  void rankNamesFollowLangOrElseAcceptLanguage() {
    assertEquals("Младший сержант", rankName(get(service, "/api/public/leaderboard?lang=ru")));
    assertEquals("Junior Sergeant", rankName(get(service, "/api/public/leaderboard?lang=en",
        "Accept-Language", "ru-RU,ru;q=0.9")));
    assertEquals("Младший сержант", rankName(get(service, "/api/public/leaderboard",
        "Accept-Language", "de-DE,de;q=0.9,ru;q=0.8,en;q=0.5")));
    assertEquals("Junior Sergeant", rankName(get(service, "/api/public/leaderboard",
        "Accept-Language", "fr")));
  }

  private static String rankName(HttpResponse<String> response) {
    assertEquals(200, response.statusCode(), response.body());
    return new JsonObject(response.body()).getJsonArray("players").getJsonObject(0).getJsonObject("rank")
        .getString("name");
  }

  @Test
  void badParametersAre400NamingThemAndAnUnknownSeason404() {
    for (String query : List.of("page=0", "page=two", "season=spring", "lang=de", "page=1&page=2")) {
      HttpResponse<String> response = get(service, "/api/public/leaderboard?" + query);
      assertEquals(400, response.statusCode(), query + ": " + response.body());
      String name = query.substring(0, query.indexOf('='));
      assertTrue(new JsonObject(response.body()).getString("error").contains("'" + name + "'"), response.body());
      assertEquals("*", response.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
    }
    HttpResponse<String> unknown = get(service, "/api/public/leaderboard?season=42");
    assertEquals(404, unknown.statusCode(), unknown.body());
    assertTrue(new JsonObject(unknown.body()).getString("error").contains("42"), unknown.body());
  }

  @Test
  void beyondTheBurstAClientIsAnswered429WithRetryAfter() {
    for (int i = 0; i < 3; i++) {
      assertEquals(200, get(limited, "/api/public/leaderboard").statusCode(), "request " + (i + 1) + " of the burst");
    }
    HttpResponse<String> refused = get(limited, "/api/public/leaderboard");

    assertEquals(429, refused.statusCode(), refused.body());
    long retryAfter = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
    assertEquals(100, retryAfter, "one token at 0.01 a second");
    assertEquals("*", refused.headers().firstValue("Access-Control-Allow-Origin").orElse(null),
        "a page embedding it can read the refusal");
  }

  @Test
  void withTheWebDisabledThePublicJsonIsNotThere() {
    HttpResponse<String> response = get(disabled, "/api/public/leaderboard");
    assertEquals(404, response.statusCode(), response.body());
    assertTrue(response.headers().firstValue("Access-Control-Allow-Origin").isEmpty());
  }
}
