package io.xpbridge.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;
import io.xpbridge.bus.Bus;
import io.xpbridge.bus.Refusal;
import io.xpbridge.bus.SubmitReply;
import io.xpbridge.support.Await;
import io.xpbridge.support.EngineDouble;
import io.xpbridge.support.TestConfig;
import io.xpbridge.support.TestDatabases;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The daily reward answers what the ledger did with the grant. The account verticle runs on its own
 * (real PostgreSQL), with a double of the engine on {@code EVENTS_SUBMIT}, so each outcome the engine
 * can report is produced at will.
 */
class DailyRewardTest {
  static Vertx vertx;
  static EngineDouble engine;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
    engine = new EngineDouble(vertx);
    Await.result(engine.start(List.of(Bus.EVENTS_SUBMIT)));
    JsonObject config = TestConfig.forDatabase(TestDatabases.create(DailyRewardTest.class));
    Await.result(vertx.deployVerticle(new AccountVerticle(), new DeploymentOptions().setConfig(config)));
  }

  @AfterAll
  static void stop() {
    Await.result(vertx.close());
  }

  private static JsonObject claim(long telegramId, String day) {
    return new JsonObject().put("telegramId", telegramId).put("day", day);
  }

  private static Throwable claimFails(JsonObject claim) {
    return Await.failure(vertx.eventBus().request(Bus.DAILY_CLAIM, claim,
        new DeliveryOptions().setSendTimeout(Bus.REQUEST_TIMEOUT_MS)));
  }

  private static JsonObject claimed(JsonObject claim) {
    return Await.result(vertx.eventBus().<JsonObject>request(Bus.DAILY_CLAIM, claim,
        new DeliveryOptions().setSendTimeout(Bus.REQUEST_TIMEOUT_MS)).map(reply -> reply.body()));
  }

  @Test
  void anAcceptedGrantIsClaimedUnderTheDaysKey() {
    engine.on(Bus.EVENTS_SUBMIT, body -> new SubmitReply(21, false, SubmitReply.Status.COMPLETED, null));

    JsonObject result = claimed(claim(9101, "2026-11-25"));

    assertTrue(result.getBoolean("claimed"), result.encode());
    assertEquals(50L, result.getLong("xp"));
    assertEquals(21L, result.getLong("eventId"));
    JsonObject grant = engine.requests(Bus.EVENTS_SUBMIT).stream()
        .filter(event -> Long.valueOf(9101).equals(event.getLong("telegramId"))).findFirst().orElseThrow();
    assertEquals("tg_daily_20261125_9101", grant.getString("idempotencyKey"));
    assertEquals("reward_grant", grant.getString("type"));
    assertEquals(1, grant.getJsonObject("data").getJsonObject("daily").getInteger("streak"));
  }

  @Test
  void aGrantTheLedgerRefusedIsNotClaimed() {
    engine.on(Bus.EVENTS_SUBMIT, body -> new SubmitReply(22, false, SubmitReply.Status.FAILED,
        "daily reward for 2026-11-25 already claimed (last claim 2026-11-25)"));

    Throwable refused = claimFails(claim(9102, "2026-11-25"));

    assertEquals(Refusal.DAILY_NOT_GRANTED, Refusal.of(refused).refusal(), refused.toString());
  }

  @Test
  void aSpentKeyIsClaimedOnlyIfItsGrantWasPaid() {
    engine.on(Bus.EVENTS_SUBMIT, body -> new SubmitReply(23, true, SubmitReply.Status.COMPLETED, null));
    assertFalse(claimed(claim(9103, "2026-11-25")).getBoolean("claimed"), "already claimed today");

    engine.on(Bus.EVENTS_SUBMIT, body -> new SubmitReply(24, true, SubmitReply.Status.FAILED, "refused before"));
    Throwable refused = claimFails(claim(9104, "2026-11-25"));
    assertEquals(Refusal.DAILY_NOT_GRANTED, Refusal.of(refused).refusal(), refused.toString());
  }

  @Test
  void aMalformedDayIsBadInput() {
    Throwable bad = claimFails(claim(9105, "25.11.2026"));
    assertEquals(400, ((io.vertx.core.eventbus.ReplyException) bad).failureCode(), bad.getMessage());
  }
}
