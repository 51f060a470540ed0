package io.xpbridge.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;
import io.xpbridge.bus.Bus;
import io.xpbridge.support.ServiceFixture;
import io.xpbridge.support.Sql;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The public standings and player pages over the bus, on a seeded database: season 1 archived, season 2
 * running. Hidden players and players who left the Discord guild are not shown and take no place.
 */
class PublicStandingsTest {
  static final long TELEGRAM_BASE = 7_700_000_000L;
  static final long DISCORD_BASE = 880_000_000_000_000_000L;
  static ServiceFixture service;
  static Sql sql;
  static final List<Long> platformIds = new ArrayList<>();
  static long ann;
  static long hid;
  static long gone;
  static long nameless;

  @BeforeAll
  static void start() {
    service = ServiceFixture.start(PublicStandingsTest.class);
    sql = service.sql;
    sql.execute("UPDATE seasons SET state = 'archived', ended_at = now() - interval '1 day', players = 4 WHERE id = 1");
    sql.execute("INSERT INTO seasons (id, name, state) VALUES (2, 'Spring', 'running')");
    // Season 2: hid 900 (hidden), gone 800 (left the guild), ann 500 (Discord, avatar), bob 300, cid 300, dan 100.
    hid = player("hid", 9_000, 900, 1, false);
    sql.update("UPDATE players SET hidden = true WHERE id = ?", hid);
    gone = player("gone", 8_000, 800, 2, true);
    sql.update("UPDATE discord_identities SET left_guild_at = now() WHERE player_id = ?", gone);
    ann = player("ann", 1_000, 500, 3, true);
    sql.update("UPDATE discord_identities SET avatar_url = 'https://cdn.discordapp.com/avatars/1/a.png' "
        + "WHERE player_id = ?", ann);
    long bob = player("bob", 3_000, 300, 4, false);
    long cid = player("cid", 200, 300, 5, false);
    player("dan", 100, 100, 6, false);
    // Nameless: the standings call such a player "player <internal id>"; the public pages must not.
    nameless = sql.queryLong("INSERT INTO players (xp, season, season_xp) VALUES (50, 2, 0) RETURNING id");
    // 120 more players with 1..120 lifetime XP only (no season XP): lifetime has 126 shown.
    for (int i = 1; i <= 120; i++) {
      long id = sql.queryLong("INSERT INTO players (xp, season, season_xp, display_name) VALUES (?, 2, 0, ?) "
          + "RETURNING id", i, "p" + i);
      long telegramId = TELEGRAM_BASE + 1_000 + i;
      sql.update("INSERT INTO telegram_identities (telegram_id, player_id, username) VALUES (?, ?, ?)", telegramId, id,
          "p" + i);
      platformIds.add(telegramId);
    }
    for (Object[] row : new Object[][] {{hid, 1, 700, "hid then"}, {bob, 2, 400, "bob then"}, {cid, 2, 400, "cid then"},
        {gone, 4, 300, "gone then"}, {ann, 5, 10, "ann then"}}) {
      sql.update("INSERT INTO season_standings (season_id, player_id, place, xp, name) VALUES (1, ?, ?, ?, ?)", row);
    }
  }

  @AfterAll
  static void stop() {
    service.close();
  }

  private static long player(String name, long xp, long seasonXp, int n, boolean discord) {
    long id = sql.queryLong("INSERT INTO players (xp, season, season_xp, display_name) VALUES (?, 2, ?, ?) RETURNING id",
        xp, seasonXp, name);
    long telegramId = TELEGRAM_BASE + n;
    sql.update("INSERT INTO telegram_identities (telegram_id, player_id, username) VALUES (?, ?, ?)", telegramId, id,
        name);
    platformIds.add(telegramId);
    if (discord) {
      long discordId = DISCORD_BASE + n;
      sql.update("INSERT INTO discord_identities (discord_id, player_id, username) VALUES (?, ?, ?)", discordId, id,
          name);
      platformIds.add(discordId);
    }
    return id;
  }

  private static JsonObject standings(JsonObject query) {
    return service.request(Bus.PUBLIC_STANDINGS, query);
  }

  private static List<JsonObject> players(JsonObject board) {
    return board.getJsonArray("players").stream().map(JsonObject.class::cast).toList();
  }

