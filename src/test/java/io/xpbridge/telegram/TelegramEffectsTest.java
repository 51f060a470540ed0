package io.xpbridge.telegram;

import static io.xpbridge.telegram.TelegramTestSupport.WAIT;
import static io.xpbridge.telegram.TelegramTestSupport.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.xpbridge.bus.Bus;
import io.xpbridge.fake.telegram.FakeTelegram;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class TelegramEffectsTest {

  static {
    TelegramTestSupport.init();
  }

  private FakeTelegram fake;
  private JsonObject config;

  @BeforeEach
  void setUp(Vertx vertx) {
    fake = new FakeTelegram(vertx);
    await(fake.start());
    config = TelegramTestSupport.config(fake);
  }

  @AfterEach
  void tearDown(Vertx vertx) {
    TelegramTestSupport.undeployAll(vertx);
    await(fake.close());
  }

  /** As the engine sends it: names already in the player's language. */
  private static JsonObject rankUp(long chatId, String languageCode) {
    boolean russian = languageCode.startsWith("ru");
    return new JsonObject().put("eventId", 77).put("kind", "rank_up").put("playerId", 5).put("telegramId", chatId)
        .put("chatId", chatId).put("languageCode", languageCode)
        .put("rank", new JsonObject().put("number", 5).put("name", russian ? "Сержант" : "Sergeant"))
        .put("previousRank", new JsonObject().put("number", 4).put("name", russian ? "Младший сержант" : "Junior Sergeant"))
        .put("xp", 1500);
  }

  private static Future<Message<Object>> send(Vertx vertx, JsonObject effect) {
    return vertx.eventBus().request(Bus.EFFECTS_TELEGRAM, effect, new DeliveryOptions().setSendTimeout(WAIT.toMillis()));
  }

  private static ReplyException failureOf(Future<?> future) {
    try {
      future.await(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ReplyException e) {
      return e;
    } catch (Exception e) {
      throw new AssertionError("expected a ReplyException", e);
    }
    throw new AssertionError("expected a failure, got " + future.result());
  }

  @Test
  void rankUpArrivesInThePlayersLanguage(Vertx vertx) {
    TelegramTestSupport.deploy(vertx, config);

    JsonObject reply = (JsonObject) await(send(vertx, rankUp(701, "ru"))).body();
    assertEquals(true, reply.getBoolean("ok"));
    String text = fake.awaitSentTo(701, 1, WAIT).get(0).text();
    assertTrue(text.contains("Новое звание: Сержант (5)"), text);
  }

  @Test
  void achievementArrivesInEnglishForOtherLanguages(Vertx vertx) {
    TelegramTestSupport.deploy(vertx, config);
    JsonObject effect = new JsonObject().put("eventId", 78).put("kind", "achievement").put("playerId", 5)
        .put("telegramId", 702).put("chatId", 702).put("languageCode", "de")
        .put("achievement", new JsonObject().put("code", "loyal").put("name", "Loyal"))
        .put("xp", 10);

    await(send(vertx, effect));
    String text = fake.awaitSentTo(702, 1, WAIT).get(0).text();
    assertTrue(text.contains("Achievement unlocked: Loyal"), text);
  }

  @Test
  void blockedUserFailsWith403(Vertx vertx) {
    TelegramTestSupport.deploy(vertx, config);
    fake.blockChat(703);

    ReplyException error = failureOf(send(vertx, rankUp(703, "en")));
    assertEquals(403, error.failureCode());
  }

  @Test
  void telegramDownFailsWith503BeforeTheSenderGivesUp(Vertx vertx) {
    config.getJsonObject("sync").put("effectTimeoutMs", 1_000);
    TelegramTestSupport.deploy(vertx, config);
    fake.failNext("sendMessage", 50, 502);

    ReplyException error = failureOf(send(vertx, rankUp(704, "en")));
    assertEquals(503, error.failureCode());
    assertTrue(fake.sentTo(704).isEmpty());
  }

  @Test
  void unknownKindIsRejectedAsBadInput(Vertx vertx) {
    TelegramTestSupport.deploy(vertx, config);
    ReplyException error = failureOf(send(vertx, rankUp(705, "en").put("kind", "confetti")));
    assertEquals(400, error.failureCode());
  }
}
