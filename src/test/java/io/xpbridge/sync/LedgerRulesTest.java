package io.xpbridge.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import io.xpbridge.support.ServiceFixture;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Ladder, balance floor and ping-pong protection, through the real engine. */
class LedgerRulesTest {
  static ServiceFixture service;

  @BeforeAll
  static void start() {
    service = ServiceFixture.start(LedgerRulesTest.class);
  }

  @AfterAll
  static void stop() {
    service.close();
  }

  private long playerOfTelegram(long telegramId) {
    return service.sql.queryLong("SELECT player_id FROM telegram_identities WHERE telegram_id = ?", telegramId);
  }

  @Test
  void crossingARankThresholdCreatesExactlyOneRankChange() {
    // Rank 2 starts at 165 XP: 100 stays at rank 1, +100 crosses once, +10 stays at rank 2.
    service.submit(ServiceFixture.xp("rank_a_1", 1001, 100));
    service.awaitQueueDrained();
    service.submit(ServiceFixture.xp("rank_a_2", 1001, 100));
    service.awaitQueueDrained();
    service.submit(ServiceFixture.xp("rank_a_3", 1001, 10));
    service.awaitQueueDrained();
    long player = playerOfTelegram(1001);
    List<List<Object>> changes = service.sql.query(
        "SELECT idempotency_key, payload->>'rank', payload->>'previousRank' FROM sync_events "
            + "WHERE player_id = ? AND event_type = 'rank_change'", player);
    assertEquals(1, changes.size(), changes.toString());
    assertEquals("rank_a_2:rank2", changes.get(0).get(0));
    assertEquals("2", changes.get(0).get(1));
    assertEquals("1", changes.get(0).get(2));
  }

  @Test
  void severalCrossingsInOneBurstStillGiveOneRankChangePerBatchAndEndOnTheRightRank() {
    for (int i = 0; i < 30; i++) {
      service.vertx.eventBus().request(io.xpbridge.bus.Bus.EVENTS_SUBMIT, ServiceFixture.xp("burst_" + i, 1002, 100));
    }
    io.xpbridge.support.Await.until("30 events applied", () -> service.sql.queryLong(
        "SELECT count(*) FROM transactions WHERE idempotency_key LIKE 'burst_%'") == 30);
    service.awaitQueueDrained();
    long player = playerOfTelegram(1002);
    assertEquals(3000, service.sql.queryLong("SELECT xp FROM players WHERE id = ?", player));
    // 3000 XP is rank 7 (2940); the changes must chain from 1 to 7 without gaps or repeats.
    List<List<Object>> changes = service.sql.query("SELECT (payload->>'previousRank')::int, (payload->>'rank')::int "
        + "FROM sync_events WHERE player_id = ? AND event_type = 'rank_change' ORDER BY id", player);
    int expectedFrom = 1;
    for (List<Object> change : changes) {
      assertEquals(expectedFrom, ((Number) change.get(0)).intValue(), changes.toString());
      expectedFrom = ((Number) change.get(1)).intValue();
    }
    assertEquals(7, expectedFrom);
  }

  @Test
  void balanceBelowZeroFailsTheEventWithNoPartialEffect() {
    service.submit(new JsonObject().put("source", "telegram").put("type", "balance_change").put("telegramId", 1003)
        .put("balance", 30).put("idempotencyKey", "bal_1"));
    service.awaitQueueDrained();
    JsonObject spend = new JsonObject().put("source", "telegram").put("type", "reward_grant").put("telegramId", 1003)
        .put("balance", -50).put("xp", 500).put("idempotencyKey", "bal_2");
    long failedId = service.submit(spend).getLong("eventId");
    service.awaitQueueDrained();
    List<Object> row = service.sql.queryRow("SELECT status, error_message FROM sync_events WHERE id = ?", failedId);
    assertEquals("failed", row.get(0));
    assertTrue(row.get(1).toString().contains("below zero"), row.get(1).toString());
    long player = playerOfTelegram(1003);
    assertEquals(30, service.sql.queryLong("SELECT balance FROM players WHERE id = ?", player));
    assertEquals(0, service.sql.queryLong("SELECT xp FROM players WHERE id = ?", player), "no partial XP");
    assertEquals(0, service.sql.queryLong("SELECT count(*) FROM transactions WHERE idempotency_key = 'bal_2'"));
  }

  @Test
  void theDatabaseItselfRefusesANegativeBalance() {
    long player = service.sql.queryLong("INSERT INTO players DEFAULT VALUES RETURNING id");
    IllegalStateException refused = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
        () -> service.sql.update("UPDATE players SET balance = -1 WHERE id = ?", player));
    assertTrue(refused.getMessage().contains("players_balance_non_negative"), refused.getMessage());
  }

  @Test
  void aTelegramEventIsMirroredToDiscordAndADiscordEventToTelegram() {
    long fromTelegram = service.submit(ServiceFixture.xp("pp_tg", 1004, 5)).getLong("eventId");
    long fromDiscord = service.submit(new JsonObject().put("source", "discord").put("type", "xp_change")
        .put("discordId", 2004).put("xp", 5).put("idempotencyKey", "pp_ds")).getLong("eventId");
    service.awaitQueueDrained();
    assertEquals("discord", service.sql.queryString("SELECT processed_by FROM sync_events WHERE id = ?", fromTelegram));
    assertEquals("telegram", service.sql.queryString("SELECT processed_by FROM sync_events WHERE id = ?", fromDiscord));
    assertEquals("completed", service.sql.queryString("SELECT status FROM sync_events WHERE id = ?", fromTelegram));
  }

  @Test
  void crossingAnAchievementThresholdUnlocksItOnce() {
    service.submit(ServiceFixture.xp("ach_1", 1005, 150));
    service.submit(ServiceFixture.xp("ach_2", 1005, 150));
    service.awaitQueueDrained();
    long player = playerOfTelegram(1005);
    assertEquals(1, service.sql.queryLong(
        "SELECT count(*) FROM player_achievements WHERE player_id = ? AND code = 'first_steps'", player));
    assertEquals(1, service.sql.queryLong("SELECT count(*) FROM sync_events WHERE player_id = ? "
        + "AND event_type = 'achievement_unlock' AND payload->>'achievement' = 'first_steps'", player));
  }

  @Test
  void anUnknownAchievementFailsWithItsName() {
    long id = service.submit(new JsonObject().put("source", "telegram").put("type", "achievement_unlock")
        .put("telegramId", 1006).put("achievement", "dragon_slayer").put("idempotencyKey", "ach_unknown")).getLong("eventId");
    service.awaitQueueDrained();
    assertEquals("failed", service.sql.queryString("SELECT status FROM sync_events WHERE id = ?", id));
    assertTrue(service.sql.queryString("SELECT error_message FROM sync_events WHERE id = ?", id).contains("dragon_slayer"));
    assertNull(service.sql.queryString("SELECT code FROM player_achievements WHERE code = 'dragon_slayer'"));
  }
}