  private static List<String> names(JsonObject board) {
    return players(board).stream().map(p -> p.getString("name")).toList();
  }

  private static List<Long> places(JsonObject board) {
    return players(board).stream().map(p -> p.getLong("place")).toList();
  }

  private static String publicIdOf(long playerId) {
    return sql.queryString("SELECT public_id FROM players WHERE id = ?", playerId);
  }

  private static void assertNoPlatformOrInternalIds(JsonObject reply) {
    String text = reply.encode();
    for (long id : platformIds) {
      assertFalse(text.contains(Long.toString(id)), "platform id " + id + " in " + text);
    }
    assertFalse(text.contains("playerId") || text.contains("telegramId") || text.contains("discordId"), text);
  }

  @Test
  void theRunningSeasonLeavesOutHiddenAndAbsentPlayersAndCountsPlacesWithoutThem() {
    JsonObject board = standings(new JsonObject());

    assertEquals("season", board.getString("scope"));
    assertEquals(2, board.getInteger("seasonId"));
    assertEquals("Spring", board.getString("seasonName"));
    assertEquals(List.of("ann", "bob", "cid", "dan"), names(board), "ties in player id order");
    assertEquals(List.of(1L, 2L, 2L, 4L), places(board));
    assertEquals(4, board.getLong("total"));
    assertEquals(1, board.getLong("pages"));
    assertEquals(50, board.getInteger("pageSize"));
    JsonObject first = players(board).get(0);
    assertEquals(publicIdOf(ann), first.getString("publicId"));
    assertEquals("https://cdn.discordapp.com/avatars/1/a.png", first.getString("avatarUrl"));
    assertNull(players(board).get(1).getString("avatarUrl"), "no Discord: the page draws initials");
    assertEquals(500, first.getLong("xp"));
    assertNoPlatformOrInternalIds(board);
  }

  @Test
  void theRankIsLifetimeWithTheWayToTheNextInTheAskedLanguage() {
    JsonObject rank = players(standings(new JsonObject().put("language", "en"))).get(0).getJsonObject("rank");
    assertEquals(4, rank.getInteger("number"), rank.encode());
    assertTrue(rank.getInteger("count") > 4, rank.encode());
    assertEquals("Junior Sergeant", rank.getString("name"));
    assertEquals(885, rank.getLong("minXp"));
    assertEquals(1_440, rank.getLong("nextMinXp"));
    assertEquals(1_000, rank.getLong("lifetimeXp"));
    JsonObject ru = players(standings(new JsonObject().put("language", "ru"))).get(0).getJsonObject("rank");
    assertEquals("Младший сержант", ru.getString("name"));
    assertFalse(ru.getString("nextName").equals(rank.getString("nextName")), "next rank's name in Russian too");
  }

  @Test
  void lifetimeIsPagedByFifty() {
    JsonObject first = standings(new JsonObject().put("season", "all"));
    assertEquals("all", first.getString("scope"));
    assertNull(first.getValue("seasonId"));
    assertEquals(125, first.getLong("total"), "127 players but hid and gone are not shown");
    assertEquals(3, first.getLong("pages"));
    assertEquals(50, players(first).size());
    assertEquals(List.of("bob", "ann", "cid", "p120"), names(first).subList(0, 4));
    JsonObject third = standings(new JsonObject().put("season", "all").put("page", 3));
    assertEquals(25, players(third).size());
    assertEquals(101, places(third).get(0));
    assertEquals("p1", names(third).get(24));
    assertEquals(125, places(third).get(24));
    String namelessName = names(standings(new JsonObject().put("season", "all").put("page", 2))).stream()
        .filter(n -> n.startsWith("player ")).findFirst().orElseThrow();
    assertEquals("player " + publicIdOf(nameless).substring(0, 6), namelessName, "no internal id in a name");
    assertEquals(0, players(standings(new JsonObject().put("season", "all").put("page", 4))).size());
    assertNoPlatformOrInternalIds(first);
    assertNoPlatformOrInternalIds(third);
  }

