package io.xpbridge.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;
import io.xpbridge.bus.Bus;
import io.xpbridge.support.Await;
import io.xpbridge.support.ServiceFixture;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class IdempotentSubmitTest {
  static ServiceFixture service;

  @BeforeAll
  static void start() {
    service = ServiceFixture.start(IdempotentSubmitTest.class);
  }

  @AfterAll
  static void stop() {
    service.close();
  }

  @Test
  void sameKeyTwiceAppliesOnce() {
    JsonObject first = service.submit(ServiceFixture.xp("tg_game_1_100", 100, 40));
    JsonObject second = service.submit(ServiceFixture.xp("tg_game_1_100", 100, 40));
    assertFalse(first.getBoolean("duplicate"));
    assertTrue(second.getBoolean("duplicate"));
    assertEquals(first.getLong("eventId"), second.getLong("eventId"));
    service.awaitQueueDrained();
    assertEquals(40, service.sql.queryLong(
        "SELECT p.xp FROM players p JOIN telegram_identities t ON t.player_id = p.id WHERE t.telegram_id = 100"));
    assertEquals(1, service.sql.queryLong("SELECT count(*) FROM transactions WHERE idempotency_key = 'tg_game_1_100'"));
  }

  @Test
  void sameKeyThousandTimesConcurrentlyAppliesOnce() {
    List<Future<JsonObject>> replies = new ArrayList<>();
    for (int i = 0; i < 1_000; i++) {
      replies.add(service.vertx.eventBus().<JsonObject>request(Bus.EVENTS_SUBMIT,
          ServiceFixture.xp("tg_game_concurrent_200", 200, 7)).map(m -> m.body()));
    }
    List<JsonObject> all = Await.result(Future.all(replies).map(c -> c.<JsonObject>list()));
    long fresh = all.stream().filter(r -> !r.getBoolean("duplicate")).count();
    Set<Long> ids = all.stream().map(r -> r.getLong("eventId")).collect(Collectors.toSet());
    assertEquals(1, fresh, "exactly one submit is new");
    assertEquals(1, ids.size(), "every duplicate names the same event");
    service.awaitQueueDrained();
    assertEquals(7, service.sql.queryLong(
        "SELECT p.xp FROM players p JOIN telegram_identities t ON t.player_id = p.id WHERE t.telegram_id = 200"));
    assertEquals(1, service.sql.queryLong(
        "SELECT count(*) FROM transactions WHERE idempotency_key = 'tg_game_concurrent_200'"));
  }

  @Test
  void keySpentByAnAuditRowStaysSpentAfterItsEventIsCleanedUp() {
    service.submit(ServiceFixture.xp("tg_game_old_300", 300, 5));
    service.awaitQueueDrained();
    service.sql.update("DELETE FROM sync_events WHERE idempotency_key = 'tg_game_old_300'");
    JsonObject again = service.submit(ServiceFixture.xp("tg_game_old_300", 300, 5));
    assertTrue(again.getBoolean("duplicate"));
    service.awaitQueueDrained();
    assertEquals(5, service.sql.queryLong(
        "SELECT p.xp FROM players p JOIN telegram_identities t ON t.player_id = p.id WHERE t.telegram_id = 300"));
  }

  @Test
  void generatedKeyFollowsTheSeedFormat() {
    JsonObject event = new JsonObject().put("source", "discord").put("type", "xp_change").put("discordId", 555)
        .put("xp", 3).put("entityId", "msg9");
    long id = service.submit(event).getLong("eventId");
    assertEquals("ds_xp_msg9_555", service.sql.queryString("SELECT idempotency_key FROM sync_events WHERE id = ?", id));
  }

  @Test
  void malformedMessagesGetAClearErrorAndTheEngineKeepsRunning() {
    assertBadRequest(new JsonObject(), "'source' is required");
    assertBadRequest(new JsonObject().put("source", "myspace").put("type", "xp_change"), "unknown source");
    assertBadRequest(ServiceFixture.xp("k", 1, 5).put("type", "rank_change"), "rank is derived");
    assertBadRequest(ServiceFixture.xp("k", 1, 5).put("discordId", 2), "exactly one of");
    assertBadRequest(ServiceFixture.xp("k", 1, 5).put("xp", 5_000_000_000L), "out of range");
    assertBadRequest(ServiceFixture.xp("k", 1, 5).put("xp", "lots"), "whole number");
    assertBadRequest(ServiceFixture.xp("k", -1, 5), "positive");
    assertBadRequest(ServiceFixture.xp(null, 1, 5), "idempotencyKey");
    assertBadRequest(ServiceFixture.xp("has space", 1, 5), "spaces");
    Throwable unknown = service.requestFailure(Bus.EVENTS_SUBMIT, new JsonObject().put("source", "telegram")
        .put("type", "xp_change").put("playerId", 999_999).put("xp", 1).put("idempotencyKey", "x_1"));
    assertEquals(404, ((ReplyException) unknown).failureCode());
    assertFalse(service.submit(ServiceFixture.xp("after_garbage_1", 1, 1)).getBoolean("duplicate"));
  }

  private void assertBadRequest(JsonObject body, String expectedText) {
    Throwable failure = service.requestFailure(Bus.EVENTS_SUBMIT, body);
    assertTrue(failure instanceof ReplyException, failure.toString());
    assertEquals(400, ((ReplyException) failure).failureCode());
    assertTrue(failure.getMessage().contains(expectedText), failure.getMessage());
  }
}
