package io.xpbridge.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;
import io.xpbridge.bus.Bus;
import io.xpbridge.support.Await;
import io.xpbridge.support.ServiceFixture;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The erasure against the real service and PostgreSQL, without the bots: it waits for the player's
 * ledger lock (a change in flight is never half-applied around it), covers players merged into the
 * erased one, refuses a merged-away id, and a confirmation that expired only asks again.
 */
class PlayerErasureTest {
  static ServiceFixture service;

  @BeforeAll
  static void start() {
    service = ServiceFixture.start(PlayerErasureTest.class);
  }

  @AfterAll
  static void stop() {
    service.close();
  }

  @Test
  void theErasureWaitsForAChangeHoldingThePlayersLockAndKeepsWhatItWrote() throws Exception {
    long telegramId = 9_300_001L;
    service.submit(ServiceFixture.xp("erase_lock_seed_" + telegramId, telegramId, 100));
    long player = service.sql.queryLong("SELECT player_id FROM telegram_identities WHERE telegram_id = ?", telegramId);
    Await.until("the seed is applied", () -> service.sql.queryLong("SELECT xp FROM players WHERE id = ?", player) == 100);

    Future<Message<Object>> erased;
    try (Connection writer = DriverManager.getConnection(service.db.jdbcUrl(), service.db.user(),
        service.db.password())) {
      writer.setAutoCommit(false);
      try (Statement st = writer.createStatement()) {
        // As a ledger writer does: the player's row locked, then the change and its audit row.
        st.execute("SELECT id FROM players WHERE id = " + player + " FOR NO KEY UPDATE");
        st.execute("UPDATE players SET xp = xp + 10 WHERE id = " + player);
        st.execute("INSERT INTO transactions (idempotency_key, player_id, source, type, delta_xp)"
            + " VALUES ('erase_lock_change', " + player + ", 'system', 'xp', 10)");
      }
      erased = service.vertx.eventBus().request(Bus.PLAYERS_ERASE, new JsonObject().put("playerId", player),
          new DeliveryOptions().setSendTimeout(Bus.REQUEST_TIMEOUT_MS));
      Await.until("the erasure waits for the lock", () -> service.sql.queryLong(
          "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%FOR NO KEY UPDATE%'") > 0);
      assertFalse(erased.isComplete(), "the erasure must not finish while the change holds the lock");
      assertEquals(1, service.sql.queryLong("SELECT count(*) FROM telegram_identities WHERE player_id = ?", player));
      writer.commit();
    }
    JsonObject reply = (JsonObject) Await.result(erased).body();
    assertEquals(player, reply.getLong("playerId"));
    assertEquals(110, service.sql.queryLong("SELECT xp FROM players WHERE id = ?", player), "the change is kept whole");
    assertEquals(110, service.sql.queryLong("SELECT sum(delta_xp) FROM transactions WHERE player_id = ?", player));
    assertEquals(0, service.sql.queryLong("SELECT count(*) FROM telegram_identities WHERE player_id = ?", player));
  }

  @Test
  void playersMergedIntoTheErasedOneAreClearedTooAndAMergedAwayIdIsRefused() {
    long survivor = service.sql.queryLong("INSERT INTO players (display_name, xp) VALUES ('keeper', 50) RETURNING id");
    long absorbed = service.sql.queryLong(
        "INSERT INTO players (display_name, merged_into) VALUES ('old discord name', ?) RETURNING id", survivor);
    service.sql.update("INSERT INTO discord_identities (discord_id, player_id, username) VALUES (?, ?, 'keeper#1')",
        9_400_001L, survivor);

    Throwable refused = service.requestFailure(Bus.PLAYERS_ERASE, new JsonObject().put("playerId", absorbed));
    assertEquals(409, ((ReplyException) refused).failureCode());
    assertTrue(refused.getMessage().contains("erase player " + survivor), refused.getMessage());
    assertEquals("old discord name", service.sql.queryString("SELECT display_name FROM players WHERE id = ?", absorbed));

    JsonObject erased = service.request(Bus.PLAYERS_ERASE, new JsonObject().put("playerId", survivor));
    assertEquals(2, erased.getInteger("playersCleared"));
    assertEquals(9_400_001L, erased.getJsonArray("discordIds").getLong(0));
    assertNull(service.sql.queryString("SELECT display_name FROM players WHERE id = ?", absorbed));
    assertNull(service.sql.queryString("SELECT display_name FROM players WHERE id = ?", survivor));
    assertEquals(50, service.sql.queryLong("SELECT xp FROM players WHERE id = ?", survivor));
  }

  @Test
  void aConfirmationThatExpiredOnlyAsksAgain() {
    long telegramId = 9_300_002L;
    service.request(Bus.PLAYERS_REGISTER, new JsonObject().put("telegramId", telegramId).put("chatId", telegramId)
        .put("username", "late"));
    JsonObject account = new JsonObject().put("telegramId", telegramId);

    assertFalse(service.request(Bus.PRIVACY_DELETE, account).getBoolean("confirmed"));
    service.sql.update("UPDATE privacy_delete_requests SET expires_at = now() - interval '1 second'");
    JsonObject late = service.request(Bus.PRIVACY_DELETE, account);
    assertFalse(late.getBoolean("confirmed"), late.encode());
    assertEquals(1, service.sql.queryLong("SELECT count(*) FROM telegram_identities WHERE telegram_id = ?", telegramId));

    JsonObject confirmed = service.request(Bus.PRIVACY_DELETE, account);
    assertTrue(confirmed.getBoolean("confirmed"), confirmed.encode());
    assertEquals(0, service.sql.queryLong("SELECT count(*) FROM telegram_identities WHERE telegram_id = ?", telegramId));
    assertEquals(0, service.sql.queryLong("SELECT count(*) FROM privacy_delete_requests"));
  }
}
