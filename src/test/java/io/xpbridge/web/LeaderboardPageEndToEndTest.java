package io.xpbridge.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import io.xpbridge.support.ServiceFixture;
import io.xpbridge.support.TestConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The pages on the whole service and a seeded database: the real producer of
 * {@code Bus.PUBLIC_STANDINGS} / {@code PUBLIC_PLAYER} (helper W1's part of issue 15), the real engine,
 * real seasons. Needs that producer: until it is merged these tests answer 503.
 *
 * <p>Seed: four visible players (one of them on Discord with an avatar, one named {@code <script>}),
 * one hidden and one who left the guild, both with more XP than anyone visible; season 1 archived
 * with all of them, season 2 ("Зима") running with one player's XP.
 */
class LeaderboardPageEndToEndTest {
  static final HttpClient http = HttpClient.newHttpClient();
  static final long ALICE = 5_550_001_001L;
  static final long ANNA = 5_550_001_002L;
  static final long SCRIPT = 5_550_001_003L;
  static final long HIDDEN = 5_550_001_005L;
  static final long DIANA = 412_345_678_901_234_004L;
  static final long LEAVER = 412_345_678_901_234_006L;
  static final String AVATAR = "https://cdn.discordapp.com/avatars/412345678901234004/a1b2c3.png";
  static ServiceFixture service;

  @BeforeAll
  static void seed() throws Exception {
    service = ServiceFixture.start(LeaderboardPageEndToEndTest.class);
    telegram("alice_1", ALICE, 700, "Alice");
    telegram("anna_1", ANNA, 400, "Анна Петрова");
    telegram("script_1", SCRIPT, 150, "<script>alert(1)</script>");
    telegram("hidden_1", HIDDEN, 900, "Hidden Harry");
    discord("diana_1", DIANA, 300, "Diana");
    discord("leaver_1", LEAVER, 800, "Leaving Larry");
    service.sql.update("UPDATE players SET hidden = true WHERE id = "
        + "(SELECT player_id FROM telegram_identities WHERE telegram_id = ?)", HIDDEN);
    service.sql.update("UPDATE discord_identities SET avatar_url = ? WHERE discord_id = ?", AVATAR, DIANA);
    service.sql.update("UPDATE discord_identities SET left_guild_at = now() WHERE discord_id = ?", LEAVER);
    HttpResponse<String> winter = http.send(HttpRequest.newBuilder(url("/api/v1/seasons"))
        .header("Authorization", "Bearer " + TestConfig.ADMIN_TOKEN).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"Зима\"}")).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(201, winter.statusCode(), winter.body());
    service.submit(ServiceFixture.xp("script_2", SCRIPT, 100));
  }

  @AfterAll
  static void stop() {
    service.close();
  }

  static void telegram(String key, long telegramId, long xp, String name) {
    service.submit(ServiceFixture.xp(key, telegramId, xp));
    service.sql.update("UPDATE players SET display_name = ? WHERE id = "
        + "(SELECT player_id FROM telegram_identities WHERE telegram_id = ?)", name, telegramId);
  }

  static void discord(String key, long discordId, long xp, String name) {
    service.submit(new JsonObject().put("source", "discord").put("type", "xp_change").put("discordId", discordId)
        .put("xp", xp).put("idempotencyKey", key));
    service.sql.update("UPDATE players SET display_name = ? WHERE id = "
        + "(SELECT player_id FROM discord_identities WHERE discord_id = ?)", name, discordId);
  }

  static URI url(String path) {
    return URI.create("http://127.0.0.1:" + service.httpPort() + path);
  }

  static HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(url(path)).build(), HttpResponse.BodyHandlers.ofString());
  }

  static List<String> names(String html) {
    Matcher m = Pattern.compile("<a class=\"name\" href=\"[^\"]+\">([^<]*)</a>").matcher(html);
    List<String> found = new ArrayList<>();
    while (m.find()) {
      found.add(m.group(1));
    }
    return found;
  }

  static String publicIdOfTelegram(long telegramId) {
    return service.sql.queryString("SELECT p.public_id FROM players p JOIN telegram_identities t ON t.player_id = p.id "
        + "WHERE t.telegram_id = ?", telegramId);
  }

  static String publicIdOfDiscord(long discordId) {
    return service.sql.queryString("SELECT p.public_id FROM players p JOIN discord_identities d ON d.player_id = p.id "
        + "WHERE d.discord_id = ?", discordId);
  }

  @Test
  void allTimeRanksVisiblePlayersByLifetimeXpWithoutHiddenOrLeavers() throws Exception {
    HttpResponse<String> page = get("/leaderboard?season=all");
    assertEquals(200, page.statusCode(), page.body());
    assertEquals(List.of("Alice", "Анна Петрова", "Diana", "&lt;script&gt;alert(1)&lt;/script&gt;"), names(page.body()));
    assertFalse(page.body().contains("Hidden Harry") || page.body().contains("Leaving Larry"));
    // Her custom avatar's address names her Discord id: the page shows it under her public id (web.AvatarRoutes).
    assertFalse(page.body().contains(AVATAR));
    assertTrue(page.body().contains("src=\"/avatars/" + publicIdOfDiscord(DIANA) + ".png\""), page.body());
    assertFalse(page.body().contains("<script>"));
  }

  @Test
  void theCurrentSeasonCountsOnlyItsXpAndThePastSeasonIsASwitch() throws Exception {
    HttpResponse<String> current = get("/");
    assertEquals(200, current.statusCode(), current.body());
    assertEquals(List.of("&lt;script&gt;alert(1)&lt;/script&gt;"), names(current.body()));
    assertTrue(current.body().contains("data-season=\"1\""), "archived season 1 is offered");
    HttpResponse<String> past = get("/leaderboard?season=1");
    assertEquals(200, past.statusCode(), past.body());
    assertEquals(List.of("Alice", "Анна Петрова", "Diana", "&lt;script&gt;alert(1)&lt;/script&gt;"), names(past.body()));
    assertEquals(404, get("/leaderboard?season=99").statusCode());
  }

  @Test
  void noPlatformIdOrInternalIdAppearsInAnyPage() throws Exception {
    String html = get("/leaderboard?season=all").body() + get("/").body() + get("/leaderboard?season=1").body()
        + get("/players/" + publicIdOfTelegram(ANNA)).body();
    for (long id : List.of(ALICE, ANNA, SCRIPT, HIDDEN, DIANA, LEAVER)) {
      assertFalse(html.contains(Long.toString(id)), "platform id " + id + " in the page");
    }
  }

  @Test
  void aPlayerPageShowsRankPlacesAndCardAndAHiddenPlayerIsNotFound() throws Exception {
    String anna = publicIdOfTelegram(ANNA);
    HttpResponse<String> page = get("/players/" + anna + "?lang=en");
    assertEquals(200, page.statusCode(), page.body());
    assertTrue(page.body().contains("id=\"player\""));
    assertTrue(page.body().contains("Анна Петрова"));
    assertTrue(page.body().contains("<dd id=\"lifetime-place\">#2</dd>"), page.body());
    assertTrue(page.body().contains("src=\"/cards/" + anna + ".png\""));
    assertEquals(404, get("/players/" + publicIdOfTelegram(HIDDEN)).statusCode());
    assertEquals(404, get("/players/doesnotexist0000").statusCode());
  }
}
