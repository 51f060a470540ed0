package io.xpbridge.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import io.xpbridge.bus.Bus;
import io.xpbridge.fake.discord.RestCall;
import io.xpbridge.support.Await;
import io.xpbridge.support.DiscordService;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The ledger's rank and achievements projected as Discord roles, including repair and failures. */
class DiscordEndToEndRolesTest extends DiscordEndToEndBase {
  @Test
  void rankUpSetsTheNewRoleAndRemovesTheOld() {
    long leo = fake.addMember("leo", rank1);
    long player = seed(leo, 150);
    Await.until("leo has 150 XP and the first_steps role", () -> fake.memberRoles(leo).contains(firstSteps));

    fake.sendMessage(leo, general); // 165 XP: rank 2

    Await.until("the rank 2 role replaced the rank 1 role",
        () -> fake.memberRoles(leo).equals(Set.of(rank2, firstSteps)));
    Await.until("the rank change is completed", () -> "completed".equals(rankEvents(player)));
    assertEquals(165, xpOf(leo));
    assertEquals(1, DiscordService.roleCalls(fake, "PUT", leo, rank2).size());
    assertEquals(1, DiscordService.roleCalls(fake, "DELETE", leo, rank1).size());
    assertEquals(2, service.sql.queryLong("SELECT last_discord_rank FROM sync_state WHERE player_id = ?", player));
  }

  @Test
  void rankRoleEditedByHandIsRestoredOnceWhetherTheLiveCheckOrAReconcilePassComesFirst() {
    long mia = fake.addMember("mia", rank1);
    long player = seed(mia, 150);
    Await.until("mia has the first_steps role", () -> fake.memberRoles(mia).contains(firstSteps));
    service.submit(discordXp("seed_more_" + mia, mia, 50)); // 200 XP: rank 2, the bot's last role change
    Await.until("mia shows rank 2", () -> fake.memberRoles(mia).equals(Set.of(rank2, firstSteps)));
    Await.until("no rank change in flight", () -> "completed".equals(rankEvents(player)));

    // A moderator swaps her rank role in the Discord client; the bot checks her by itself shortly
    // (DiscordEndToEndMembersTest), and here a reconcile pass races that check.
    fake.setRoleByHand(mia, rank2, false);
    fake.setRoleByHand(mia, rank3, true);
    Await.until("the bot sees the hand edit", () -> botSeesRoles(mia).contains(rank3));
    long transactions = service.sql.queryLong("SELECT count(*) FROM transactions WHERE player_id = ?", player);

    JsonObject pass = service.request(Bus.RECONCILE_RUN_NOW, new JsonObject().put("playerId", player));

    assertTrue(pass.getInteger("divergences") <= 1, pass.encode());
    Await.until("the ledger's role is back", () -> fake.memberRoles(mia).equals(Set.of(rank2, firstSteps)));
    Await.until("the correction is completed", () -> !rankEvents(player).matches(".*(pending|processing).*"));
    assertEquals(200, xpOf(mia), "the ledger is unchanged");
    assertEquals(2, DiscordService.roleCalls(fake, "PUT", mia, rank2).size(), "put back by the bot, once");
    assertEquals(1, DiscordService.roleCalls(fake, "DELETE", mia, rank3).size());
    assertEquals(transactions, service.sql.queryLong("SELECT count(*) FROM transactions WHERE player_id = ?", player));
  }

  @Test
  void rateLimitedRoleChangeIsDelayedButCompletes() {
    long nora = fake.addMember("nora", rank1);
    long player = seed(nora, 150);
    Await.until("nora has the first_steps role", () -> fake.memberRoles(nora).contains(firstSteps));
    Await.until("nothing of nora's is in flight", () -> service.sql.queryLong(
        "SELECT count(*) FROM sync_events WHERE player_id = ? AND status <> 'completed'", player) == 0);
    fake.rateLimitNextRoleCalls(1, 1);

    service.submit(discordXp("seed_more_" + nora, nora, 20)); // 170 XP: rank 2

    Await.until("the rank 2 role replaced the rank 1 role",
        () -> fake.memberRoles(nora).equals(Set.of(rank2, firstSteps)));
    List<RestCall> puts = DiscordService.roleCalls(fake, "PUT", nora, rank2);
    assertEquals(List.of(429, 204), puts.stream().map(RestCall::status).toList());
    assertTrue(puts.get(1).atMs() - puts.get(0).atMs() >= 900, "retried before Retry-After: " + puts);
    Await.until("the rank change is completed", () -> "completed".equals(rankEvents(player)));
    assertEquals(0, service.sql.queryLong(
        "SELECT retries FROM sync_events WHERE player_id = ? AND event_type = 'rank_change'", player),
        "the rate limit only delayed the call; the engine did not have to retry");
  }

