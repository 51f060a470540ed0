package io.xpbridge.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.xpbridge.bus.Bus;
import io.xpbridge.fake.discord.InteractionReply;
import io.xpbridge.support.Await;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code /top} and {@code /profile} in Discord against the real service: the running season's standings
 * by default, lifetime with {@code period:all}, the caller's place in the one shown.
 */
class DiscordEndToEndStandingsTest extends DiscordEndToEndBase {

  @Test
  void topRegistersAPeriodOptionWithTheSeasonAndAllTime() {
    JsonObject top = fake.registeredCommands().stream().map(JsonObject.class::cast)
        .filter(command -> "top".equals(command.getString("name"))).findFirst().orElseThrow();
    JsonObject period = top.getJsonArray("options").getJsonObject(0);
    assertEquals("period", period.getString("name"));
    assertFalse(period.getBoolean("required", false));
    assertEquals(List.of("season", "all"), period.getJsonArray("choices").stream()
        .map(choice -> ((JsonObject) choice).getString("value")).toList());
  }

  @Test
  void topShowsTheSeasonByDefaultAndAllTimeOnAskWithTheCallersPlace() throws Exception {
    // Lifetime: sasha, masha, grisha. This season: masha, grisha, sasha.
    member("sasha", 900_000, 20_000);
    member("masha", 800_000, 50_000);
    long grisha = member("grisha", 700_000, 30_000);
    long newcomer = member("newcomer", 100, 0);
    awaitTopShows("current", "masha");
    awaitTopShows("all", "sasha");

    InteractionReply season = TestGuild.get(fake.invokeSlashCommand(grisha, "top", Map.of()));
    String text = season.visibleText();
    assertTrue(text.contains("Leaderboard — Season 1"), text);
    assertOrder(text, "#1 masha — 50000 XP", "#2 grisha — 30000 XP", "#3 sasha — 20000 XP");
    assertTrue(footer(season).startsWith("Your place: #2 with 30000 XP"), footer(season));

    InteractionReply allTime = TestGuild.get(fake.invokeSlashCommand(grisha, "top", Map.of("period", "all")));
    text = allTime.visibleText();
    assertTrue(text.contains("Leaderboard — all time"), text);
    assertOrder(text, "#1 sasha — 900000 XP", "#2 masha — 800000 XP", "#3 grisha — 700000 XP");
    assertTrue(footer(allTime).startsWith("Your place: #3 with 700000 XP"), footer(allTime));

    InteractionReply none = TestGuild.get(fake.invokeSlashCommand(newcomer, "top", Map.of("period", "season")));
    assertFalse(none.visibleText().contains("newcomer"), none.visibleText());
    assertTrue(footer(none).startsWith("You have no place this season yet"), footer(none));
  }

  @Test
  void profileShowsTheSeasonXpAndPlace() throws Exception {
    long leader = member("leader", 3_000_000, 2_000_000);

    InteractionReply profile = TestGuild.get(fake.invokeSlashCommand(leader, "profile", Map.of()));

    assertTrue(profile.visibleText().contains("Season: Season 1: 2000000 XP · place #1"), profile.visibleText());
  }

  /** A Discord member with a player whose lifetime and running-season XP are set in the ledger row. */
  private static long member(String name, long xp, long seasonXp) {
    long discordId = fake.addMember(name);
    service.request(Bus.PLAYERS_REGISTER, new JsonObject().put("discordId", discordId).put("username", name));
    assertEquals(1, service.sql.update("UPDATE players SET xp = ?, season = 1, season_xp = ? WHERE id = ?", xp,
        seasonXp, playerOf(discordId)));
    return discordId;
  }

  /** The leaderboard is read at most once a second: wait until it shows the new leader. */
  private static void awaitTopShows(String season, String leader) {
    Await.until(season + " standings led by " + leader, () -> {
      JsonArray entries = service.request(Bus.PLAYERS_TOP, new JsonObject().put("limit", 1).put("season", season))
          .getJsonArray("entries");
      return !entries.isEmpty() && leader.equals(entries.getJsonObject(0).getString("displayName"));
    });
  }

  private static String footer(InteractionReply reply) {
    return reply.embeds().getJsonObject(0).getJsonObject("footer").getString("text");
  }

  private static void assertOrder(String text, String... lines) {
    int at = -1;
    for (String line : lines) {
      int next = text.indexOf(line);
      assertTrue(next > at, "\"" + line + "\" after the lines before it in:\n" + text);
      at = next;
    }
  }
}
