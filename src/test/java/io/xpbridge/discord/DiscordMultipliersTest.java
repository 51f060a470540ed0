package io.xpbridge.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonObject;
import io.xpbridge.support.Await;
import io.xpbridge.support.DiscordService;
import io.xpbridge.support.PlatformFixture;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Multipliers of {@code economy}, end to end: the real JDA reads the member's roles and the channel
 * from the fake Discord's gateway, the engine prices the XP, and the audit row says how.
 */
class DiscordMultipliersTest {
  static final long MESSAGE_XP = 15;
  static PlatformFixture platforms;
  static long booster;
  static long general;
  static long spam;

  @BeforeAll
  static void start() {
    platforms = PlatformFixture.of(DiscordMultipliersTest.class)
        .discord(guild -> {
          guild.giveBotManageRoles(20);
          booster = guild.addRole("Server Booster", 5);
          general = guild.addTextChannel("general");
          spam = guild.addTextChannel("spam");
        })
        .config(config -> {
          DiscordService.xpRules(config, MESSAGE_XP, 0, 2, 1);
          return config.put("economy", new JsonObject().put("multipliers", new JsonObject()
              .put("discordChannels", new JsonObject().put(Long.toString(spam), 0))
              .put("discordRoles", new JsonObject().put(Long.toString(booster), 2))));
        })
        .start();
  }

  @AfterAll
  static void stop() {
    platforms.close();
  }

  static long xpOf(long discordId) {
    return DiscordService.xpOf(platforms.service.sql, discordId);
  }

  @Test
  void aRoleAt2xPaysDoubleAndAChannelAt0PaysNothingButIsAudited() {
    long alice = platforms.discord.addMember("alice");
    long bob = platforms.discord.addMember("bob", booster);

    long bobs = platforms.discord.sendMessage(bob, general);
    Await.until("bob's message paid double", () -> xpOf(bob) == 2 * MESSAGE_XP);
    long muted = platforms.discord.sendMessage(alice, spam);
    Await.until("alice's message in spam audited", () -> platforms.service.sql.queryLong(
        "SELECT count(*) FROM transactions WHERE idempotency_key = ?", "ds_msg_" + muted + "_" + alice) == 1);
    long counted = platforms.discord.sendMessage(alice, general);
    Await.until("alice's message in general paid", () -> xpOf(alice) == MESSAGE_XP);

    assertEquals(List.of(30L, 15L, "2.0000"), row("ds_msg_" + bobs + "_" + bob));
    assertEquals(List.of(0L, 15L, "0.0000"), row("ds_msg_" + muted + "_" + alice),
        "a 0x channel pays nothing; the row says what was earned and why");
    assertEquals(List.of(15L, 15L, "1.0000"), row("ds_msg_" + counted + "_" + alice));
  }

  private static List<Object> row(String key) {
    List<Object> row = platforms.service.sql.queryRow(
        "SELECT delta_xp, base_xp, xp_multiplier::text FROM transactions WHERE idempotency_key = ?", key);
    return List.of(((Number) row.get(0)).longValue(), ((Number) row.get(1)).longValue(), row.get(2));
  }
}
