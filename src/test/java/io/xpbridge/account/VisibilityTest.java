package io.xpbridge.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.xpbridge.bus.Bus;
import io.xpbridge.support.Await;
import io.xpbridge.support.ServiceFixture;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code Bus.PLAYERS_VISIBILITY} against the real service and PostgreSQL: one UPDATE by player id that a
 * repeat does not even write, the standings (the bots' /top and the admin leaderboard) without hidden
 * players, and the profile's public id and hidden flag.
 */
class VisibilityTest {
  static ServiceFixture service;

  @BeforeAll
  static void start() {
    service = ServiceFixture.start(VisibilityTest.class);
  }

  @AfterAll
  static void stop() {
    service.close();
  }

  @Test
  void hidingIsOneChangeAndARepeatWritesNothing() {
    service.submit(ServiceFixture.xp("vis_a", 6601, 100));
    long player = service.sql.queryLong("SELECT player_id FROM telegram_identities WHERE telegram_id = 6601");
    String publicId = service.sql.queryString("SELECT public_id FROM players WHERE id = ?", player);

    JsonObject read = visibility(6601, null);
    assertEquals(new JsonObject().put("playerId", player).put("publicId", publicId).put("hidden", false)
        .put("changed", false), read);
    assertEquals(new JsonObject().put("playerId", player).put("publicId", publicId).put("hidden", true)
        .put("changed", true), visibility(6601, true));
    String version = rowVersion(player);
    assertFalse(visibility(6601, true).getBoolean("changed"));
    assertEquals(version, rowVersion(player), "a repeat must not write the row");
    assertTrue(visibility(6601, null).getBoolean("hidden"));
    assertTrue(visibility(6601, false).getBoolean("changed"));
    assertFalse(visibility(6601, false).getBoolean("changed"));
    assertEquals(100, service.sql.queryLong("SELECT xp FROM players WHERE id = ?", player), "XP untouched");
  }

  @Test
  void anAccountWithoutAPlayerIsNoProfile() {
    Throwable failure = service.requestFailure(Bus.PLAYERS_VISIBILITY,
        new JsonObject().put("telegramId", 6699).put("hidden", true));
    assertEquals(404, assertInstanceOf(ReplyException.class, failure).failureCode());
    assertEquals(400, ((ReplyException) service.requestFailure(Bus.PLAYERS_VISIBILITY,
        new JsonObject().put("telegramId", 6699).put("discordId", 1))).failureCode());
  }

  @Test
  void hiddenPlayersAreLeftOutOfTheStandingsAndTheAdminLeaderboardAndTheOthersMoveUp() {
    service.submit(ServiceFixture.xp("vis_top1", 6701, 9_000_000));
    service.submit(ServiceFixture.xp("vis_top2", 6702, 8_000_000));
    long first = service.sql.queryLong("SELECT player_id FROM telegram_identities WHERE telegram_id = 6701");
    long second = service.sql.queryLong("SELECT player_id FROM telegram_identities WHERE telegram_id = 6702");
    Await.until("both lead the standings", () -> leaderboard("current").subList(0, 2).equals(List.of(first, second)));

    visibility(6701, true);

    // Forgotten at once, not after the cache's second: no Await needed for the first read.
    assertEquals(second, leaderboard("current").get(0));
    assertEquals(second, leaderboard("all").get(0));
    assertFalse(top("current").contains(first));
    JsonObject secondsTop = service.request(Bus.PLAYERS_TOP, new JsonObject().put("telegramId", 6702));
    assertEquals(1, secondsTop.getJsonObject("caller").getLong("place"));
    JsonObject firstsTop = service.request(Bus.PLAYERS_TOP, new JsonObject().put("telegramId", 6701));
    assertNull(firstsTop.getJsonObject("caller"));
    assertTrue(firstsTop.getBoolean("callerHidden"), firstsTop.encode());

    JsonObject profile = service.request(Bus.PLAYERS_PROFILE, new JsonObject().put("telegramId", 6701));
    assertTrue(profile.getBoolean("hidden"));
    assertNull(profile.getValue("seasonPlace"), "no place while hidden: " + profile.encode());
    assertEquals(service.sql.queryString("SELECT public_id FROM players WHERE id = ?", first),
        profile.getString("publicId"));

    visibility(6701, false);
    assertEquals(List.of(first, second), leaderboard("current").subList(0, 2));
    assertEquals(1, service.request(Bus.PLAYERS_PROFILE, new JsonObject().put("telegramId", 6701))
        .getLong("seasonPlace"));
  }

  private static JsonObject visibility(long telegramId, Boolean hidden) {
    JsonObject body = new JsonObject().put("telegramId", telegramId);
    if (hidden != null) {
      body.put("hidden", hidden);
    }
    return service.request(Bus.PLAYERS_VISIBILITY, body);
  }

  /** The row's version: a new one after any UPDATE, even one that sets the same value. */
  private static String rowVersion(long player) {
    return service.sql.queryString("SELECT xmin::text FROM players WHERE id = ?", player);
  }

  /** The admin API's leaderboard over the bus. */
  private static List<Long> leaderboard(String season) {
    JsonArray standings = service.request(Bus.LEADERBOARD, new JsonObject().put("season", season).put("limit", 100))
        .getJsonArray("players");
    return standings.stream().map(e -> ((JsonObject) e).getLong("playerId")).toList();
  }

  private static List<Long> top(String season) {
    JsonArray entries = service.request(Bus.PLAYERS_TOP, new JsonObject().put("limit", 50).put("season", season))
        .getJsonArray("entries");
    return entries.stream().map(e -> ((JsonObject) e).getLong("playerId")).toList();
  }
}
