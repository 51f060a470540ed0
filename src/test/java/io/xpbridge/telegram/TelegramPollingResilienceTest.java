package io.xpbridge.telegram;

import static io.xpbridge.telegram.TelegramTestSupport.WAIT;
import static io.xpbridge.telegram.TelegramTestSupport.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Context;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.xpbridge.bus.Bus;
import io.xpbridge.fake.telegram.FakeTelegram;
import io.xpbridge.fake.telegram.FakeTelegram.SentMessage;
import io.xpbridge.fake.telegram.FakeTelegram.TgUser;
import io.xpbridge.support.EngineDouble;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class TelegramPollingResilienceTest {

  static {
    TelegramTestSupport.init();
  }

  private FakeTelegram fake;
  private EngineDouble engine;
  private JsonObject config;

  @BeforeEach
  void setUp(Vertx vertx) {
    fake = new FakeTelegram(vertx);
    await(fake.start());
    engine = new EngineDouble(vertx);
    await(engine.start());
    config = TelegramTestSupport.config(fake);
  }

  @AfterEach
  void tearDown(Vertx vertx) {
    TelegramTestSupport.undeployAll(vertx);
    await(fake.close());
  }

  @Test
  void rateLimitStormDelaysButLosesNothing(Vertx vertx) {
    TelegramTestSupport.deploy(vertx, config);
    fake.awaitConfirmed(0, WAIT);
    fake.rateLimitNext("getUpdates", 2, 1);
    fake.rateLimitNext("sendMessage", 2, 1);
    FakeTelegram.Enqueued last = null;
    for (long user = 601; user <= 603; user++) {
      last = fake.enqueueText(TgUser.english(user), "/daily");
    }

    for (long user = 601; user <= 603; user++) {
      SentMessage reply = fake.awaitSentTo(user, 1, WAIT).get(0);
      assertTrue(reply.text().contains("Daily reward"), reply.text());
    }
    fake.awaitConfirmed(last.updateId() + 1, WAIT);
    assertEquals(3, engine.requests(Bus.DAILY_CLAIM).size(), "each update handled exactly once");
    assertEquals(3, fake.sentMessages().size(), "no reply sent twice");
    assertTrue(fake.calls("sendMessage").stream().filter(c -> c.status() == 429).count() >= 2, "the storm happened");
  }

  @Test
  void badGatewayOnPollingIsRetried(Vertx vertx) {
    fake.failNext("getUpdates", 2, 502);
    TelegramTestSupport.deploy(vertx, config);
    fake.enqueueText(TgUser.english(604), "/help");

    assertTrue(fake.awaitSentTo(604, 1, WAIT).get(0).text().contains("/profile"));
  }

  @Test
  void garbageUpdatesDoNotStopPolling(Vertx vertx) {
    TgUser user = TgUser.english(605);
    // A message the library cannot map: message_id must be a number.
    fake.enqueueRaw(new JsonObject().put("update_id", 1).put("message", new JsonObject()
        .put("message_id", new JsonObject().put("surprise", true)).put("date", 1)
        .put("chat", new JsonObject().put("id", 605).put("type", "private"))));
    fake.enqueueMessage(FakeTelegram.stickerMessage(user));
    fake.enqueueText(user, "x".repeat(10_000));
    fake.enqueueText(user, "/" + "y".repeat(10_000) + " " + "z".repeat(5_000));
    fake.enqueueUpdate("edited_message", FakeTelegram.textMessage(user, "/daily"));
    fake.enqueueUpdate("some_future_update_kind", new JsonObject().put("anything", 1));
    fake.enqueueMessage(FakeTelegram.groupTextMessage(user, -100123, "hello everyone"));
    fake.enqueueMessage(FakeTelegram.textMessage(new TgUser(606, null, null), "/start@SomeOtherBot"));
    TelegramTestSupport.deploy(vertx, config);
    FakeTelegram.Enqueued valid = fake.enqueueText(new TgUser(607, "ok", "en"), "/help");

    assertTrue(fake.awaitSentTo(607, 1, WAIT).get(0).text().contains("/profile"));
    fake.awaitConfirmed(valid.updateId() + 1, WAIT);
    assertTrue(engine.requests(Bus.DAILY_CLAIM).isEmpty(), "edited messages are ignored");
    assertTrue(fake.sentTo(-100123).isEmpty(), "group small talk is ignored");
    assertTrue(fake.sentTo(606).isEmpty(), "commands for other bots are ignored");
    List<SentMessage> toUser = fake.sentTo(605);
    assertTrue(toUser.size() <= 2, "hints are throttled, got " + toUser);
    assertTrue(toUser.stream().allMatch(m -> m.text().length() < 300), "never echoes a huge text");
  }

  @Test
  void sameUpdateTwiceInABatchIsHandledOnce(Vertx vertx) {
    JsonObject update = new JsonObject().put("update_id", 40)
        .put("message", FakeTelegram.textMessage(TgUser.english(608), "/daily").put("message_id", 7).put("date", 1_700_000_000));
    fake.enqueueRaw(update);
    fake.enqueueRaw(update);
    TelegramTestSupport.deploy(vertx, config);

    fake.awaitConfirmed(41, WAIT);
    fake.awaitSentTo(608, 1, WAIT);
    assertEquals(1, engine.requests(Bus.DAILY_CLAIM).size());
  }

  @Test
  void updateRedeliveredAfterACrashMapsToTheSameKeys(Vertx vertx) {
    fake.keepConfirmedUpdates(true);
    fake.scriptDice(3, 6);
    TgUser user = TgUser.english(609);
    fake.enqueueText(user, "/daily");
    fake.enqueueText(user, "/play");
    String first = TelegramTestSupport.deploy(vertx, config);
    engine.awaitRequests(Bus.EVENTS_SUBMIT, 1, WAIT);
    fake.awaitSentTo(609, 3, WAIT);
    await(vertx.undeploy(first));

    TelegramTestSupport.deploy(vertx, config);
    List<JsonObject> claims = engine.awaitRequests(Bus.DAILY_CLAIM, 2, WAIT);
    List<JsonObject> games = engine.awaitRequests(Bus.EVENTS_SUBMIT, 2, WAIT);
    assertEquals(claims.get(0).getString("idempotencyKey"), claims.get(1).getString("idempotencyKey"));
    assertEquals(games.get(0).getString("idempotencyKey"), games.get(1).getString("idempotencyKey"));
    assertEquals(15L + 50L, engine.xpOf(609), "paid once: daily 50 + dice 3*5");
    List<SentMessage> sent = fake.awaitSentTo(609, 6, WAIT);
    Set<String> texts = sent.stream().map(SentMessage::text).filter(t -> t != null).collect(Collectors.toSet());
    assertTrue(texts.stream().anyMatch(t -> t.contains("already claimed")), texts.toString());
    assertTrue(texts.stream().anyMatch(t -> t.contains("already counted")), texts.toString());
  }

  @Test
  void slowUpdateDoesNotHoldOtherChatsAndIsConfirmedOnlyWhenDone(Vertx vertx) {
    AtomicReference<Runnable> release = new AtomicReference<>();
    engine.on(Bus.DAILY_CLAIM, body -> {
      Promise<JsonObject> held = Promise.promise();
      Context context = Vertx.currentContext();
      release.set(() -> context.runOnContext(v -> held.complete(new JsonObject().put("claimed", true)
          .put("xp", 50).put("balance", 100).put("streak", 1).put("eventId", 1))));
      return held.future();
    });
    TelegramTestSupport.deploy(vertx, config);
    FakeTelegram.Enqueued slow = fake.enqueueText(TgUser.english(611), "/daily");
    engine.awaitRequests(Bus.DAILY_CLAIM, 1, WAIT);
    FakeTelegram.Enqueued quick = fake.enqueueText(TgUser.english(612), "/help");

    fake.awaitSentTo(612, 1, WAIT);
    assertTrue(fake.confirmedOffset() <= slow.updateId(), "the unfinished update is not confirmed");
    assertTrue(fake.sentTo(611).isEmpty());

    release.get().run();
    assertTrue(fake.awaitSentTo(611, 1, WAIT).get(0).text().contains("Daily reward"));
    fake.awaitConfirmed(quick.updateId() + 1, WAIT);
    assertEquals(1, engine.requests(Bus.DAILY_CLAIM).size(), "re-sent while unfinished, handled once");
  }
}
