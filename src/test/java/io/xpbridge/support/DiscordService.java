package io.xpbridge.support;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.xpbridge.fake.discord.FakeDiscord;
import io.xpbridge.fake.discord.RestCall;
import java.util.List;

/**
 * Helpers for end-to-end tests that run the real service against a {@link FakeDiscord}: the
 * config section pointing the real Discord bot (JDA) at the fake, and ledger look-ups by Discord id.
 */
public final class DiscordService {
  private DiscordService() {}

  /** Points {@code config.discord} at the started {@code fake}. */
  public static JsonObject pointAt(JsonObject config, FakeDiscord fake) {
    config.getJsonObject("discord")
        .put("token", fake.token())
        .put("guildId", Long.toString(fake.guildId()))
        .put("restUrl", fake.restUrl())
        .put("gatewayUrl", fake.gatewayUrl())
        .put("readyTimeoutSeconds", 20);
    return config;
  }

  /** The Discord XP rules: per message and its cooldown, per voice minute and the minute's length. */
  public static JsonObject xpRules(JsonObject config, long messageXp, long cooldownSeconds, long voiceXpPerMinute,
      long voiceUnitSeconds) {
    config.getJsonObject("discord")
        .put("messageXp", messageXp)
        .put("messageCooldownSeconds", cooldownSeconds)
        .put("voiceXpPerMinute", voiceXpPerMinute)
        .put("voiceMinIntervalSeconds", voiceUnitSeconds);
    return config;
  }

  /** Maps {@code ranks[i].discordRoleId} to {@code roleIds[i]} (rank 1 first); later ranks stay unmapped. */
  public static JsonObject mapRanks(JsonObject config, long... roleIds) {
    JsonArray ranks = config.getJsonArray("ranks");
    for (int i = 0; i < roleIds.length; i++) {
      ranks.getJsonObject(i).put("discordRoleId", Long.toString(roleIds[i]));
    }
    return config;
  }

  public static JsonObject mapAchievement(JsonObject config, String code, long roleId) {
    for (Object o : config.getJsonArray("achievements")) {
      JsonObject achievement = (JsonObject) o;
      if (code.equals(achievement.getString("code"))) {
        achievement.put("discordRoleId", Long.toString(roleId));
        return config;
      }
    }
    throw new IllegalArgumentException("no achievement " + code + " in the config");
  }

  /** Blocks until the bot logged in to the fake and registered its slash commands. */
  public static void awaitBotReady(FakeDiscord fake) {
    Await.until("the Discord bot logged in and registered its commands",
        () -> fake.identifyCount() > 0 && !fake.registeredCommands().isEmpty());
  }

  /** XP of the player a Discord account belongs to now; -1 when the ledger does not know the account. */
  public static long xpOf(Sql sql, long discordId) {
    List<Object> row = sql.queryRow("SELECT p.xp FROM players p JOIN discord_identities d ON d.player_id = p.id "
        + "WHERE d.discord_id = ?", discordId);
    return row == null ? -1 : ((Number) row.get(0)).longValue();
  }

  public static long playerOf(Sql sql, long discordId) {
    List<Object> row = sql.queryRow("SELECT player_id FROM discord_identities WHERE discord_id = ?", discordId);
    return row == null ? -1 : ((Number) row.get(0)).longValue();
  }

  /**
   * {@link #roleCalls} once at least {@code atLeast} are recorded (within 5 s). For a test that has
   * just seen the role change: the fake changes a member's roles while it handles the call and records
   * the call when its response ends, a moment later.
   */
  public static List<RestCall> recordedRoleCalls(FakeDiscord fake, String method, long memberId, long roleId, int atLeast) {
    Await.until(atLeast + " " + method + " role call(s) recorded",
        () -> roleCalls(fake, method, memberId, roleId).size() >= atLeast, java.time.Duration.ofSeconds(5));
    return roleCalls(fake, method, memberId, roleId);
  }

  /** The fake's member-role calls (PUT/DELETE) for one member and one role. */
  public static List<RestCall> roleCalls(FakeDiscord fake, String method, long memberId, long roleId) {
    return fake.restCalls(c -> c.isMemberRoleCall() && c.method().equalsIgnoreCase(method)
        && c.path().endsWith("/members/" + memberId + "/roles/" + roleId));
  }
}
