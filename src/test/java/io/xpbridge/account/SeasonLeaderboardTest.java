package io.xpbridge.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.xpbridge.bus.Bus;
import io.xpbridge.config.DatabaseUrl;
import io.xpbridge.store.Database;
import io.xpbridge.store.StandingsStore;
import io.xpbridge.support.Await;
import io.xpbridge.support.ServiceFixture;
import io.xpbridge.support.Sql;
import io.xpbridge.support.TestConfig;
import io.xpbridge.support.TestDatabases;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Standings of the running season, of lifetime XP and of ended seasons, over the bus and the admin
 * API, on seasons and season XP set up in PostgreSQL as the engine and a rollover leave them:
 * season 1 archived (its standings written), season 2 ended and still archiving, season 3 running.
 */
class SeasonLeaderboardTest {
  static final HttpClient HTTP = HttpClient.newHttpClient();
  static ServiceFixture service;
  static long ann;
  static long bob;
  static long cid;
  static long dan;
  static long eve;
  static long fay;
  static long gus;
  static long hal;

  @BeforeAll
  static void start() {
    service = ServiceFixture.start(SeasonLeaderboardTest.class);
    Sql sql = service.sql;
    sql.execute("UPDATE seasons SET state = 'archived', ended_at = now() - interval '2 days', players = 4 WHERE id = 1");
    sql.execute("INSERT INTO seasons (id, name, state, started_at, ended_at) "
        + "VALUES (2, 'Autumn', 'archiving', now() - interval '2 days', now() - interval '1 minute')");
    sql.execute("INSERT INTO seasons (id, name, state) VALUES (3, 'Spring', 'running')");
    // Current season (3): bob 80, ann 50, dan 50, eve 10. cid's 300 are season 2's (not reset yet: the
    // engine resets lazily), so cid has nothing this season. fay is merged, gus and hal earned nothing.
    ann = player("ann", 1_000, 3, 50, 9_001);
    bob = player("bob", 500, 3, 80, 9_002);
    cid = player("cid", 2_000, 2, 300, 9_003);
    dan = player("dan", 300, 3, 50, 9_004);
    eve = player("eve", 100, 3, 10, 9_005);
    fay = player("fay", 5_000, 3, 999, 9_006);
    sql.update("UPDATE players SET merged_into = ? WHERE id = ?", ann, fay);
    gus = player("gus", 0, 3, 0, 9_007);
    hal = player("hal", 500, 3, 0, 9_008);
    // Season 1's final standings, names as they were.
    for (Object[] row : new Object[][] {{cid, 1, 700, "cid then"}, {ann, 2, 400, "ann then"}, {bob, 2, 400, "bob then"},
        {dan, 4, 10, "dan then"}}) {
      sql.update("INSERT INTO season_standings (season_id, player_id, place, xp, name) VALUES (1, ?, ?, ?, ?)", row);
    }
  }

  @AfterAll
  static void stop() {
    service.close();
  }

  private static long player(String name, long xp, int season, long seasonXp, long telegramId) {
    long id = service.sql.queryLong("INSERT INTO players (xp, season, season_xp, display_name) VALUES (?, ?, ?, ?) "
        + "RETURNING id", xp, season, seasonXp, name);
    service.sql.update("INSERT INTO telegram_identities (telegram_id, player_id, username) VALUES (?, ?, ?)",
        telegramId, id, name);
    return id;
  }

  private static JsonObject board(JsonObject query) {
    return service.request(Bus.LEADERBOARD, query);
  }

  private static List<String> names(JsonObject board) {
    return players(board).stream().map(p -> p.getString("name")).toList();
  }

  private static List<Long> places(JsonObject board) {
    return players(board).stream().map(p -> p.getLong("place")).toList();
  }

  private static List<JsonObject> players(JsonObject board) {
    return board.getJsonArray("players").stream().map(JsonObject.class::cast).toList();
  }

