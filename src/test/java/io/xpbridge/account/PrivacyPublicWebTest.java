package io.xpbridge.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
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
 * Hidden players on the public web surface (issue 15): not in {@code Bus.PUBLIC_STANDINGS}, and their
 * page is 404 in {@code Bus.PUBLIC_PLAYER}; back after {@code show}. The public standings are served by
 * another part of issue 15: until it is merged nobody answers them and this test is skipped (it must
 * run, not be skipped, once the branches are together).
 */
class PrivacyPublicWebTest {
  static ServiceFixture service;

  @BeforeAll
  static void start() {
    service = ServiceFixture.start(PrivacyPublicWebTest.class);
  }

  @AfterAll
  static void stop() {
    service.close();
  }

  @Test
  void aHiddenPlayerIsNotOnThePublicLeaderboardNorHasAPublicPage() {
    service.submit(ServiceFixture.xp("pub_a", 6801, 700));
    service.submit(ServiceFixture.xp("pub_b", 6802, 600));
    long hidden = service.sql.queryLong("SELECT player_id FROM telegram_identities WHERE telegram_id = 6801");
    String hiddenPublicId = service.sql.queryString("SELECT public_id FROM players WHERE id = ?", hidden);
    Await.until("the player is on the public leaderboard", () -> publicIds("all").contains(hiddenPublicId));

    service.request(Bus.PLAYERS_VISIBILITY, new JsonObject().put("telegramId", 6801).put("hidden", true));

    Await.until("the hidden player is off the public leaderboard",
        () -> !publicIds("all").contains(hiddenPublicId) && !publicIds("current").contains(hiddenPublicId));
    Throwable page = service.requestFailure(Bus.PUBLIC_PLAYER, new JsonObject().put("publicId", hiddenPublicId));
    assertEquals(404, assertInstanceOf(ReplyException.class, page).failureCode());
    JsonObject standings = service.request(Bus.PUBLIC_STANDINGS, new JsonObject().put("season", "all"));
    assertEquals(1, standings.getJsonArray("players").getJsonObject(0).getLong("place"), standings.encode());

    service.request(Bus.PLAYERS_VISIBILITY, new JsonObject().put("telegramId", 6801).put("hidden", false));
    Await.until("the player is back", () -> publicIds("all").contains(hiddenPublicId));
    assertTrue(service.request(Bus.PUBLIC_PLAYER, new JsonObject().put("publicId", hiddenPublicId)) != null);
  }

  private static List<String> publicIds(String season) {
    JsonArray players = service.request(Bus.PUBLIC_STANDINGS, new JsonObject().put("season", season))
        .getJsonArray("players");
    return players.stream().map(p -> ((JsonObject) p).getString("publicId")).toList();
  }
}
