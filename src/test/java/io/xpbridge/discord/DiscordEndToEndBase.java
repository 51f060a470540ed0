package io.xpbridge.discord;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.xpbridge.bus.Bus;
import io.xpbridge.fake.discord.FakeDiscord;
import io.xpbridge.support.Await;
import io.xpbridge.support.DiscordService;
import io.xpbridge.support.PlatformFixture;
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

  static PlatformFixture platforms;
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
    platforms = PlatformFixture.of(test.getTestClass().orElseThrow())
        .discord(guild -> {
          guild.addRole("Admin", 30);
          commander = guild.addRole("Commander", 25);
          botRole = guild.giveBotManageRoles(20);
          firstSteps = guild.addRole("First steps", 10);
          rank4 = guild.addRole("Junior Sergeant", 6);
          rank3 = guild.addRole("Lance Corporal", 5);
          rank2 = guild.addRole("Private", 4);
          rank1 = guild.addRole("Recruit", 3);
          general = guild.addTextChannel("general");
          lobby = guild.addVoiceChannel("Lobby");
          lounge = guild.addVoiceChannel("Lounge");
          afk = guild.addVoiceChannel("AFK");
          guild.setAfkChannel(afk);
        })
        .config(config -> {
          DiscordService.xpRules(config, MESSAGE_XP, COOLDOWN_SECONDS, VOICE_XP, 1);
          DiscordService.mapRanks(config, rank1, rank2, rank3, rank4, commander);
          DiscordService.mapAchievement(config, "first_steps", firstSteps);
          config.getJsonObject("sync").put("maxRetries", MAX_RETRIES);
          return config;
        })
        .start();
    fake = platforms.discord;
    service = platforms.service;
  }

  @AfterAll
  static void stop() {
    if (platforms != null) {
      platforms.close();
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
