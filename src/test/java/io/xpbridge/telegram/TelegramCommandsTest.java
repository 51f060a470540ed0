package io.xpbridge.telegram;

import static io.xpbridge.telegram.TelegramTestSupport.WAIT;
import static io.xpbridge.telegram.TelegramTestSupport.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.xpbridge.bus.Bus;
import io.xpbridge.bus.Refusal;
import io.xpbridge.config.AppConfig;
import io.xpbridge.config.ConfigChanges;
import io.xpbridge.config.InvalidConfigException;
import io.xpbridge.fake.telegram.FakeTelegram;
import io.xpbridge.fake.telegram.FakeTelegram.SentMessage;
import io.xpbridge.fake.telegram.FakeTelegram.TgUser;
import io.xpbridge.support.EngineDouble;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class TelegramCommandsTest {

  static {
    TelegramTestSupport.init();
  }

  private FakeTelegram fake;
  private EngineDouble engine;
  private JsonObject config;

  @BeforeEach
  void setUp(Vertx vertx) throws Exception {
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
  void startRegistersThePlayerWithChatAndLanguage(Vertx vertx) {
    TelegramTestSupport.deploy(vertx, config);
    TgUser user = new TgUser(501, "ivan", "ru-RU");
    fake.enqueueText(user, "/start");

    JsonObject register = engine.awaitRequests(Bus.PLAYERS_REGISTER, 1, WAIT).get(0);
    assertEquals(501L, register.getLong("telegramId"));
    assertEquals(501L, register.getLong("chatId"));
    assertEquals("ivan", register.getString("username"));
    assertEquals("ru-RU", register.getString("languageCode"));
    SentMessage reply = fake.awaitSentTo(501, 1, WAIT).get(0);
    assertTrue(reply.text().contains("Добро пожаловать"), reply.text());
  }

  @Test
  void startWithLinkPayloadRedeemsTheCode(Vertx vertx) {
    TelegramTestSupport.deploy(vertx, config);
    fake.enqueueText(TgUser.english(502), "/start link_" + EngineDouble.GOOD_LINK_CODE);

    JsonObject redeem = engine.awaitRequests(Bus.LINK_REDEEM, 1, WAIT).get(0);
    assertEquals(EngineDouble.GOOD_LINK_CODE, redeem.getString("code"));
    assertEquals(502L, redeem.getLong("telegramId"));
    assertEquals(1, engine.requests(Bus.PLAYERS_REGISTER).size(), "registered before redeeming");
    String text = fake.awaitSentTo(502, 1, WAIT).get(0).text();
    assertTrue(text.contains("Discord linked") && text.contains("1234 XP"), text);
  }

  @Test
  void wrongLinkCodeIsExplained(Vertx vertx) {
    TelegramTestSupport.deploy(vertx, config);
    fake.enqueueText(TgUser.english(503), "/link WRONG123");
    String text = fake.awaitSentTo(503, 1, WAIT).get(0).text();
    assertTrue(text.contains("unknown, already used or expired"), text);
  }

  @Test
  void linkRefusalsAreExplainedInThePlayersLanguage(Vertx vertx) {
    engine.on(Bus.LINK_REDEEM, body -> Refusal.LINK_TOO_MANY_ATTEMPTS.exception("7"));
    TelegramTestSupport.deploy(vertx, config);
    fake.enqueueText(TgUser.russian(515), "/link ABCD1234");
    String text = fake.awaitSentTo(515, 1, WAIT).get(0).text();
    assertEquals("Слишком много неверных кодов. Попробуйте через 7 мин.", text);
  }

  @Test
  void dailyTwiceSendsOneKeyAndPaysOnce(Vertx vertx) {
    TelegramTestSupport.deploy(vertx, config);
    TgUser user = TgUser.english(504);
    fake.enqueueText(user, "/daily");
    fake.enqueueText(user, "/daily");

    List<JsonObject> claims = engine.awaitRequests(Bus.DAILY_CLAIM, 2, WAIT);
    LocalDate today = LocalDate.now(ZoneId.of("Europe/Moscow"));
    String key = "tg_daily_" + today.format(DateTimeFormatter.BASIC_ISO_DATE) + "_504";
    assertEquals(key, claims.get(0).getString("idempotencyKey"));
    assertEquals(key, claims.get(1).getString("idempotencyKey"));
    assertEquals(today.toString(), claims.get(0).getString("day"));
    assertEquals(50L, engine.xpOf(504), "paid once");

    List<SentMessage> replies = fake.awaitSentTo(504, 2, WAIT);
    assertTrue(replies.get(0).text().contains("+50 XP, +100 coins"), replies.get(0).text());
    assertTrue(replies.get(1).text().contains("already claimed") && replies.get(1).text().matches("(?s).*Next one in \\d\\d:\\d\\d.*"),
        replies.get(1).text());
  }

  @Test
  void profileShowsRankXpBalanceAchievementsAndLink(Vertx vertx) {
    TelegramTestSupport.deploy(vertx, config);
    fake.enqueueText(TgUser.english(505), "/profile");

    assertEquals(1, engine.awaitRequests(Bus.PLAYERS_REGISTER, 1, WAIT).size(), "unknown user registered on the way");
    String text = fake.awaitSentTo(505, 1, WAIT).get(0).text();
    assertTrue(text.contains("Sergeant (5 of 20)"), text);
    assertTrue(text.contains("2125 XP to Senior Sergeant"), text);
    assertTrue(text.contains("Balance: 300"), text);
    assertTrue(text.contains("First steps"), text);
    assertTrue(text.contains("Discord: linked"), text);
  }

  @Test
  void diceGamePaysWhatTheOutcomeTelegramRolledIsConfiguredToPay(Vertx vertx) {
    TelegramTestSupport.deploy(vertx, config);
    fake.scriptDice(4);
    TgUser user = TgUser.english(506);
    FakeTelegram.Enqueued command = fake.enqueueText(user, "/play 🎯");

    JsonObject event = engine.awaitRequests(Bus.EVENTS_SUBMIT, 1, WAIT).get(0);
    assertEquals("telegram", event.getString("source"));
    assertEquals("xp_change", event.getString("type"));
    assertEquals(506L, event.getLong("telegramId"));
    assertEquals(15L, event.getLong("xp"), "telegram.games.payouts.🎯.4.xp");
    assertEquals(6L, event.getLong("balance"), "telegram.games.payouts.🎯.4.coins");
    assertEquals("tg_game_506_" + command.messageId() + "_506", event.getString("idempotencyKey"));

    List<SentMessage> sent = fake.awaitSentTo(506, 2, WAIT);
    assertEquals("senddice", sent.get(0).method());
    assertEquals("🎯", sent.get(0).dice().getString("emoji"));
    assertEquals("🎯 On the board, 4 of 6: +15 XP, +6 coins.", sent.get(1).text());
  }

  @Test
  void theSlotMachineJackpotIsAnnouncedInThePlayersLanguage(Vertx vertx) {
    TelegramTestSupport.deploy(vertx, config);
    fake.scriptDice(64);
    fake.enqueueText(TgUser.russian(516), "/play 🎰");

    JsonObject event = engine.awaitRequests(Bus.EVENTS_SUBMIT, 1, WAIT).get(0);
    assertEquals(400L, event.getLong("xp"));
    assertEquals(200L, event.getLong("balance"));
    assertEquals("🎰 777! Джекпот: +400 опыта, +200 монет.", fake.awaitSentTo(516, 2, WAIT).get(1).text());
  }

  @Test
  void anOutcomeConfiguredToPayNothingIsAnnouncedAndNotSubmitted(Vertx vertx) {
    config.getJsonObject("telegram").getJsonObject("games").getJsonObject("payouts").getJsonObject("⚽")
        .put("other", new JsonObject());
    TelegramTestSupport.deploy(vertx, config);
    fake.scriptDice(1, 4);
    TgUser user = TgUser.english(517);
    fake.enqueueText(user, "/play ⚽");

    assertEquals("⚽ Missed.", fake.awaitSentTo(517, 2, WAIT).get(1).text());
    fake.enqueueText(user, "/play ⚽");
    assertEquals("⚽ Goal: +28 XP, +11 coins.", fake.awaitSentTo(517, 4, WAIT).get(3).text());
    List<JsonObject> events = engine.requests(Bus.EVENTS_SUBMIT);
    assertEquals(1, events.size(), "only the goal was submitted: " + events);
    assertEquals(28L, events.get(0).getLong("xp"));
  }

  @Test
  void anOutcomeThatPaysOnlyCoinsIsABalanceChange(Vertx vertx) {
    config.getJsonObject("telegram").getJsonObject("games").getJsonObject("payouts").getJsonObject("🏀")
        .put("other", new JsonObject().put("coins", 3));
    TelegramTestSupport.deploy(vertx, config);
    fake.scriptDice(2);
    fake.enqueueText(TgUser.english(518), "/play 🏀");

    JsonObject event = engine.awaitRequests(Bus.EVENTS_SUBMIT, 1, WAIT).get(0);
    assertEquals("balance_change", event.getString("type"), "the bus takes no xp_change of 0 XP");
    assertEquals(3L, event.getLong("balance"));
    assertEquals("🏀 Missed: +3 coins.", fake.awaitSentTo(518, 2, WAIT).get(1).text());
  }

  @Test
  void diceGameRespectsTheCooldown(Vertx vertx) {
    config.getJsonObject("telegram").getJsonObject("games").put("cooldownSeconds", 60);
    TelegramTestSupport.deploy(vertx, config);
    TgUser user = TgUser.russian(507);
    fake.enqueueText(user, "/dice");
    fake.enqueueText(user, "/play");

    List<SentMessage> sent = fake.awaitSentTo(507, 3, WAIT);
    assertEquals(1, sent.stream().filter(m -> m.dice() != null).count(), "one roll only");
    assertTrue(sent.stream().anyMatch(m -> m.text() != null && m.text().contains("Следующая игра через")), sent.toString());
    assertEquals(1, engine.requests(Bus.EVENTS_SUBMIT).size());
  }

  @Test
  void linkShowsTheCodeForDiscordAndTheDeepLinkForTheReverseDirection(Vertx vertx) {
    TelegramTestSupport.deploy(vertx, config);
    fake.enqueueText(TgUser.english(508), "/link");
    String text = fake.awaitSentTo(508, 1, WAIT).get(0).text();
    assertTrue(text.contains("/link code:" + EngineDouble.ISSUED_LINK_CODE), text);
    assertTrue(text.contains("https://t.me/" + fake.botUsername() + "?start=link_"), text);
  }

  @Test
  void topSyncUnlinkAndHelpAnswer(Vertx vertx) {
    TelegramTestSupport.deploy(vertx, config);
    TgUser user = TgUser.english(509);
    fake.enqueueText(user, "/top");
    fake.enqueueText(user, "/sync");
    fake.enqueueText(user, "/unlink");
    fake.enqueueText(user, "/help");

    List<SentMessage> sent = fake.awaitSentTo(509, 4, WAIT);
    assertTrue(sent.get(0).text().contains("1. alice — 900 XP (Lance Corporal)") && sent.get(0).text().contains("Your place: 42"),
        sent.get(0).text());
    assertTrue(sent.get(1).text().contains("corrected 1"), sent.get(1).text());
    assertEquals(EngineDouble.playerId(509L), engine.requests(Bus.RECONCILE_RUN_NOW).get(0).getLong("playerId"));
    assertTrue(sent.get(2).text().contains("Discord unlinked"), sent.get(2).text());
    assertTrue(sent.get(3).text().contains("/daily"), sent.get(3).text());
  }

  @Test
  void topForARussianPlayerShowsRankNamesInRussian(Vertx vertx) {
    TelegramTestSupport.deploy(vertx, config);
    fake.enqueueText(TgUser.russian(514), "/top");

    String text = fake.awaitSentTo(514, 1, WAIT).get(0).text();
    assertEquals("ru", engine.requests(Bus.PLAYERS_TOP).get(0).getString("language"));
    assertTrue(text.contains("1. alice — 900 опыта (Ефрейтор)"), text);
  }

  @Test
  void busErrorsBecomeMessagesThePlayerCanActOn(Vertx vertx) {
    engine.on(Bus.PLAYERS_TOP, body -> EngineDouble.failure(429, "slow down"));
    engine.on(Bus.DAILY_CLAIM, body -> EngineDouble.failure(503, "database unavailable"));
    TelegramTestSupport.deploy(vertx, config);
    TgUser user = TgUser.english(510);
    fake.enqueueText(user, "/top");
    fake.enqueueText(user, "/daily");
    fake.enqueueText(user, "/frobnicate");

    List<SentMessage> sent = fake.awaitSentTo(510, 3, WAIT);
    assertTrue(sent.get(0).text().contains("Too many requests"), sent.get(0).text());
    assertTrue(sent.get(1).text().contains("try again in a minute"), sent.get(1).text());
    assertTrue(sent.get(2).text().contains("I don't know /frobnicate"), sent.get(2).text());
  }

  @Test
  void setsCommandMenusInBothLanguagesAndAnnouncesReadiness(Vertx vertx) throws Exception {
    CompletableFuture<JsonObject> ready = new CompletableFuture<>();
    vertx.eventBus().<JsonObject>consumer(Bus.PLATFORM_READY, m -> ready.complete(m.body()));
    TelegramTestSupport.deploy(vertx, config);

    assertEquals("telegram", ready.get(WAIT.toMillis(), TimeUnit.MILLISECONDS).getString("platform"));
    FakeTelegram.awaitCondition(() -> fake.commandMenus().size() == 2, WAIT, () -> "two menus: " + fake.commandMenus());
    assertTrue(fake.commandMenus().get("ru").encode().contains("Ежедневная награда"));
    assertTrue(fake.commandMenus().get("").encode().contains("Daily reward"));
    assertEquals(1, fake.calls("deleteWebhook").size());
  }

  @Test
  void refusedTokenFailsStartWithAClearMessage(Vertx vertx) {
    config.getJsonObject("telegram").put("token", "999:wrong");
    Future<String> deployment = vertx.deployVerticle(new TelegramBotVerticle(),
        new io.vertx.core.DeploymentOptions().setConfig(config));
    Throwable error = assertThrowsFuture(deployment);
    assertTrue(error.getMessage().contains("refused the bot token"), error.getMessage());
  }

  @Test
  void configChangeAppliesGameRulesLiveAndAnInvalidOneNeverBecomesAConfig(Vertx vertx) {
    TelegramTestSupport.deploy(vertx, config);
    JsonObject invalid = config.copy();
    invalid.getJsonObject("daily").put("timezone", "Mars/Olympus_Mons");
    InvalidConfigException rejected = assertThrows(InvalidConfigException.class, () -> AppConfig.parse(invalid));
    assertTrue(rejected.getMessage().contains("daily.timezone"), rejected.getMessage());
    JsonObject richer = config.copy();
    richer.getJsonObject("telegram").getJsonObject("games").getJsonObject("payouts").getJsonObject("🎲")
        .put("2", new JsonObject().put("xp", 20).put("coins", 0));
    ConfigChanges.publish(vertx, AppConfig.parse(richer));
    fake.scriptDice(2);
    fake.enqueueText(TgUser.english(511), "/play");

    JsonObject event = engine.awaitRequests(Bus.EVENTS_SUBMIT, 1, WAIT).get(0);
    assertEquals(20L, event.getLong("xp"));
    assertEquals(0L, event.getLong("balance"));
  }

  @Test
  void commandsInGroupsPointToThePrivateChat(Vertx vertx) {
    TelegramTestSupport.deploy(vertx, config);
    fake.enqueueMessage(FakeTelegram.groupTextMessage(TgUser.english(512), -100500, "/daily@" + fake.botUsername()));

    String text = fake.awaitSentTo(-100500, 1, WAIT).get(0).text();
    assertTrue(text.contains("https://t.me/" + fake.botUsername()), text);
    assertTrue(engine.requests(Bus.DAILY_CLAIM).isEmpty());
  }

  @Test
  void stickersAndChatterGetOneShortHint(Vertx vertx) {
    TelegramTestSupport.deploy(vertx, config);
    TgUser user = TgUser.russian(513);
    fake.enqueueMessage(FakeTelegram.stickerMessage(user));
    fake.enqueueText(user, "привет");
    FakeTelegram.Enqueued help = fake.enqueueText(user, "/help");

    List<SentMessage> sent = fake.awaitSentTo(513, 2, WAIT);
    fake.awaitConfirmed(help.updateId() + 1, WAIT);
    assertEquals(2, fake.sentTo(513).size(), "one hint, then the help: " + fake.sentTo(513));
    assertTrue(sent.get(0).text().contains("Я понимаю только команды"), sent.get(0).text());
  }

  private static Throwable assertThrowsFuture(Future<?> future) {
    try {
      future.await(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      return e;
    }
    throw new AssertionError("expected a failure, got " + future.result());
  }

}
