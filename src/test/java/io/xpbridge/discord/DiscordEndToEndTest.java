package io.xpbridge.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.xpbridge.bus.Bus;
import io.xpbridge.fake.discord.FakeDiscord;
import io.xpbridge.fake.discord.InteractionReply;
import io.xpbridge.fake.discord.RestCall;
import io.xpbridge.fake.discord.Snowflakes;
import io.xpbridge.support.Await;
import io.xpbridge.support.DiscordService;
import io.xpbridge.support.ServiceFixture;
import io.xpbridge.support.Still;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Discord side of issue 4 end to end: the real Discord bot (JDA) talks to a {@link FakeDiscord},
 * the real sync engine, account and reconcile verticles run on a fresh PostgreSQL database, and
 * every assertion about XP reads the ledger in PostgreSQL.
 *
 * <p>Guild roles, top to bottom: Admin (30), Commander (25, rank 5: above the bot), the bot's role
 * (20, Manage Roles), First steps (10, achievement first_steps at 100 XP), ranks 4..1 (6..3).
 * Rank thresholds: 2 at 165 XP, 3 at 460, 4 at 885, 5 at 1440.
 */
class DiscordEndToEndTest {
  static final long MESSAGE_XP = 15;
  static final long COOLDOWN_SECONDS = 2;
  static final long VOICE_XP = 2;
  static final int MAX_RETRIES = 2;

  static Vertx fakeVertx;
  static FakeDiscord fake;
  static ServiceFixture service;
  static long commander;
  static long firstSteps;
  static long rank1;
  static long rank2;
  static long rank3;
  static long rank4;
  static long general;
  static long lobby;
  static long lounge;
  static long afk;

  @BeforeAll
  static void start() {
    fakeVertx = Vertx.vertx();
    fake = new FakeDiscord(fakeVertx);
    fake.addRole("Admin", 30);
    commander = fake.addRole("Commander", 25);
    fake.giveBotManageRoles(20);
    firstSteps = fake.addRole("First steps", 10);
    rank4 = fake.addRole("Junior Sergeant", 6);
    rank3 = fake.addRole("Lance Corporal", 5);
    rank2 = fake.addRole("Private", 4);
    rank1 = fake.addRole("Recruit", 3);
    general = fake.addTextChannel("general");
    lobby = fake.addVoiceChannel("Lobby");
    lounge = fake.addVoiceChannel("Lounge");
    afk = fake.addVoiceChannel("AFK");
    fake.setAfkChannel(afk);
    Await.result(fake.start());
    service = ServiceFixture.start(DiscordEndToEndTest.class, config -> {
      DiscordService.pointAt(config, fake, MESSAGE_XP, COOLDOWN_SECONDS, VOICE_XP, 1);
      DiscordService.mapRanks(config, rank1, rank2, rank3, rank4, commander);
      DiscordService.mapAchievement(config, "first_steps", firstSteps);
      config.getJsonObject("sync").put("maxRetries", MAX_RETRIES);
      return config;
    });
    DiscordService.awaitBotReady(fake);
  }

  @AfterAll
  static void stop() {
    try {
      if (service != null) {
        service.close();
      }
    } finally {
      Await.result(fake.close());
      Await.result(fakeVertx.close());
    }
  }

  // ---- XP from Discord activity ----

  @Test
  void messagesEarnXpOncePerCooldown() {
    long alice = fake.addMember("alice", rank1);
    long first = fake.sendMessage(alice, general);
    long second = fake.sendMessage(alice, general);
    assertTrue(Snowflakes.timestampMs(second) - Snowflakes.timestampMs(first) < COOLDOWN_SECONDS * 1000,
        "the second message must fall inside the cooldown for this test to mean anything");

    Await.until("the first message is paid", () -> xpOf(alice) == MESSAGE_XP);
    Await.until("the cooldown is over", () -> System.currentTimeMillis()
        >= Snowflakes.timestampMs(first) + COOLDOWN_SECONDS * 1000);
    long third = fake.sendMessage(alice, general);
    Await.until("the message after the cooldown is paid", () -> xpOf(alice) == 2 * MESSAGE_XP);

    long player = playerOf(alice);
    assertEquals(List.of(List.of("ds_msg_" + first + "_" + alice, MESSAGE_XP),
            List.of("ds_msg_" + third + "_" + alice, MESSAGE_XP)),
        service.sql.query("SELECT idempotency_key, delta_xp FROM transactions WHERE player_id = ? ORDER BY id", player),
        "one ledger row per paid message; the one inside the cooldown earns nothing");
    assertEquals(2, service.sql.queryLong(
        "SELECT count(*) FROM sync_events WHERE player_id = ? AND event_type = 'xp_change'", player));
  }

