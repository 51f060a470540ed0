package io.xpbridge.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.xpbridge.bus.Bus;
import io.xpbridge.support.Await;
import io.xpbridge.support.ServiceFixture;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ReconcileTest {
  static ServiceFixture service;
  static final long RANK_ROLE_BASE = 900_000_000_000_000_000L;
  static final long FIRST_STEPS_ROLE = 910_000_000_000_000_001L;

  @BeforeAll
  static void start() {
    service = ServiceFixture.start(ReconcileTest.class, config -> {
      JsonArray ranks = config.getJsonArray("ranks");
      for (int i = 0; i < ranks.size(); i++) {
        ranks.getJsonObject(i).put("discordRoleId", RANK_ROLE_BASE + i + 1);
      }
      config.getJsonArray("achievements").stream().map(JsonObject.class::cast)
          .filter(a -> "first_steps".equals(a.getString("code"))).forEach(a -> a.put("discordRoleId", FIRST_STEPS_ROLE));
      return config;
    });
  }

  @AfterAll
  static void stop() {
    service.close();
  }

  @Test
  void reconcileFindsASeededDivergenceAndRepairsIt() {
    List<JsonObject> roleEffects = new CopyOnWriteArrayList<>();
    var discord = service.vertx.eventBus().<JsonObject>consumer(Bus.EFFECTS_DISCORD, msg -> {
      roleEffects.add(msg.body());
      msg.reply(new JsonObject().put("ok", true));
    });
    try {
      long healthy = linkedPlayer(5001, 6001, 500);
      long drifted = linkedPlayer(5002, 6002, 1500);
      // Both were told their right rank once; then the drifted one's record says rank 2 (a lost change).
      service.sql.update("INSERT INTO sync_state (player_id, last_discord_rank, last_telegram_rank) VALUES (?, 3, 3), (?, 5, 5)",
          healthy, drifted);
      service.sql.update("UPDATE sync_state SET last_discord_rank = 2 WHERE player_id = ?", drifted);

      JsonObject pass = service.request(Bus.RECONCILE_RUN_NOW, new JsonObject());

      assertEquals(1, pass.getInteger("divergences"), pass.encode());
      assertTrue(pass.getInteger("players") >= 2);
      Await.until("role put back", () -> roleEffects.stream().anyMatch(e -> e.getLong("discordId") == 6002));
      JsonObject effect = roleEffects.stream().filter(e -> e.getLong("discordId") == 6002).findFirst().orElseThrow();
      assertEquals(5, effect.getJsonObject("rank").getInteger("number"));
      assertEquals(RANK_ROLE_BASE + 5, effect.getJsonObject("rank").getLong("roleId"));
      assertEquals(20, effect.getJsonArray("rankRoleIds").size());
      assertTrue(roleEffects.stream().noneMatch(e -> e.getLong("discordId") == 6001), "the healthy player is left alone");
      Await.until("state recorded", () -> service.sql.queryLong(
          "SELECT last_discord_rank FROM sync_state WHERE player_id = ?", drifted) == 5);
      assertEquals(1, service.sql.queryLong("SELECT reconcile_errors FROM sync_state WHERE player_id = ?", drifted));
      assertTrue(service.sql.queryString("SELECT last_reconcile_at FROM sync_state WHERE player_id = ?", healthy) != null);

      JsonObject second = service.request(Bus.RECONCILE_RUN_NOW, new JsonObject());
      assertEquals(0, second.getInteger("divergences"), "repaired state stays repaired");
    } finally {
      discord.unregister();
    }
  }

  @Test
  void aRoleEditedByHandInDiscordIsPutBackByReconcile() {
    List<JsonObject> roleEffects = new CopyOnWriteArrayList<>();
    long player = linkedPlayer(5003, 6003, 900);
    service.sql.update("INSERT INTO sync_state (player_id, last_discord_rank, last_telegram_rank) VALUES (?, 4, 4)", player);
    var discord = service.vertx.eventBus().<JsonObject>consumer(Bus.EFFECTS_DISCORD, msg -> {
      roleEffects.add(msg.body());
      msg.reply(new JsonObject().put("ok", true));
    });
    // What the Discord bot reports: a moderator gave the member rank 9's role instead of rank 4's.
    var roles = service.vertx.eventBus().<JsonObject>consumer(Bus.DISCORD_MEMBER_ROLES, msg -> {
      JsonObject members = new JsonObject();
      for (Object id : msg.body().getJsonArray("discordIds")) {
        long discordId = Long.parseLong(id.toString());
        members.put(id.toString(), discordId == 6003 ? new JsonArray().add(RANK_ROLE_BASE + 9)
            : new JsonArray().add(RANK_ROLE_BASE + 1));
      }
      msg.reply(new JsonObject().put("members", members).put("missing", new JsonArray()));
    });
    try {
      service.request(Bus.RECONCILE_RUN_NOW, new JsonObject().put("playerId", player));
      Await.until("rank role restored", () -> roleEffects.stream().anyMatch(e -> e.getLong("discordId") == 6003));
      assertEquals(4, roleEffects.get(0).getJsonObject("rank").getInteger("number"));
      assertEquals(900, service.sql.queryLong("SELECT xp FROM players WHERE id = ?", player), "the ledger is untouched");
    } finally {
      discord.unregister();
      roles.unregister();
    }
  }

  @Test
  void aMissingAchievementRoleIsPutBackInDiscordOnly() {
    long player = linkedPlayer(5004, 6004, 200); // rank 2, first_steps unlocked long ago
    service.sql.update("INSERT INTO sync_state (player_id, last_discord_rank, last_telegram_rank) VALUES (?, 2, 2)", player);
    service.sql.update("INSERT INTO player_achievements (player_id, code) VALUES (?, 'first_steps')", player);
    List<JsonObject> discordEffects = new CopyOnWriteArrayList<>();
    List<JsonObject> telegramEffects = new CopyOnWriteArrayList<>();
    var discord = service.vertx.eventBus().<JsonObject>consumer(Bus.EFFECTS_DISCORD, msg -> {
      discordEffects.add(msg.body());
      msg.reply(new JsonObject().put("ok", true));
    });
    var telegram = service.vertx.eventBus().<JsonObject>consumer(Bus.EFFECTS_TELEGRAM, msg -> {
      telegramEffects.add(msg.body());
      msg.reply(new JsonObject().put("ok", true));
    });
    // The member has the right rank role, but someone took the achievement's role away.
    var roles = memberRoles(6004, RANK_ROLE_BASE + 2);
    try {
      JsonObject pass = service.request(Bus.RECONCILE_RUN_NOW, new JsonObject().put("playerId", player));

      assertEquals(1, pass.getInteger("divergences"), pass.encode());
      Await.until("the achievement role is put back", () -> discordEffects.stream()
          .anyMatch(e -> "achievement_role".equals(e.getString("kind")) && e.getLong("discordId") == 6004));
      JsonObject effect = discordEffects.get(0);
      assertEquals(FIRST_STEPS_ROLE, effect.getJsonObject("achievement").getLong("roleId"));
      Await.until("the effect completed", () -> "completed".equals(service.sql.queryString(
          "SELECT status FROM sync_events WHERE player_id = ? AND event_type = 'achievement_unlock'", player)));
      assertTrue(telegramEffects.isEmpty(), "Telegram heard of the achievement when it was unlocked: " + telegramEffects);
      assertEquals(1, service.sql.queryLong("SELECT count(*) FROM player_achievements WHERE player_id = ?", player));
    } finally {
      discord.unregister();
      telegram.unregister();
      roles.unregister();
    }
  }

  @Test
  void aMemberWhoLeftTheGuildGetsNoRoleEffects() {
    long player = linkedPlayer(5005, 6005, 900); // rank 4
    // Discord was last told rank 2 (a lost change): a pass would put the role back, were she there.
    service.sql.update("INSERT INTO sync_state (player_id, last_discord_rank, last_telegram_rank) VALUES (?, 2, 4)", player);
    service.sql.update("INSERT INTO player_achievements (player_id, code) VALUES (?, 'first_steps')", player);
    service.request(Bus.DISCORD_MEMBER_PRESENCE, new JsonObject().put("discordId", 6005).put("present", false));
    assertTrue(service.sql.queryString("SELECT left_guild_at FROM discord_identities WHERE discord_id = 6005") != null);
    var roles = memberRoles(6005);

    try {
      JsonObject pass = service.request(Bus.RECONCILE_RUN_NOW, new JsonObject().put("playerId", player));

      assertEquals(0, pass.getInteger("divergences"), pass.encode());
      assertEquals(0, service.sql.queryLong("SELECT count(*) FROM sync_events WHERE player_id = ?", player));
      assertEquals(900, service.sql.queryLong("SELECT xp FROM players WHERE id = ?", player), "her XP is kept");
    } finally {
      roles.unregister();
    }
  }

  @Test
  void aRosterAfterAReconnectCatchesLeavesAndReturnsMissedMeanwhile() {
    long stays = linkedPlayer(5006, 6006, 200);
    long returns = linkedPlayer(5007, 6007, 200); // rank 2
    service.sql.update("INSERT INTO sync_state (player_id, last_discord_rank, last_telegram_rank) VALUES (?, 2, 2), (?, 2, 2)",
        stays, returns);
    service.sql.update("UPDATE discord_identities SET left_guild_at = now() WHERE discord_id = 6007");
    // Known for a while; 6008 was first seen a moment ago (joined after the bot's roster was taken).
    service.sql.update("UPDATE discord_identities SET created_at = now() - interval '1 hour' WHERE discord_id = 6006");
    linkedPlayer(5008, 6008, 10);
    List<JsonObject> discordEffects = new CopyOnWriteArrayList<>();
    var discord = service.vertx.eventBus().<JsonObject>consumer(Bus.EFFECTS_DISCORD, msg -> {
      discordEffects.add(msg.body());
      msg.reply(new JsonObject().put("ok", true));
    });
    var roles = memberRoles(6007); // back without any role, as Discord gives them
    // Everyone known is in the guild but 6006, who left while the bot was away; 6007 came back.
    JsonArray roster = new JsonArray();
    service.sql.query("SELECT discord_id FROM discord_identities WHERE left_guild_at IS NULL "
            + "AND discord_id NOT IN (6006, 6008)")
        .forEach(row -> roster.add(row.get(0)));
    roster.add(6007);
    try {
      JsonObject changed = service.request(Bus.DISCORD_GUILD_ROSTER, new JsonObject().put("discordIds", roster));

      assertEquals(new JsonArray().add(6006), changed.getJsonArray("left"), "not 6008, new since: " + changed.encode());
      assertEquals(new JsonArray().add(6007), changed.getJsonArray("returned"), changed.encode());
      Await.until("6007's rank role is given back", () -> discordEffects.stream()
          .anyMatch(e -> e.getLong("discordId") == 6007 && "rank_role".equals(e.getString("kind"))));
      assertTrue(discordEffects.stream().noneMatch(e -> e.getLong("discordId") == 6006), discordEffects.toString());
      JsonObject again = service.request(Bus.DISCORD_GUILD_ROSTER, new JsonObject().put("discordIds", roster));
      assertEquals(0, again.getJsonArray("left").size() + again.getJsonArray("returned").size(),
          "the same roster twice changes nothing: " + again);
    } finally {
      discord.unregister();
      roles.unregister();
    }
  }

  /** Answers DISCORD_MEMBER_ROLES as the bot would: every asked member holds {@code held}. */
  private io.vertx.core.eventbus.MessageConsumer<JsonObject> memberRoles(long discordId, long... held) {
    return service.vertx.eventBus().<JsonObject>consumer(Bus.DISCORD_MEMBER_ROLES, msg -> {
      JsonObject members = new JsonObject();
      JsonArray missing = new JsonArray();
      for (Object id : msg.body().getJsonArray("discordIds")) {
        JsonArray roles = new JsonArray();
        for (long role : held) {
          roles.add(role);
        }
        members.put(id.toString(), Long.parseLong(id.toString()) == discordId ? roles
            : new JsonArray().add(RANK_ROLE_BASE + 1));
      }
      msg.reply(new JsonObject().put("members", members).put("missing", missing));
    });
  }

  private long linkedPlayer(long telegramId, long discordId, long xp) {
    long player = service.sql.queryLong("INSERT INTO players (xp) VALUES (?) RETURNING id", xp);
    service.sql.update("INSERT INTO telegram_identities (telegram_id, player_id, chat_id) VALUES (?, ?, ?)",
        telegramId, player, telegramId);
    service.sql.update("INSERT INTO discord_identities (discord_id, player_id) VALUES (?, ?)", discordId, player);
    return player;
  }
}
