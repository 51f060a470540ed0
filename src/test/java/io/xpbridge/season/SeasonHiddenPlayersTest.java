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
 * A player who chose to be hidden (/privacy) when a season ends is left out of its archive like a
 * leaver: the archive and its rewards are what the public standings showed. Their XP stays theirs.
 */
class SeasonHiddenPlayersTest {
  static ServiceFixture service;

  @BeforeAll
  static void start() {
    service = ServiceFixture.start(SeasonHiddenPlayersTest.class, SeasonRolloverTest.REWARDS);
  }

  @AfterAll
  static void stop() {
    service.close();
  }

  @Test
  void aSeasonArchivedWhileAPlayerIsHiddenLeavesThemOutAndPaysTheNextInLine() {
    service.submit(ServiceFixture.xp("hidden_xp", 7701, 500));
    service.submit(ServiceFixture.xp("shown_xp", 7702, 300));
    long hidden = service.sql.queryLong("SELECT player_id FROM telegram_identities WHERE telegram_id = 7701");
    long shown = service.sql.queryLong("SELECT player_id FROM telegram_identities WHERE telegram_id = 7702");
    Await.until("the hidden-to-be player leads the season", () -> List.of(hidden, shown).equals(seasonTop()));

    service.request(Bus.PLAYERS_VISIBILITY, new JsonObject().put("telegramId", 7701).put("hidden", true));
    assertEquals(List.of(shown), seasonTop());
    long shownBalance = balance(shown);
    long hiddenBalance = balance(hidden);

    service.request(Bus.SEASONS_START, new JsonObject().put("name", "Spring"));

    assertEquals(List.of(List.of(shown, 1, 300L)),
        service.sql.query("SELECT player_id, place, xp FROM season_standings WHERE season_id = 1 ORDER BY place"));
    Await.until("the first place's reward goes to the shown player", () -> balance(shown) == shownBalance + 1000);
    assertEquals(hiddenBalance, balance(hidden), "no reward for a place not held");
    assertEquals(500, service.sql.queryLong("SELECT xp FROM players WHERE id = ?", hidden), "the XP is kept");
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
