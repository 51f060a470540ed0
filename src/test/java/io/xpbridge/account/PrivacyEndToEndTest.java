package io.xpbridge.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.xpbridge.bus.Bus;
import io.xpbridge.fake.discord.FakeDiscord;
import io.xpbridge.fake.discord.InteractionReply;
import io.xpbridge.fake.telegram.FakeTelegram;
import io.xpbridge.fake.telegram.FakeTelegram.TgUser;
import io.xpbridge.support.Await;
import io.xpbridge.support.DiscordService;
import io.xpbridge.support.PlatformFixture;
import io.xpbridge.support.ServiceFixture;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code /privacy} with both real bots against their fakes and the real service: a player who hides is
 * gone from {@code /top} on both platforms (and from the places of the others), is told so in their own
 * {@code /top}, and is back with the same XP after {@code show}; a repeat changes nothing.
 *
 * <p>Players in different tests do not get in each other's way: dana and tom have far more XP than the
 * others, so their places do not depend on the order the tests run in.
 */
class PrivacyEndToEndTest {
  private static final Duration WAIT = Duration.ofSeconds(30);

  static PlatformFixture platforms;
  static FakeTelegram telegram;
  static FakeDiscord discord;
  static ServiceFixture service;

  @BeforeAll
  static void start() {
    platforms = PlatformFixture.of(PrivacyEndToEndTest.class).telegram()
        .discord(guild -> {
          guild.giveBotManageRoles(20);
          guild.addTextChannel("general");
        })
        .start();
    telegram = platforms.telegram;
    discord = platforms.discord;
    service = platforms.service;
  }

  @AfterAll
  static void stop() {
    if (platforms != null) {
      platforms.close();
    }
  }

  @Test
  void privacyIsRegisteredWithALeaderboardOptionAndRussianLocalizations() {
    JsonObject privacy = discord.registeredCommands().stream().map(JsonObject.class::cast)
        .filter(command -> "privacy".equals(command.getString("name"))).findFirst().orElseThrow();
    assertEquals("приватность", privacy.getJsonObject("name_localizations").getString("ru"));
    JsonObject option = privacy.getJsonArray("options").getJsonObject(0);
    assertEquals("leaderboard", option.getString("name"));
    assertEquals("таблица", option.getJsonObject("name_localizations").getString("ru"));
    assertFalse(option.getBoolean("required", false));
    assertEquals(List.of("hide", "show"), option.getJsonArray("choices").stream()
        .map(choice -> ((JsonObject) choice).getString("value")).toList());
    assertEquals("Скрыть меня", option.getJsonArray("choices").getJsonObject(0)
        .getJsonObject("name_localizations").getString("ru"));
  }

  @Test
  void aDiscordPlayerWhoHidesLeavesTopOnBothBotsAndComesBackWithTheSameXp() throws Exception {
    long dana = discordMember("dana", 90_000_000, 50_000_000);
    TgUser tom = new TgUser(7_100_001L, "tom", "en");
    telegramPlayer(tom, 80_000_000, 40_000_000);
    awaitTopLedBy("dana");

    InteractionReply status = slash(dana, "privacy", Map.of(), "en-US");
    assertTrue(status.visibleText().startsWith("You are shown on the public leaderboards."), status.visibleText());

    InteractionReply hidden = slash(dana, "privacy", Map.of("leaderboard", "hide"), "en-US");
    assertTrue(hidden.visibleText().startsWith("Done: you are no longer on the public leaderboards."),
        hidden.visibleText());
    assertTrue(hidden.visibleText().contains("To appear again: /privacy leaderboard:Show me"), hidden.visibleText());
    long player = DiscordService.playerOf(service.sql, dana);
    assertEquals(1, service.sql.queryLong("SELECT count(*) FROM players WHERE id = ? AND hidden", player));

    // A repeat is no change: the same state, said as a state, not as "done".
    InteractionReply again = slash(dana, "privacy", Map.of("leaderboard", "hide"), "en-US");
    assertTrue(again.visibleText().startsWith("You are hidden from the public leaderboards."), again.visibleText());
    JsonObject overBus = service.request(Bus.PLAYERS_VISIBILITY,
        new JsonObject().put("discordId", dana).put("hidden", true));
    assertEquals(new JsonObject().put("hidden", true).put("changed", false),
        new JsonObject().put("hidden", overBus.getBoolean("hidden")).put("changed", overBus.getBoolean("changed")));

    awaitTopLedBy("tom");
    telegram.enqueueText(tom, "/top");
    String tomsTop = awaitText(tom.id(), "Top players — Season 1");
    assertFalse(tomsTop.contains("dana"), tomsTop);
    assertTrue(tomsTop.contains("1. tom — 40000000 XP") && tomsTop.contains("Your place: 1 (40000000 XP)"), tomsTop);
    telegram.enqueueText(tom, "/top all");
    String tomsAllTime = awaitText(tom.id(), "Top players of all time");
    assertFalse(tomsAllTime.contains("dana"), tomsAllTime);

    InteractionReply danasTop = slash(dana, "top", Map.of(), "en-US");
    assertFalse(danasTop.visibleText().contains("dana"), danasTop.visibleText());
    assertTrue(footer(danasTop).startsWith("You are hidden from the standings: /privacy"), footer(danasTop));
    InteractionReply profile = slash(dana, "profile", Map.of(), "en-US");
    assertTrue(profile.visibleText().contains("90000000"), "their own /profile still works: " + profile.visibleText());
    assertTrue(profile.visibleText().contains("Hidden from public standings"), profile.visibleText());

    InteractionReply shown = slash(dana, "privacy", Map.of("leaderboard", "show"), "en-US");
    assertTrue(shown.visibleText().startsWith("Done: you are on the public leaderboards again."), shown.visibleText());
    awaitTopLedBy("dana");
    telegram.enqueueText(tom, "/top");
    String back = awaitText(tom.id(), "1. dana — 50000000 XP");
    assertTrue(back.contains("2. tom — 40000000 XP") && back.contains("Your place: 2 (40000000 XP)"), back);
    assertEquals(90_000_000, DiscordService.xpOf(service.sql, dana));
  }

