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
import io.vertx.core.json.JsonArray;
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

  /** As the engine sends it: the player's own place only, names in the player's language. */
  private static JsonObject seasonReward(long eventId, long chatId, String languageCode, String seasonName,
      String achievementName) {
    JsonObject winner = new JsonObject().put("place", 2).put("playerId", 5).put("name", "alice").put("xp", 8_421)
        .put("coins", 750).put("achievement", new JsonObject().put("code", "season_silver").put("name", achievementName));
    return new JsonObject().put("eventId", eventId).put("kind", "season_reward").put("playerId", 5)
        .put("telegramId", chatId).put("chatId", chatId).put("languageCode", languageCode)
        .put("season", new JsonObject().put("seasonId", 3).put("name", seasonName)
            .put("winners", new JsonArray().add(winner)));
  }

  @Test
  void seasonRewardTellsPlaceXpAndRewardInRussian(Vertx vertx) {
    TelegramTestSupport.deploy(vertx, config);

    JsonObject reply = (JsonObject) await(send(vertx, seasonReward(81, 711, "ru-RU", "Весна 2027", "Серебро"))).body();

    assertEquals(true, reply.getBoolean("ok"));
    String text = fake.awaitSentTo(711, 1, WAIT).get(0).text();
    assertEquals("🏆 Сезон «Весна 2027» завершён! Ваше место: 2, опыт за сезон: 8421.\n"
        + "Награда: +750 монет, достижение «Серебро».", text);
  }

  @Test
  void seasonRewardTellsPlaceXpAndRewardInEnglish(Vertx vertx) {
    TelegramTestSupport.deploy(vertx, config);

    await(send(vertx, seasonReward(82, 712, "en", "Spring 2027", "Silver")));

    String text = fake.awaitSentTo(712, 1, WAIT).get(0).text();
    assertEquals("🏆 Season \"Spring 2027\" is over! You finished #2 with 8421 season XP.\n"
        + "Reward: +750 coins, achievement \"Silver\".", text);
  }

  @Test
  void seasonRewardWithoutAchievementNamesTheCoinsOnly(Vertx vertx) {
    TelegramTestSupport.deploy(vertx, config);
    JsonObject effect = seasonReward(83, 713, "en", "Spring 2027", "unused");
    effect.getJsonObject("season").getJsonArray("winners").getJsonObject(0).remove("achievement");

    await(send(vertx, effect));

    String text = fake.awaitSentTo(713, 1, WAIT).get(0).text();
    assertTrue(text.endsWith("\nReward: +750 coins."), text);
  }

  @Test
  void seasonRewardWithoutThePlayersEntryIsRejectedAsBadInput(Vertx vertx) {
    TelegramTestSupport.deploy(vertx, config);
    JsonObject effect = seasonReward(84, 714, "en", "Spring 2027", "Silver");
    effect.getJsonObject("season").put("winners", new JsonArray());

    ReplyException error = failureOf(send(vertx, effect));

    assertEquals(400, error.failureCode());
    assertTrue(error.getMessage().contains("season.winners"), error.getMessage());
    assertTrue(fake.sentTo(714).isEmpty());
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