  @Test
  void replayedMessageCreatePaysOnce() {
    long bob = fake.addMember("bob", rank1);
    long carol = fake.addMember("carol", rank1);
    long message = fake.sendMessage(bob, general);
    Await.until("the message is paid", () -> xpOf(bob) == MESSAGE_XP);

    fake.replayLastDispatch("MESSAGE_CREATE"); // Discord re-sends it after a resume
    fake.sendMessage(carol, general);          // comes after the replay on the gateway
    Await.until("the message after the replay is paid", () -> xpOf(carol) == MESSAGE_XP);
    Still.holdsFor(Duration.ofSeconds(1), "bob is paid once", () -> xpOf(bob) == MESSAGE_XP);

    long player = playerOf(bob);
    assertEquals(List.of(List.of("ds_msg_" + message + "_" + bob, MESSAGE_XP)),
        service.sql.query("SELECT idempotency_key, delta_xp FROM transactions WHERE player_id = ?", player));
  }

  @Test
  void voiceMinutesPayOnlyUnmutedMembersWithCompanyOutsideAfk() {
    long dora = fake.addMember("dora");
    long eve = fake.addMember("eve");
    long finn = fake.addMember("finn");
    long gus = fake.addMember("gus");
    long hal = fake.addMember("hal");
    long ivy = fake.addMember("ivy");
    long[] everyone = {dora, eve, finn, gus, hal, ivy};
    try {
      fake.voiceJoin(dora, lobby);
      fake.voiceJoin(eve, lobby);
      fake.voiceJoin(finn, lobby);
      fake.voiceSelfMute(finn, true, false); // muted, although in company
      fake.voiceJoin(gus, lounge);           // alone
      fake.voiceJoin(hal, afk);              // two in the AFK channel
      fake.voiceJoin(ivy, afk);

      Await.until("dora and eve earn two voice minutes each",
          () -> xpOf(dora) >= 2 * VOICE_XP && xpOf(eve) >= 2 * VOICE_XP);
      for (long member : new long[] {finn, gus, hal, ivy}) {
        assertTrue(xpOf(member) <= 0, "member " + member + " must not earn voice XP, has " + xpOf(member));
      }
      long player = playerOf(dora);
      assertEquals(xpOf(dora), service.sql.queryLong("SELECT sum(delta_xp) FROM transactions WHERE player_id = ? "
          + "AND idempotency_key LIKE 'ds_voice_%'", player), "every paid minute is one ledger row");
      assertEquals(xpOf(dora) / VOICE_XP, service.sql.queryLong(
          "SELECT count(*) FROM transactions WHERE player_id = ? AND delta_xp = ?", player, VOICE_XP));
    } finally {
      for (long member : everyone) {
        fake.voiceLeave(member);
      }
    }
  }

  // ---- linking ----

  @Test
  void linkCodeFromTelegramMergesDiscordXpOnceAndIsSingleUse() {
    long telegramId = 7_000_001L;
    JsonObject registered = service.request(Bus.PLAYERS_REGISTER,
        new JsonObject().put("telegramId", telegramId).put("chatId", telegramId).put("languageCode", "en"));
    long telegramPlayer = registered.getLong("playerId");
    service.submit(ServiceFixture.xp("tg_seed_" + telegramId, telegramId, 40));
    long jack = fake.addMember("jack", rank1);
    fake.sendMessage(jack, general);
    Await.until("jack earns XP in Discord before linking", () -> xpOf(jack) == MESSAGE_XP);
    Await.until("the Telegram XP is in the ledger", () -> service.sql.queryLong(
        "SELECT xp FROM players WHERE id = ?", telegramPlayer) == 40);
    long discordPlayer = playerOf(jack);
    String code = service.request(Bus.LINK_ISSUE, new JsonObject().put("telegramId", telegramId)).getString("code");

    InteractionReply linked = Await.result(fake.invokeSlashCommand(jack, "link", Map.of("code", code)));

    assertTrue(linked.ephemeral());
    assertTrue(linked.content().startsWith("Linked!") && linked.content().contains("15 XP"), linked.content());
    assertEquals(telegramPlayer, playerOf(jack), "the Discord account now belongs to the Telegram player");
    assertEquals(40 + MESSAGE_XP, xpOf(jack), "no XP lost");
    assertEquals(List.of(0L, telegramPlayer), service.sql.queryRow(
        "SELECT xp, merged_into FROM players WHERE id = ?", discordPlayer), "the Discord-only player is emptied");
    assertEquals(List.of(List.of("tg_seed_" + telegramId, 40L), List.of("link_" + code + "_in", MESSAGE_XP)),
        service.sql.query("SELECT idempotency_key, delta_xp FROM transactions WHERE player_id = ? ORDER BY id",
            telegramPlayer));
    assertEquals(List.of(MESSAGE_XP, -MESSAGE_XP), service.sql.query(
        "SELECT delta_xp FROM transactions WHERE player_id = ? ORDER BY id", discordPlayer).stream()
            .map(row -> row.get(0)).toList());
    assertEquals(40 + MESSAGE_XP, service.sql.queryLong(
        "SELECT sum(delta_xp) FROM transactions WHERE player_id IN (?, ?)", telegramPlayer, discordPlayer),
        "nothing counted twice: the audit trail adds up to the ledger");
    assertEquals(List.of(List.of("object"), List.of("object")), service.sql.query(
        "SELECT jsonb_typeof(metadata) FROM transactions WHERE type = 'merge' AND idempotency_key LIKE ?",
        "link_" + code + "%"));
    Await.until("the rank role queued by the link is delivered", () -> "completed".equals(service.sql.queryString(
        "SELECT status FROM sync_events WHERE idempotency_key = ?", "link_" + code + ":rank1")));

    long kim = fake.addMember("kim", rank1);
    InteractionReply again = Await.result(fake.invokeSlashCommand(kim, "link", Map.of("code", code)));

    assertTrue(again.ephemeral());
    assertTrue(again.content().contains("unknown, already used or expired"), again.content());
    assertTrue(playerOf(kim) != telegramPlayer, "a spent code links nobody");
    assertEquals(40 + MESSAGE_XP, xpOf(jack));
  }

