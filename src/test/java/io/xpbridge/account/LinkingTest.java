package io.xpbridge.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;
import io.xpbridge.bus.Bus;
import io.xpbridge.bus.Refusal;
import io.xpbridge.support.ServiceFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The linking service over the bus, as both bots use it. */
class LinkingTest {
  static ServiceFixture service;

  @BeforeAll
  static void start() {
    service = ServiceFixture.start(LinkingTest.class);
  }

  @AfterAll
  static void stop() {
    service.close();
  }

  /** Ledger changes are applied; effects may wait, as no bot runs in this class. */
  private static void applied(String keyPattern) {
    io.xpbridge.support.Await.until(keyPattern + " applied", () -> service.sql.queryLong(
        "SELECT count(*) FROM transactions WHERE idempotency_key LIKE ?", keyPattern) == 1);
  }

  @Test
  void aCodeFromDiscordRedeemedInTelegramMergesBothSidesAndKeepsTheNewerStreak() {
    service.submit(new JsonObject().put("source", "discord").put("type", "xp_change").put("discordId", 4001)
        .put("xp", 70).put("idempotencyKey", "ln_ds_1"));
    service.request(Bus.PLAYERS_REGISTER, new JsonObject().put("telegramId", 4101).put("chatId", 4101));
    JsonObject daily = service.request(Bus.DAILY_CLAIM, new JsonObject().put("telegramId", 4101));
    assertTrue(daily.getBoolean("claimed"));
    applied("ln_ds_1");
    applied("tg_daily_%_4101");
    String code = service.request(Bus.LINK_ISSUE, new JsonObject().put("discordId", 4001)).getString("code");
    assertEquals(8, code.length());

    JsonObject linked = service.request(Bus.LINK_REDEEM, new JsonObject().put("code", code).put("telegramId", 4101));

    long survivor = linked.getLong("playerId");
    assertEquals(survivor, service.sql.queryLong("SELECT player_id FROM discord_identities WHERE discord_id = 4001"));
    assertEquals(survivor, service.sql.queryLong("SELECT player_id FROM telegram_identities WHERE telegram_id = 4101"));
    long xp = 70 + daily.getLong("xp");
    assertEquals(xp, service.sql.queryLong("SELECT xp FROM players WHERE id = ?", survivor));
    assertEquals(1, service.sql.queryLong("SELECT daily_streak FROM players WHERE id = ?", survivor));
    assertTrue(service.sql.queryString("SELECT last_daily_day FROM players WHERE id = ?", survivor) != null,
        "the Telegram side's daily claim survives the merge");
    assertEquals(service.sql.queryLong("SELECT sum(xp) FROM players"),
        service.sql.queryLong("SELECT sum(delta_xp) FROM transactions"), "audit rows add up to the ledger");
    ReplyException reused = (ReplyException) service.requestFailure(Bus.LINK_REDEEM,
        new JsonObject().put("code", code).put("telegramId", 4102));
    assertEquals(404, reused.failureCode());
    assertEquals(Refusal.LINK_CODE_UNKNOWN, Refusal.of(reused).refusal());
  }

  @Test
  void anExpiredCodeIsRefusedAndACodeCannotBeRedeemedOnItsOwnPlatform() {
    service.request(Bus.PLAYERS_REGISTER, new JsonObject().put("telegramId", 4201).put("chatId", 4201));
    String code = service.request(Bus.LINK_ISSUE, new JsonObject().put("telegramId", 4201)).getString("code");
    ReplyException samePlatform = (ReplyException) service.requestFailure(Bus.LINK_REDEEM,
        new JsonObject().put("code", code).put("telegramId", 4202));
    assertEquals(409, samePlatform.failureCode());
    assertEquals(Refusal.LINK_CODE_SAME_PLATFORM, Refusal.of(samePlatform).refusal());
    service.sql.update("UPDATE link_codes SET expires_at = now() - interval '1 second' WHERE code = ?", code);
    ReplyException expired = (ReplyException) service.requestFailure(Bus.LINK_REDEEM,
        new JsonObject().put("code", code).put("discordId", 4203));
    assertEquals(404, expired.failureCode());
    assertEquals(Refusal.LINK_CODE_UNKNOWN, Refusal.of(expired).refusal(), "unknown, used or expired: " + expired.getMessage());
  }

