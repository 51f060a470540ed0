package io.xpbridge.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Handler;
import io.vertx.core.eventbus.DeliveryContext;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.xpbridge.bus.Bus;
import io.xpbridge.fake.discord.InteractionReply;
import io.xpbridge.support.Await;
import io.xpbridge.support.DiscordService;
import io.xpbridge.support.Still;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Issue 14, points 4 and 5, end to end: hand edits of rank and achievement roles are put back within
 * seconds (not at the next reconcile pass), members who leave the guild vanish from the standings on
 * both platforms and cost no failing effects, and a rejoining member gets their roles back at once.
 */
class DiscordEndToEndMembersTest extends DiscordEndToEndBase {
  /** What the issue promises for a hand edit. */
  private static final Duration PUT_BACK_WITHIN = Duration.ofSeconds(5);

  @Test
  void aRankRoleRemovedByHandComesBackWithinSeconds() {
    long ann = settledMember("ann", 200); // rank 2 and first_steps

    fake.setRoleByHand(ann, rank2, false);

    Await.until("the rank 2 role is back", () -> fake.memberRoles(ann).equals(Set.of(rank2, firstSteps)),
        PUT_BACK_WITHIN);
    assertEquals(200, xpOf(ann), "the ledger is unchanged");
  }

  @Test
  void aWrongRankRoleAddedByHandIsTakenAway() {
    long ben = settledMember("ben", 200);

    fake.setRoleByHand(ben, rank4, true);

    Await.until("the hand-given rank 4 role is gone", () -> fake.memberRoles(ben).equals(Set.of(rank2, firstSteps)),
        PUT_BACK_WITHIN);
    assertEquals(1, DiscordService.recordedRoleCalls(fake, "DELETE", ben, rank4, 1).size());
  }

  @Test
  void anAchievementRoleRemovedByHandComesBackWithoutTellingTelegramAgain() {
    long cat = settledMember("cat", 200);
    long player = playerOf(cat);

    fake.setRoleByHand(cat, firstSteps, false);

    Await.until("the first_steps role is back", () -> fake.memberRoles(cat).equals(Set.of(rank2, firstSteps)),
        PUT_BACK_WITHIN);
    Await.until("the reconcile achievement effect completed", () -> "completed".equals(service.sql.queryString(
        "SELECT string_agg(status, ',') FROM sync_events WHERE player_id = ? AND event_type = 'achievement_unlock' "
            + "AND idempotency_key LIKE 'reconcile:%'", player)));
    String payload = service.sql.queryString("SELECT payload::text FROM sync_events WHERE player_id = ? "
        + "AND event_type = 'achievement_unlock' AND idempotency_key LIKE 'reconcile:%'", player);
    JsonObject effect = new JsonObject(payload);
    assertEquals(new JsonArray().add("discord"), effect.getJsonArray("targets"), payload);
    assertEquals(1, service.sql.queryLong("SELECT count(*) FROM player_achievements WHERE player_id = ?", player),
        "unlocked once, never again");
  }

  @Test
  void theBotsOwnRoleWritesCauseNoFurtherWrites() {
    List<Object> checksAsked = new CopyOnWriteArrayList<>();
    Handler<DeliveryContext<Object>> checks = delivery -> {
      if (Bus.DISCORD_MEMBER_CHECK.equals(delivery.message().address())) {
        checksAsked.add(delivery.body());
      }
      delivery.next();
    };
    service.vertx.eventBus().addOutboundInterceptor(checks);
    try {
      long dan = fake.addMember("dan", rank1);
      long player = seed(dan, 150);
      Await.until("dan has the first_steps role", () -> fake.memberRoles(dan).contains(firstSteps));

      fake.sendMessage(dan, general); // 165 XP: rank 2, written by the bot

      Await.until("the rank 2 role replaced the rank 1 role",
          () -> fake.memberRoles(dan).equals(Set.of(rank2, firstSteps)));
      Await.until("the rank change is completed", () -> "completed".equals(rankEvents(player)));
      int roleCalls = roleCallsOf(dan);
      assertEquals(3, roleCalls, "first_steps, rank 2 on, rank 1 off: " + fake.restCalls(c -> c.isMemberRoleCall()));
      Still.holdsFor(Duration.ofMillis(1_500), "no further role calls for dan", () -> roleCallsOf(dan) == roleCalls);
      assertEquals(List.of(), checksAsked, "the echoes of the bot's own writes were not taken for hand edits");
      assertEquals(0, service.sql.queryLong(
          "SELECT count(*) FROM sync_events WHERE player_id = ? AND idempotency_key LIKE 'reconcile:%'", player));
    } finally {
      service.vertx.eventBus().removeOutboundInterceptor(checks);
    }
  }

