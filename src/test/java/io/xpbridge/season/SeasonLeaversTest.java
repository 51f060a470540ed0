package io.xpbridge.season;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
 * A member who has left the Discord guild is left out of the season's standings: the live ones while
 * they are away, and the archive when the season ends during their absence (no place, no reward). Their
 * XP stays theirs.
 */
class SeasonLeaversTest {
  static ServiceFixture service;

  @BeforeAll
  static void start() {
    service = ServiceFixture.start(SeasonLeaversTest.class, SeasonRolloverTest.REWARDS);
  }

  @AfterAll
  static void stop() {
    service.close();
  }

  @Test
  void aSeasonArchivedWhileAMemberIsAwayLeavesThemOutAndPaysTheNextInLine() {
    service.submit(new JsonObject().put("source", "discord").put("type", "xp_change").put("discordId", 8801)
        .put("xp", 500).put("idempotencyKey", "leaver_xp"));
    service.submit(ServiceFixture.xp("stayer_xp", 9901, 300));
    long leaver = service.sql.queryLong("SELECT player_id FROM discord_identities WHERE discord_id = 8801");
    long stayer = service.sql.queryLong("SELECT player_id FROM telegram_identities WHERE telegram_id = 9901");
    Await.until("the leaver leads the season", () -> List.of(leaver, stayer).equals(seasonTop()));

    JsonObject changed = service.request(Bus.DISCORD_MEMBER_PRESENCE,
        new JsonObject().put("discordId", 8801).put("present", false));

    assertEquals(new JsonArray().add(8801), changed.getJsonArray("left"), changed.encode());
    Await.until("the live standings drop the leaver", () -> List.of(stayer).equals(seasonTop()));
    long stayerBalance = balance(stayer);
    long leaverBalance = balance(leaver);

    service.request(Bus.SEASONS_START, new JsonObject().put("name", "Spring"));

    assertEquals(List.of(List.of(stayer, 1, 300L)),
        service.sql.query("SELECT player_id, place, xp FROM season_standings WHERE season_id = 1 ORDER BY place"));
    Await.until("the first place's reward goes to the stayer", () -> balance(stayer) == stayerBalance + 1000);
    assertEquals(leaverBalance, balance(leaver), "no reward for a place not held");
    assertEquals(500, service.sql.queryLong("SELECT xp FROM players WHERE id = ?", leaver), "the leaver's XP is kept");
  }

  private static List<Long> seasonTop() {
    JsonArray entries = service.request(Bus.PLAYERS_TOP, new JsonObject().put("limit", 10).put("season", "current"))
        .getJsonArray("entries");
    return entries.stream().map(e -> ((JsonObject) e).getLong("playerId")).toList();
  }

  private static long balance(long player) {
    return service.sql.queryLong("SELECT balance FROM players WHERE id = ?", player);
  }
}