  @Test
  void unlinkLeavesTheXpWithTheProfileAndTheDiscordAccountStartsOver() {
    service.request(Bus.PLAYERS_REGISTER, new JsonObject().put("telegramId", 4301).put("chatId", 4301));
    service.submit(ServiceFixture.xp("ln_unlink_1", 4301, 300));
    applied("ln_unlink_1");
    String code = service.request(Bus.LINK_ISSUE, new JsonObject().put("telegramId", 4301)).getString("code");
    long profile = service.request(Bus.LINK_REDEEM, new JsonObject().put("code", code).put("discordId", 4302))
        .getLong("playerId");

    assertTrue(service.request(Bus.LINK_UNLINK, new JsonObject().put("discordId", 4302)).getBoolean("unlinked"));

    assertEquals(300, service.sql.queryLong("SELECT xp FROM players WHERE id = ?", profile));
    long fresh = service.sql.queryLong("SELECT player_id FROM discord_identities WHERE discord_id = 4302");
    assertTrue(fresh != profile);
    assertEquals(0, service.sql.queryLong("SELECT xp FROM players WHERE id = ?", fresh));
    assertEquals(false, service.request(Bus.LINK_UNLINK, new JsonObject().put("discordId", 4302)).getBoolean("unlinked"));
  }

  @Test
  void aMergeThatCrossesAnAchievementThresholdUnlocksItExactlyOnce() {
    // first_steps unlocks at 100 XP: 60 in Telegram and 60 in Discord reach it only together.
    service.request(Bus.PLAYERS_REGISTER, new JsonObject().put("telegramId", 4401).put("chatId", 4401));
    service.submit(ServiceFixture.xp("ln_ach_tg", 4401, 60));
    service.submit(new JsonObject().put("source", "discord").put("type", "xp_change").put("discordId", 4402)
        .put("xp", 60).put("idempotencyKey", "ln_ach_ds"));
    applied("ln_ach_tg");
    applied("ln_ach_ds");
    String code = service.request(Bus.LINK_ISSUE, new JsonObject().put("telegramId", 4401)).getString("code");

    long survivor = service.request(Bus.LINK_REDEEM, new JsonObject().put("code", code).put("discordId", 4402))
        .getLong("playerId");

    assertEquals(120, service.sql.queryLong("SELECT xp FROM players WHERE id = ?", survivor));
    assertEquals(1, service.sql.queryLong(
        "SELECT count(*) FROM player_achievements WHERE player_id = ? AND code = 'first_steps'", survivor));
    assertEquals(1, service.sql.queryLong(
        "SELECT count(*) FROM sync_events WHERE player_id = ? AND event_type = 'achievement_unlock'"
            + " AND payload->>'achievement' = 'first_steps'", survivor), "one unlock event carries its role and message");
    assertEquals(1, service.sql.queryLong("SELECT count(*) FROM sync_events WHERE idempotency_key = ?",
        "link:" + code), "the link is an event of the ledger");
    assertEquals(service.sql.queryLong("SELECT sum(xp) FROM players"),
        service.sql.queryLong("SELECT sum(delta_xp) FROM transactions"), "audit rows add up to the ledger");
    ReplyException again = (ReplyException) service.requestFailure(Bus.LINK_REDEEM,
        new JsonObject().put("code", code).put("discordId", 4402));
    assertEquals(404, again.failureCode());
    assertEquals(1, service.sql.queryLong(
        "SELECT count(*) FROM player_achievements WHERE player_id = ? AND code = 'first_steps'", survivor));
  }
}