  @Test
  void aMemberWhoLeavesIsHiddenFromTopOnBothPlatformsAndCostsNoFailingEffects() throws Exception {
    long eve = settledMember("eve", 500); // rank 3
    long stayer = settledMember("finn", 200);
    long player = playerOf(eve);
    Await.until("eve is on the lifetime top", () -> topPlayers("all").contains(player));

    fake.memberLeaves(eve);

    Await.until("eve is marked as gone", () -> left(eve));
    Await.until("eve is off the lifetime top (Telegram's /top reads it over the bus)",
        () -> !topPlayers("all").contains(player));
    assertFalse(topPlayers("current").contains(player), "and off the season's");
    InteractionReply top = TestGuild.get(fake.invokeSlashCommand(stayer, "top", Map.of("period", "all")));
    assertFalse(top.visibleText().contains("eve — 500 XP"), top.visibleText());

    // Make her record stale, as after a lost change: a pass would queue a rank-role effect for her.
    service.sql.update("UPDATE sync_state SET last_discord_rank = 1 WHERE player_id = ?", player);
    long eventsBefore = eventsOf(player);
    JsonObject pass = service.request(Bus.RECONCILE_RUN_NOW, new JsonObject().put("playerId", player));

    assertEquals(0, pass.getInteger("divergences"), pass.encode());
    assertEquals(eventsBefore, eventsOf(player), "nothing queued for a member who left");
    JsonObject all = service.request(Bus.RECONCILE_RUN_NOW, new JsonObject());
    assertTrue(all.getInteger("players") > 0, all.encode());
    assertEquals(eventsBefore, eventsOf(player), "nor by a full pass");
    assertEquals(0, service.sql.queryLong(
        "SELECT count(*) FROM sync_events WHERE player_id = ? AND status = 'failed'", player));
    assertEquals(500, xpOf(eve), "her XP is kept");
  }

  @Test
  void aTelegramOnlyPlayerIsNeverHidden() {
    long telegramId = 77_001;
    service.submit(new JsonObject().put("source", "telegram").put("type", "xp_change").put("telegramId", telegramId)
        .put("xp", 300).put("idempotencyKey", "tg_only_" + telegramId));
    long player = service.sql.queryLong("SELECT player_id FROM telegram_identities WHERE telegram_id = ?", telegramId);
    Await.until("the Telegram player is on the top", () -> topPlayers("all").contains(player));

    long hal = settledMember("hal", 200);

    fake.memberLeaves(hal);

    Await.until("hal is off the top", () -> left(hal) && !topPlayers("all").contains(playerOf(hal)));
    assertTrue(topPlayers("all").contains(player), "a player without a Discord account is never hidden");
    assertTrue(topPlayers("current").contains(player));
  }

  @Test
  void aMemberWhoRejoinsGetsTheirRolesBackAndIsOnTopAgainWithTheSameXp() {
    long gus = settledMember("gus", 500); // rank 3 and first_steps
    long player = playerOf(gus);
    fake.memberLeaves(gus);
    Await.until("gus is off the top", () -> left(gus) && !topPlayers("all").contains(player));
    // XP granted while he is away: the rank change reaches no Discord member and does not fail.
    service.submit(new JsonObject().put("source", "telegram").put("type", "xp_change").put("playerId", player)
        .put("xp", 400).put("idempotencyKey", "away_" + gus)); // 900 XP: rank 4
    Await.until("the rank change while away completed without Discord",
        () -> "completed,completed".equals(rankEvents(player)));

    fake.memberRejoins(gus);

    Await.until("rank 4 and first_steps are given back", () -> fake.memberRoles(gus).equals(Set.of(rank4, firstSteps)),
        PUT_BACK_WITHIN);
    Await.until("gus is on the top again", () -> topPlayers("all").contains(player));
    assertEquals(900, xpOf(gus), "his XP was kept throughout");
    assertEquals(0, service.sql.queryLong(
        "SELECT count(*) FROM sync_events WHERE player_id = ? AND status = 'failed'", player));
  }

  // ---- helpers ----

  /** A member with {@code xp} whose roles are in place and who has nothing in flight. */
  private static long settledMember(String name, long xp) {
    long discordId = fake.addMember(name, rank1);
    long player = seed(discordId, xp);
    service.sql.update("UPDATE players SET display_name = ? WHERE id = ?", name, player);
    Await.until(name + " has the first_steps role", () -> fake.memberRoles(discordId).contains(firstSteps));
    Await.until("nothing of " + name + "'s is in flight", () -> service.sql.queryLong(
        "SELECT count(*) FROM sync_events WHERE player_id = ? AND status <> 'completed'", player) == 0);
    return discordId;
  }

  private static int roleCallsOf(long discordId) {
    return fake.restCalls(c -> c.isMemberRoleCall() && c.path().contains("/members/" + discordId + "/")).size();
  }

  private static boolean left(long discordId) {
    return service.sql.queryLong("SELECT count(*) FROM discord_identities WHERE discord_id = ? "
        + "AND left_guild_at IS NOT NULL", discordId) == 1;
  }

  private static long eventsOf(long player) {
    return service.sql.queryLong("SELECT count(*) FROM sync_events WHERE player_id = ?", player);
  }

  private static List<Long> topPlayers(String season) {
    JsonArray entries = service.request(Bus.PLAYERS_TOP, new JsonObject().put("limit", 100).put("season", season))
        .getJsonArray("entries");
    return entries.stream().map(e -> ((JsonObject) e).getLong("playerId")).toList();
  }

}
