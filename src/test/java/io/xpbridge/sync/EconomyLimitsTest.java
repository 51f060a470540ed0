package io.xpbridge.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.Future;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;
import io.xpbridge.bus.Bus;
import io.xpbridge.config.DatabaseUrl;
import io.xpbridge.support.Await;
import io.xpbridge.support.ServiceFixture;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The hourly activity budget is one per player: a linked player earning on both platforms at once
 * gets no more than the cap, and a restart does not reset it.
 */
class EconomyLimitsTest {
  static final long CAP = 50;
  static final UnaryOperator<JsonObject> LIMITS = config -> {
    config.getJsonObject("economy").put("hourlyXpCap", CAP);
    // No cooldowns: only the budget limits what these bursts earn.
    config.getJsonObject("discord").put("messageCooldownSeconds", 0);
    config.getJsonObject("telegram").getJsonObject("games").put("cooldownSeconds", 0);
    return config;
  };

  static JsonObject message(String key, long discordId) {
    return new JsonObject().put("source", "discord").put("type", "xp_change").put("discordId", discordId)
        .put("xp", 15).put("idempotencyKey", key)
        .put("activity", new JsonObject().put("kind", "message").put("channelId", 1));
  }

  static JsonObject game(String key, long telegramId) {
    return new JsonObject().put("source", "telegram").put("type", "xp_change").put("telegramId", telegramId)
        .put("xp", 15).put("balance", 3).put("idempotencyKey", key)
        .put("activity", new JsonObject().put("kind", "game").put("chatId", telegramId));
  }

  @Test
  void aLinkedPlayerEarningOnBothPlatformsAtOnceGetsOneBudgetAndARestartKeepsIt() {
    ServiceFixture service = ServiceFixture.start(EconomyLimitsTest.class, LIMITS);
    DatabaseUrl db = service.app.databaseUrl();
    long player;
    try {
      service.request(Bus.PLAYERS_REGISTER, new JsonObject().put("telegramId", 6001).put("chatId", 6001));
      String code = service.request(Bus.LINK_ISSUE, new JsonObject().put("telegramId", 6001)).getString("code");
      player = service.request(Bus.LINK_REDEEM, new JsonObject().put("code", code).put("discordId", 6002))
          .getLong("playerId");

      List<Future<io.vertx.core.eventbus.Message<JsonObject>>> burst = new ArrayList<>();
      DeliveryOptions options = new DeliveryOptions().setSendTimeout(Bus.REQUEST_TIMEOUT_MS);
      for (int i = 0; i < 5; i++) {
        burst.add(service.vertx.eventBus().request(Bus.EVENTS_SUBMIT, message("cap_ds_" + i, 6002), options));
        burst.add(service.vertx.eventBus().request(Bus.EVENTS_SUBMIT, game("cap_tg_" + i, 6001), options));
      }
      Await.result(Future.all(burst));
      List<JsonObject> replies = burst.stream().map(f -> f.result().body()).toList();
      assertEquals(CAP, replies.stream().mapToLong(r -> r.getLong("xp")).sum(), "each sender hears what it was paid");
      assertEquals(true, replies.stream().anyMatch(r -> "hourlyXpCap".equals(r.getString("withheld"))),
          "and why it was less: " + replies);

      assertEquals(CAP, service.sql.queryLong("SELECT xp FROM players WHERE id = ?", player),
          "10 x 15 XP earned on both platforms at once, 50 paid");
      assertEquals(15, service.sql.queryLong("SELECT balance FROM players WHERE id = ?", player),
          "coins are not capped: 5 games x 3");
      assertEquals(10, service.sql.queryLong("SELECT count(*) FROM transactions WHERE idempotency_key LIKE 'cap\\_%'"),
          "every key spent, the capped ones with 0 XP");
      assertEquals(100, service.sql.queryLong("SELECT sum((metadata->'withheld'->>'xp')::bigint) FROM transactions "
          + "WHERE idempotency_key LIKE 'cap\\_%'"), "the audit says what the budget held back");
    } finally {
      service.close();
    }

    try (ServiceFixture restarted = ServiceFixture.startOn(db, LIMITS)) {
      restarted.submit(game("cap_after_restart", 6001));
      assertEquals(CAP, restarted.sql.queryLong("SELECT xp FROM players WHERE id = ?", player),
          "the hour is not over: a restart does not refill the budget");
      restarted.submit(new JsonObject().put("source", "telegram").put("type", "reward_grant").put("telegramId", 6001)
          .put("xp", 100).put("idempotencyKey", "cap_grant"));
      assertEquals(CAP + 100, restarted.sql.queryLong("SELECT xp FROM players WHERE id = ?", player),
          "a grant is not activity: never capped");
    }
  }
}