  @Test
  void theCurrentSeasonRanksSeasonXpWithTiesSharingAPlace() {
    JsonObject board = board(new JsonObject());

    assertEquals("current", board.getString("scope"));
    JsonObject season = board.getJsonObject("season");
    assertEquals(3, season.getInteger("id"));
    assertEquals("Spring", season.getString("name"));
    assertEquals("running", season.getString("state"));
    assertTrue(season.containsKey("endedAt") && season.getValue("endedAt") == null, season.encode());
    assertFalse(season.containsKey("top"), "the season without its top: " + season.encode());
    assertEquals(4, board.getLong("total"));
    assertEquals(List.of("bob", "ann", "dan", "eve"), names(board), "ties in player id order");
    assertEquals(List.of(1L, 2L, 2L, 4L), places(board));
    assertEquals(List.of(80L, 50L, 50L, 10L), players(board).stream().map(p -> p.getLong("xp")).toList());
    JsonObject annsRank = players(board).get(1).getJsonObject("rank");
    assertEquals(4, annsRank.getInteger("number"), "the lifetime rank (1,000 XP), not the season's 50");
    assertEquals("Junior Sergeant", annsRank.getString("name"));
    assertEquals("Младший сержант", players(board(new JsonObject().put("language", "ru"))).get(1)
        .getJsonObject("rank").getString("name"));
  }

  @Test
  void aPlayerWhoseSeasonIsAnOlderOneHasNoXpThisSeason() {
    assertFalse(names(board(new JsonObject().put("season", "current").put("limit", 100))).contains("cid"),
        "cid's season_xp counts for season 2");
    JsonObject top = service.request(Bus.PLAYERS_TOP, new JsonObject().put("telegramId", 9_003));
    assertNull(top.getJsonObject("caller"), "no place this season: " + top.encode());
    JsonObject profile = service.request(Bus.PLAYERS_PROFILE, new JsonObject().put("playerId", cid));
    assertEquals(0, profile.getLong("seasonXp"));
    assertFalse(profile.containsKey("seasonPlace"), profile.encode());
    assertEquals("Spring", profile.getString("seasonName"));
  }

  @Test
  void allTimeRanksLifetimeXpWithoutASeason() {
    JsonObject board = board(new JsonObject().put("season", "all"));

    assertEquals("all", board.getString("scope"));
    assertTrue(board.containsKey("season") && board.getValue("season") == null, board.encode());
    assertEquals(6, board.getLong("total"), "merged fay and gus without XP are left out");
    assertEquals(List.of("cid", "ann", "bob", "hal", "dan", "eve"), names(board));
    assertEquals(List.of(1L, 2L, 3L, 3L, 5L, 6L), places(board));
  }

  @Test
  void pagesKeepTheirPlacesAndTheTotal() {
    JsonObject second = board(new JsonObject().put("limit", 2).put("offset", 1));
    assertEquals(List.of("ann", "dan"), names(second));
    assertEquals(List.of(2L, 2L), places(second));
    assertEquals(4, second.getLong("total"));

    JsonObject beyond = board(new JsonObject().put("offset", 10));
    assertEquals(List.of(), names(beyond));
    assertEquals(4, beyond.getLong("total"), "the total also for a page past the end");

    JsonObject tie = board(new JsonObject().put("season", "all").put("limit", 1).put("offset", 3));
    assertEquals(List.of("hal"), names(tie));
    assertEquals(List.of(3L), places(tie), "tied with the row before, on the page before");
  }

  @Test
  void pagesReadPastTheCachedHeadNumberTheirPlacesFromTheDatabase() {
    // offset + limit beyond Leaderboard.HEAD: read as asked, numbered by the store.
    JsonObject tied = board(new JsonObject().put("limit", 100).put("offset", 2));
    assertEquals(List.of("dan", "eve"), names(tied));
    assertEquals(List.of(2L, 4L), places(tied), "dan ties with ann on the place before the page");
    assertEquals(4, tied.getLong("total"));

    JsonObject lifetime = board(new JsonObject().put("season", "all").put("limit", 100).put("offset", 3));
    assertEquals(List.of("hal", "dan", "eve"), names(lifetime));
    assertEquals(List.of(3L, 5L, 6L), places(lifetime));
  }

  @Test
  void anArchivedSeasonShowsItsFinalStandings() {
    JsonObject board = board(new JsonObject().put("season", "1"));

    assertEquals("season", board.getString("scope"));
    assertEquals("archived", board.getJsonObject("season").getString("state"));
    assertEquals(4, board.getJsonObject("season").getInteger("players"));
    assertTrue(board.getJsonObject("season").getString("endedAt") != null);
    assertEquals(List.of("cid then", "ann then", "bob then", "dan then"), names(board));
    assertEquals(List.of(1L, 2L, 2L, 4L), places(board));
    assertEquals(700, players(board).get(0).getLong("xp"));
    assertEquals(5, players(board).get(0).getJsonObject("rank").getInteger("number"), "cid's lifetime 2,000 XP");

    JsonObject page = board(new JsonObject().put("season", "1").put("limit", 1).put("offset", 2));
    assertEquals(List.of("bob then"), names(page));
    assertEquals(4, page.getLong("total"));
  }

