package io.xpbridge.discord;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.xpbridge.bus.Bus;
import io.xpbridge.fake.discord.FakeDiscord;
import io.xpbridge.support.Await;
import io.xpbridge.support.DiscordService;
import io.xpbridge.support.ServiceFixture;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInfo;

/**
 * The Discord side of issue 4 end to end: the real Discord bot (JDA) talks to a {@link FakeDiscord},
 * the real sync engine, account and reconcile verticles run on a fresh PostgreSQL database per
 * test class, and every assertion about XP reads the ledger in PostgreSQL. Test classes run one
 * after the other (the fields are shared static state).
 *
 * <p>Guild roles, top to bottom: Admin (30), Commander (25, rank 5: above the bot), the bot's role
 * (20, Manage Roles), First steps (10, achievement first_steps at 100 XP), ranks 4..1 (6..3).
 * Rank thresholds: 2 at 165 XP, 3 at 460, 4 at 885, 5 at 1440.
 */
abstract class DiscordEndToEndBase {
  static final long MESSAGE_XP = 15;
  static final long COOLDOWN_SECONDS = 2;
  static final long VOICE_XP = 2;
  static final int MAX_RETRIES = 2;

  static Vertx fakeVertx;
  static FakeDiscord fake;
  static ServiceFixture service;
  static long commander;
  static long botRole;
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
  static void start(TestInfo test) {
    fakeVertx = Vertx.vertx();
    fake = new FakeDiscord(fakeVertx);
    fake.addRole("Admin", 30);
    commander = fake.addRole("Commander", 25);
    botRole = fake.giveBotManageRoles(20);
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
    service = ServiceFixture.start(test.getTestClass().orElseThrow(), config -> {
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

  // ---- helpers ----

  static long xpOf(long discordId) {
    return DiscordService.xpOf(service.sql, discordId);
  }

  static long playerOf(long discordId) {
    return DiscordService.playerOf(service.sql, discordId);
  }

  static JsonObject discordXp(String key, long discordId, long xp) {
    return new JsonObject().put("source", "discord").put("type", "xp_change").put("discordId", discordId)
        .put("xp", xp).put("idempotencyKey", key);
  }

  /** Gives a Discord member XP through the engine (as if earned earlier); returns their player id. */
  static long seed(long discordId, long xp) {
    service.submit(discordXp("seed_" + discordId, discordId, xp));
    Await.until("the seeded XP is in the ledger", () -> xpOf(discordId) == xp);
    return playerOf(discordId);
  }

  /** Statuses of the player's rank_change events in order, comma-separated. */
  static String rankEvents(long player) {
    return service.sql.queryString("SELECT string_agg(status, ',' ORDER BY id) FROM sync_events "
        + "WHERE player_id = ? AND event_type = 'rank_change'", player);
  }

  static Set<Long> botSeesRoles(long discordId) {
    JsonObject reply = service.request(Bus.DISCORD_MEMBER_ROLES,
        new JsonObject().put("discordIds", new JsonArray().add(discordId)));
    JsonArray roles = reply.getJsonObject("members").getJsonArray(Long.toString(discordId));
    return roles == null ? Set.of() : Set.copyOf(roles.stream().map(r -> ((Number) r).longValue()).toList());
  }
}