  // ---- roles ----

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
  void rankRoleEditedByHandIsRestoredByReconcile() {
    long mia = fake.addMember("mia", rank1);
    long player = seed(mia, 150);
    Await.until("mia has the first_steps role", () -> fake.memberRoles(mia).contains(firstSteps));
    service.submit(discordXp("seed_more_" + mia, mia, 50)); // 200 XP: rank 2, the bot's last role change
    Await.until("mia shows rank 2", () -> fake.memberRoles(mia).equals(Set.of(rank2, firstSteps)));
    Await.until("no rank change in flight", () -> "completed".equals(rankEvents(player)));

    // A moderator swaps her rank role in the Discord client.
    fake.setRoleByHand(mia, rank2, false);
    fake.setRoleByHand(mia, rank3, true);
    Await.until("the bot sees the hand edit", () -> botSeesRoles(mia).contains(rank3));
    long transactions = service.sql.queryLong("SELECT count(*) FROM transactions WHERE player_id = ?", player);

    JsonObject pass = service.request(Bus.RECONCILE_RUN_NOW, new JsonObject().put("playerId", player));

    assertEquals(1, pass.getInteger("divergences"), pass.encode());
    Await.until("the ledger's role is back", () -> fake.memberRoles(mia).equals(Set.of(rank2, firstSteps)));
    assertEquals(200, xpOf(mia), "the ledger is unchanged");
    assertEquals(2, DiscordService.roleCalls(fake, "PUT", mia, rank2).size(), "put back by the bot");
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

  // ---- helpers ----

  private static long xpOf(long discordId) {
    return DiscordService.xpOf(service.sql, discordId);
  }

  private static long playerOf(long discordId) {
    return DiscordService.playerOf(service.sql, discordId);
  }

  private static JsonObject discordXp(String key, long discordId, long xp) {
    return new JsonObject().put("source", "discord").put("type", "xp_change").put("discordId", discordId)
        .put("xp", xp).put("idempotencyKey", key);
  }

  /** Gives a Discord member XP through the engine (as if earned earlier); returns their player id. */
  private static long seed(long discordId, long xp) {
    service.submit(discordXp("seed_" + discordId, discordId, xp));
    Await.until("the seeded XP is in the ledger", () -> xpOf(discordId) == xp);
    return playerOf(discordId);
  }

  /** Statuses of the player's rank_change events in order, comma-separated. */
  private static String rankEvents(long player) {
    return service.sql.queryString("SELECT string_agg(status, ',' ORDER BY id) FROM sync_events "
        + "WHERE player_id = ? AND event_type = 'rank_change'", player);
  }

  private static Set<Long> botSeesRoles(long discordId) {
    JsonObject reply = service.request(Bus.DISCORD_MEMBER_ROLES,
        new JsonObject().put("discordIds", new JsonArray().add(discordId)));
    JsonArray roles = reply.getJsonObject("members").getJsonArray(Long.toString(discordId));
    return roles == null ? Set.of() : Set.copyOf(roles.stream().map(r -> ((Number) r).longValue()).toList());
  }
}