  @Test
  void aSeasonStillArchivingHasNoStandingsYetAndSaysSo() {
    JsonObject board = board(new JsonObject().put("season", "2"));

    assertEquals("archiving", board.getJsonObject("season").getString("state"));
    assertEquals("Autumn", board.getJsonObject("season").getString("name"));
    assertEquals(0, board.getLong("total"));
    assertEquals(List.of(), names(board));
  }

  @Test
  void theRunningSeasonAskedByIdIsTheCurrentStanding() {
    JsonObject board = board(new JsonObject().put("season", "3"));
    assertEquals("current", board.getString("scope"));
    assertEquals(List.of("bob", "ann", "dan", "eve"), names(board));
  }

  @Test
  void topShowsTheSeasonOrLifetimeWithTheCallersPlace() {
    JsonObject season = service.request(Bus.PLAYERS_TOP, new JsonObject().put("telegramId", 9_004));
    assertEquals("current", season.getString("scope"));
    assertEquals("Spring", season.getString("seasonName"));
    assertEquals(3, season.getInteger("seasonId"));
    assertEquals(List.of("bob", "ann", "dan", "eve"), season.getJsonArray("entries").stream()
        .map(e -> ((JsonObject) e).getString("displayName")).toList());
    assertEquals(new JsonObject().put("place", 2).put("xp", 50), season.getJsonObject("caller"));

    JsonObject lifetime = service.request(Bus.PLAYERS_TOP, new JsonObject().put("telegramId", 9_004)
        .put("season", "all").put("limit", 3));
    assertEquals("all", lifetime.getString("scope"));
    assertFalse(lifetime.containsKey("seasonName"), lifetime.encode());
    assertEquals(List.of("cid", "ann", "bob"), lifetime.getJsonArray("entries").stream()
        .map(e -> ((JsonObject) e).getString("displayName")).toList());
    assertEquals(new JsonObject().put("place", 5).put("xp", 300), lifetime.getJsonObject("caller"),
        "the caller's place below the list, counted live");

    JsonObject nobody = service.request(Bus.PLAYERS_TOP, new JsonObject().put("telegramId", 9_007).put("season", "all"));
    assertNull(nobody.getJsonObject("caller"), "gus has no XP, so no place: " + nobody.encode());
    Throwable bad = service.requestFailure(Bus.PLAYERS_TOP, new JsonObject().put("season", "yesterday"));
    assertEquals(400, ((ReplyException) bad).failureCode());
    assertTrue(bad.getMessage().startsWith("'season'"), bad.getMessage());
  }

  @Test
  void theProfileShowsSeasonXpAndPlace() {
    JsonObject profile = service.request(Bus.PLAYERS_PROFILE, new JsonObject().put("telegramId", 9_004));
    assertEquals(300, profile.getLong("xp"));
    assertEquals(50, profile.getLong("seasonXp"));
    assertEquals(2, profile.getLong("seasonPlace"), "tied with ann behind bob");
    assertEquals("Spring", profile.getString("seasonName"));
  }

  @Test
  void badQueriesAreRefusedNamingTheFieldAndAnUnknownSeasonIs404() {
    for (JsonObject bad : List.of(new JsonObject().put("season", "last"), new JsonObject().put("season", "-1"),
        new JsonObject().put("season", "0"), new JsonObject().put("limit", 0), new JsonObject().put("limit", 101),
        new JsonObject().put("offset", -1), new JsonObject().put("limit", "ten"))) {
      Throwable refused = service.requestFailure(Bus.LEADERBOARD, bad);
      assertEquals(400, ((ReplyException) refused).failureCode(), bad.encode());
      String field = bad.fieldNames().iterator().next();
      assertTrue(refused.getMessage().startsWith("'" + field + "'"), bad.encode() + " -> " + refused.getMessage());
    }
    Throwable unknown = service.requestFailure(Bus.LEADERBOARD, new JsonObject().put("season", "99"));
    assertEquals(404, ((ReplyException) unknown).failureCode());
    assertEquals("no season 99", unknown.getMessage());
  }