  @Test
  void deepPagesAreReadAsAskedAndAgreeWithTheHead() {
    // Page 11 is past the snapshot; with 125 players it is empty, but the total still counts.
    JsonObject deep = standings(new JsonObject().put("season", "all").put("page", 11));
    assertEquals(125, deep.getLong("total"));
    assertTrue(players(deep).isEmpty());
  }

  @Test
  void anArchivedSeasonRanksItsStoredStandingsAgainWithoutHiddenAndAbsent() {
    JsonObject board = standings(new JsonObject().put("season", "1"));
    assertEquals("season", board.getString("scope"));
    assertEquals(1, board.getInteger("seasonId"));
    assertEquals(List.of("bob then", "cid then", "ann then"), names(board));
    assertEquals(List.of(1L, 1L, 3L), places(board));
    assertEquals(3, board.getLong("total"));
    assertNoPlatformOrInternalIds(board);
  }

  @Test
  void theSeasonsToSwitchToAreTheRunningAndArchivedNewestFirst() {
    JsonObject board = standings(new JsonObject());
    assertEquals(List.of(2, 1), board.getJsonArray("seasons").stream()
        .map(s -> ((JsonObject) s).getInteger("id")).toList());
    assertEquals("running", board.getJsonArray("seasons").getJsonObject(0).getString("state"));
  }

  @Test
  void badQueriesAreRefusedNamingTheField() {
    assertCode(400, "'page'", new JsonObject().put("page", 0));
    assertCode(400, "'season'", new JsonObject().put("season", "spring"));
    assertCode(400, "'language'", new JsonObject().put("language", "de"));
    assertCode(404, "season", new JsonObject().put("season", "99"));
  }

  private static void assertCode(int code, String mentions, JsonObject query) {
    ReplyException failure = assertInstanceOf(ReplyException.class,
        service.requestFailure(Bus.PUBLIC_STANDINGS, query));
    assertEquals(code, failure.failureCode(), failure.getMessage());
    assertTrue(failure.getMessage().contains(mentions), failure.getMessage());
  }

  @Test
  void aPlayerByPublicIdHasRankAchievementsAndPlaces() {
    sql.update("INSERT INTO player_achievements (player_id, code) VALUES (?, 'first_message')", ann);
    JsonObject player = service.request(Bus.PUBLIC_PLAYER, new JsonObject().put("publicId", publicIdOf(ann))
        .put("language", "ru"));

    assertEquals("ann", player.getString("name"));
    assertEquals(1_000, player.getLong("xp"));
    assertEquals("Младший сержант", player.getJsonObject("rank").getString("name"));
    assertEquals(500, player.getLong("seasonXp"));
    assertEquals(1, player.getLong("seasonPlace"), "hid and gone have more, but are not shown");
    assertEquals(2, player.getLong("lifetimePlace"), "behind bob only");
    assertEquals("Spring", player.getString("seasonName"));
    assertEquals(1, player.getJsonArray("achievements").size());
    assertFalse(player.getJsonArray("achievements").getJsonObject(0).getString("name").isBlank());
    assertNoPlatformOrInternalIds(player);
  }

  @Test
  void theBotsFindAPlayerByTheirPlatformAccount() {
    JsonObject byDiscord = service.request(Bus.PUBLIC_PLAYER, new JsonObject().put("discordId", DISCORD_BASE + 3));
    assertEquals(publicIdOf(ann), byDiscord.getString("publicId"));
    JsonObject byTelegram = service.request(Bus.PUBLIC_PLAYER, new JsonObject().put("telegramId", TELEGRAM_BASE + 6));
    assertEquals("dan", byTelegram.getString("name"));
  }

  @Test
  void unknownHiddenAndAbsentPlayersAreNotFound() {
    for (JsonObject query : List.of(new JsonObject().put("publicId", "0000000000000000"),
        new JsonObject().put("publicId", "<script>"), new JsonObject().put("publicId", publicIdOf(hid)),
        new JsonObject().put("publicId", publicIdOf(gone)), new JsonObject().put("telegramId", TELEGRAM_BASE + 1))) {
      ReplyException failure = assertInstanceOf(ReplyException.class,
          service.requestFailure(Bus.PUBLIC_PLAYER, query));
      assertEquals(404, failure.failureCode(), query.encode());
    }
  }
}
