package io.xpbridge.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.xpbridge.bus.Bus;
import io.xpbridge.support.Await;
import io.xpbridge.support.ServiceFixture;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The engine prices activity XP by where it was earned, on arrival and from the queue alike. */
class MultipliersTest {
  static ServiceFixture service;

  @BeforeAll
  static void start() {
    // No game cooldown here: the games below are priced, not spaced (EconomyLimitsTest spaces them).
    service = ServiceFixture.start(MultipliersTest.class, config -> withoutGameCooldown(config).put("economy", new JsonObject()
        .put("maxMultiplier", 4)
        .put("multipliers", new JsonObject().put("global", 2)
            .put("telegramChats", new JsonObject().put("-1001", 0.5))
            .put("discordRoles", new JsonObject().put("77", 1.5).put("78", 3)))));
  }

  static JsonObject withoutGameCooldown(JsonObject config) {
    config.getJsonObject("telegram").getJsonObject("games").put("cooldownSeconds", 0);
    return config;
  }

  @AfterAll
  static void stop() {
    service.close();
  }

  static JsonObject game(String key, long telegramId, long xp, long chatId) {
    return new JsonObject().put("source", "telegram").put("type", "xp_change").put("telegramId", telegramId)
        .put("xp", xp).put("balance", 4).put("idempotencyKey", key)
        .put("activity", new JsonObject().put("kind", "game").put("chatId", chatId));
  }

  static List<Object> audit(String key) {
    List<Object> row = service.sql.queryRow("SELECT delta_xp, delta_balance, base_xp, xp_multiplier::text "
        + "FROM transactions WHERE idempotency_key = ?", key);
    return row.stream().map(v -> v instanceof Number n && !(v instanceof java.math.BigDecimal) ? (Object) n.longValue() : v)
        .toList();
  }

  @Test
  void activityIsMultipliedCoinsAreNotAndAGrantIsNot() {
    service.submit(game("mx_chat", 5001, 15, -1001));
    service.submit(game("mx_other_chat", 5001, 15, -2002));
    service.submit(new JsonObject().put("source", "discord").put("type", "xp_change").put("discordId", 5002)
        .put("xp", 10).put("idempotencyKey", "mx_roles")
        .put("activity", new JsonObject().put("kind", "message").put("channelId", 9).put("roleIds",
            new JsonArray().add(77).add(78))));
    service.submit(ServiceFixture.xp("mx_grant", 5001, 15));

    assertEquals(List.of(15L, 4L, 15L, "1.0000"), audit("mx_chat"), "2 x 0.5");
    assertEquals(List.of(30L, 4L, 15L, "2.0000"), audit("mx_other_chat"), "global 2; coins are not multiplied");
    assertEquals(List.of(40L, 0L, 10L, "4.0000"), audit("mx_roles"), "2 x the higher role 3 = 6, capped at 4");
    assertEquals(15L, audit("mx_grant").get(0), "not activity: not multiplied");
    assertEquals(null, audit("mx_grant").get(3));
  }

  @Test
  void aQueuedActivityEventIsPricedTheSameWay() {
    long player = service.sql.queryLong("INSERT INTO players DEFAULT VALUES RETURNING id");
    service.sql.update("INSERT INTO sync_events (idempotency_key, source, event_type, player_id, xp_delta, payload) "
        + "VALUES ('mx_queued', 'discord', 'xp_change', ?, 10, '{\"activity\": {\"kind\": \"voice\", \"channelId\": 4, "
        + "\"roleIds\": [77]}}')", player);
    service.request(Bus.EVENTS_PROCESS_NOW, new JsonObject());
    Await.until("the queued event applied", () -> service.sql.queryLong(
        "SELECT count(*) FROM transactions WHERE idempotency_key = 'mx_queued'") == 1);
    assertEquals(List.of(30L, 0L, 10L, "3.0000"), audit("mx_queued"), "2 x 1.5");
  }

  @Test
  void aBadActivityIsRefusedNamingTheField() {
    for (JsonObject activity : List.of(new JsonObject().put("kind", "dance"),
        new JsonObject().put("kind", "message").put("roleIds", new JsonArray().add("admins")),
        new JsonObject().put("kind", "game").put("chatId", 1.5))) {
      Throwable failure = service.requestFailure(Bus.EVENTS_SUBMIT, ServiceFixture.xp("mx_bad", 5003, 1)
          .put("activity", activity));
      assertEquals(400, ((ReplyException) failure).failureCode(), failure.getMessage());
    }
  }
}