  @Test
  void achievementGrantsItsRole() {
    long oscar = fake.addMember("oscar", rank1);
    long player = seed(oscar, 90);
    Await.until("oscar has 90 XP", () -> xpOf(oscar) == 90);

    fake.sendMessage(oscar, general); // 105 XP: first_steps

    Await.until("the first_steps role is granted", () -> fake.memberRoles(oscar).contains(firstSteps));
    assertEquals(Set.of(rank1, firstSteps), fake.memberRoles(oscar));
    assertEquals(1, service.sql.queryLong(
        "SELECT count(*) FROM player_achievements WHERE player_id = ? AND code = 'first_steps'", player));
    Await.until("the achievement event is completed", () -> "completed".equals(service.sql.queryString(
        "SELECT status FROM sync_events WHERE player_id = ? AND event_type = 'achievement_unlock'", player)));
  }

  @Test
  void roleAboveTheBotEndsFailedWithAClearMessageAndTheBotKeepsWorking() {
    long pia = fake.addMember("pia", rank1);
    long player = seed(pia, 1500); // rank 5, whose role is above the bot's

    Await.until("the rank change gave up", () -> "failed".equals(rankEvents(player)));
    List<Object> event = service.sql.queryRow(
        "SELECT retries, error_message FROM sync_events WHERE player_id = ? AND event_type = 'rank_change'", player);
    assertEquals(MAX_RETRIES + 1, ((Number) event.get(0)).intValue(), "tried once plus the configured retries");
    String error = (String) event.get(1);
    assertTrue(error.contains("Commander") && error.contains("drag the bot's role above"), error);
    assertTrue(fake.memberRoles(pia).contains(rank1), "nothing was half done");
    assertTrue(fake.restCalls(c -> c.isMemberRoleCall() && c.path().endsWith("/roles/" + commander)).isEmpty(),
        "JDA refused before calling Discord");

    long quinn = fake.addMember("quinn", rank1);
    long other = seed(quinn, 200);
    Await.until("a later effect still works", () -> fake.memberRoles(quinn).equals(Set.of(rank2, firstSteps)));
    Await.until("and completes", () -> "completed".equals(rankEvents(other)));
  }

  @Test
  void missingManageRolesEndsFailedWithAClearMessageAndARequeueAfterTheFixCompletes() {
    long rita = fake.addMember("rita", rank1);
    long player = seed(rita, 150);
    Await.until("rita has the first_steps role", () -> fake.memberRoles(rita).contains(firstSteps));
    fake.setRoleByHand(fake.botUserId(), botRole, false); // an admin takes Manage Roles from the bot
    try {
      Await.until("the bot sees it lost its role", () -> !botSeesRoles(fake.botUserId()).contains(botRole));

      service.submit(discordXp("seed_more_" + rita, rita, 50)); // 200 XP: rank 2

      Await.until("the rank change gave up", () -> "failed".equals(rankEvents(player)));
      String error = service.sql.queryString(
          "SELECT error_message FROM sync_events WHERE player_id = ? AND event_type = 'rank_change'", player);
      assertTrue(error.contains("Private") && error.contains("Manage Roles"), error);
      assertEquals(Set.of(rank1, firstSteps), fake.memberRoles(rita));
    } finally {
      fake.setRoleByHand(fake.botUserId(), botRole, true);
    }
    Await.until("the bot sees its role again", () -> botSeesRoles(fake.botUserId()).contains(botRole));
    long eventId = service.sql.queryLong(
        "SELECT id FROM sync_events WHERE player_id = ? AND event_type = 'rank_change'", player);

    service.request(Bus.EVENTS_REQUEUE, new JsonObject().put("eventId", eventId));

    Await.until("the requeued rank change shows in Discord",
        () -> fake.memberRoles(rita).equals(Set.of(rank2, firstSteps)));
    Await.until("and completes", () -> "completed".equals(rankEvents(player)));
  }
}