  @Test
  void theAdminApiServesTheLeaderboard() throws Exception {
    HttpResponse<String> ok = get("/api/v1/leaderboard?season=all&limit=2&offset=1", TestConfig.ADMIN_TOKEN);
    assertEquals(200, ok.statusCode(), ok.body());
    assertEquals("application/json", ok.headers().firstValue("Content-Type").orElse(null));
    JsonObject body = new JsonObject(ok.body());
    assertEquals("all", body.getString("scope"));
    assertEquals(6, body.getLong("total"));
    assertEquals(List.of("ann", "bob"), names(body));
    assertEquals(List.of(2L, 3L), places(body));

    JsonObject current = new JsonObject(get("/api/v1/leaderboard", TestConfig.ADMIN_TOKEN).body());
    assertEquals("Spring", current.getJsonObject("season").getString("name"));
    assertEquals(4, current.getJsonArray("players").size());
    JsonObject archived = new JsonObject(get("/api/v1/leaderboard?season=1&limit=1", TestConfig.ADMIN_TOKEN).body());
    assertEquals(List.of("cid then"), names(archived));

    String[][] refused = {{"season=yesterday", "season"}, {"limit=abc", "limit"}, {"limit=0", "limit"},
        {"limit=500", "limit"}, {"offset=-3", "offset"}, {"offset=1.5", "offset"}, {"limit=1&limit=2", "limit"},
        {"limit=99999999999", "limit"}};
    for (String[] bad : refused) {
      HttpResponse<String> answer = get("/api/v1/leaderboard?" + bad[0], TestConfig.ADMIN_TOKEN);
      assertEquals(400, answer.statusCode(), bad[0] + " -> " + answer.body());
      assertTrue(new JsonObject(answer.body()).getString("error").startsWith("'" + bad[1] + "'"),
          bad[0] + " -> " + answer.body());
    }
    HttpResponse<String> unknown = get("/api/v1/leaderboard?season=42", TestConfig.ADMIN_TOKEN);
    assertEquals(404, unknown.statusCode());
    assertEquals("no season 42", new JsonObject(unknown.body()).getString("error"));
    assertEquals(401, get("/api/v1/leaderboard", "wrong-token").statusCode());
  }

  private static HttpResponse<String> get(String path, String token) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.httpPort() + path))
        .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void snapshotsAreForgottenWhenASeasonStartsAndReadAtMostOncePerMaxAge() {
    // Its own database: this test starts a season.
    DatabaseUrl db = TestDatabases.create(SeasonLeaderboardTest.class);
    Sql sql = new Sql(db);
    Pool pool = Database.pool(service.vertx, db, 1);
    try {
      AtomicLong now = new AtomicLong(1_000_000);
      Leaderboard board = new Leaderboard(new StandingsStore(pool), now::get);
      long first = sql.queryLong("INSERT INTO players (xp, season, season_xp) VALUES (10, 1, 10) RETURNING id");
      assertEquals(List.of(first), ids(Await.result(board.current(10, 0)).page()));

      long second = sql.queryLong("INSERT INTO players (xp, season, season_xp) VALUES (20, 1, 20) RETURNING id");
      now.addAndGet(Leaderboard.MAX_AGE_MS - 1);
      assertEquals(List.of(first), ids(Await.result(board.current(10, 0)).page()),
          "within the max age the snapshot is served");
      now.addAndGet(1);
      assertEquals(List.of(second, first), ids(Await.result(board.current(10, 0)).page()),
          "past it the database is read again");

      sql.execute("UPDATE seasons SET state = 'archiving', ended_at = now() WHERE id = 1");
      sql.execute("INSERT INTO seasons (id, name, state) VALUES (2, 'Next', 'running')");
      assertEquals(1, Await.result(board.current(10, 0)).season().id(), "the snapshot of the old season, still fresh");
      board.forget();
      Leaderboard.SeasonPage started = Await.result(board.current(10, 0));
      assertEquals(2, started.season().id());
      assertEquals(List.of(), ids(started.page()), "nobody has XP in the new season yet");
      assertEquals(List.of(second, first), ids(Await.result(board.allTime(10, 0))), "lifetime XP stays");
    } finally {
      Await.result(pool.close());
    }
  }

  private static List<Long> ids(StandingsStore.Page page) {
    return page.entries().stream().map(StandingsStore.Entry::playerId).toList();
  }
}