  @Test
  void aTelegramPlayerHidesAndShowsInRussian() {
    TgUser olga = new TgUser(7_200_001L, "olga", "ru");
    telegramPlayer(olga, 5_000_000, 3_000_000);
    Await.until("olga is on the standings", () -> topNames("current").contains("olga"), WAIT);

    telegram.enqueueText(olga, "/privacy");
    awaitText(olga.id(), "👀 Вы видны в публичных таблицах лидеров.");
    telegram.enqueueText(olga, "/privacy скрыть");
    String hidden = awaitText(olga.id(), "🙈 Готово: вас больше нет в публичных таблицах лидеров.");
    assertTrue(hidden.contains("Показать снова: /privacy показать"), hidden);
    telegram.enqueueText(olga, "/privacy hide");
    awaitText(olga.id(), "🙈 Вы скрыты из публичных таблиц лидеров.");

    Await.until("olga is off the standings", () -> !topNames("current").contains("olga")
        && !topNames("all").contains("olga"), WAIT);
    telegram.enqueueText(olga, "/top");
    String top = awaitText(olga.id(), "Вы скрыты из таблиц лидеров: /privacy");
    assertFalse(top.contains("olga"), top);
    telegram.enqueueText(olga, "/profile");
    String profile = awaitText(olga.id(), "Ваш профиль");
    assertTrue(profile.contains("вы скрыты из таблиц (/privacy)"), profile);

    telegram.enqueueText(olga, "/privacy показать");
    awaitText(olga.id(), "👀 Готово: вы снова в публичных таблицах лидеров.");
    Await.until("olga is back on the standings", () -> topNames("current").contains("olga")
        && topNames("all").contains("olga"), WAIT);
    telegram.enqueueText(olga, "/privacy неважно");
    awaitText(olga.id(), "/privacy скрыть или /privacy показать");
  }

  @Test
  void discordAnswersPrivacyInRussianForARussianClient() throws Exception {
    long ivan = discordMember("ivan", 100, 0);
    InteractionReply status = slash(ivan, "privacy", Map.of(), "ru");
    assertTrue(status.visibleText().startsWith("Вы видны в публичных таблицах лидеров."), status.visibleText());
    assertTrue(status.visibleText().contains("Скрыться: /приватность таблица:Скрыть меня"), status.visibleText());
    InteractionReply hidden = slash(ivan, "privacy", Map.of("leaderboard", "hide"), "ru");
    assertTrue(hidden.visibleText().startsWith("Готово: вас больше нет в публичных таблицах лидеров."),
        hidden.visibleText());
  }

  // ---- helpers ----

  private static long discordMember(String name, long xp, long seasonXp) {
    long discordId = discord.addMember(name);
    service.request(Bus.PLAYERS_REGISTER, new JsonObject().put("discordId", discordId).put("username", name));
    assertEquals(1, service.sql.update("UPDATE players SET xp = ?, season = 1, season_xp = ? WHERE id = ?", xp,
        seasonXp, DiscordService.playerOf(service.sql, discordId)));
    return discordId;
  }

  private static void telegramPlayer(TgUser user, long xp, long seasonXp) {
    telegram.enqueueText(user, "/start");
    awaitText(user.id(), user.languageCode().equals("ru") ? "Добро пожаловать" : "Welcome");
    long player = Await.value("telegram user " + user.id() + " has a player", () -> service.sql.queryLong(
        "SELECT coalesce(max(player_id), 0) FROM telegram_identities WHERE telegram_id = ?", user.id()), id -> id > 0);
    assertEquals(1, service.sql.update("UPDATE players SET xp = ?, season = 1, season_xp = ? WHERE id = ?", xp,
        seasonXp, player));
  }

  private static InteractionReply slash(long user, String name, Map<String, Object> options, String locale)
      throws Exception {
    Future<InteractionReply> reply = discord.invokeSlashCommand(user, name, options, locale);
    return reply.toCompletionStage().toCompletableFuture().get(15, TimeUnit.SECONDS);
  }

  private static String awaitText(long chatId, String fragment) {
    return telegram.awaitSent(m -> m.chatId() == chatId && m.text() != null && m.text().contains(fragment), WAIT)
        .text();
  }

  /** The standings are read at most once a second (and forgotten on a change): wait for the leader. */
  private static void awaitTopLedBy(String leader) {
    Await.until("the season's standings led by " + leader, () -> {
      List<String> names = topNames("current");
      return !names.isEmpty() && leader.equals(names.get(0));
    }, WAIT);
  }

  private static List<String> topNames(String season) {
    JsonArray entries = service.request(Bus.PLAYERS_TOP, new JsonObject().put("limit", 50).put("season", season))
        .getJsonArray("entries");
    return entries.stream().map(e -> ((JsonObject) e).getString("displayName")).toList();
  }

  private static String footer(InteractionReply reply) {
    return reply.embeds().getJsonObject(0).getJsonObject("footer").getString("text");
  }
}
