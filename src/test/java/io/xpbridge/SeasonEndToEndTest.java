package io.xpbridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.xpbridge.bus.Bus;
import io.xpbridge.bus.BusClient;
import io.xpbridge.bus.Seasons;
import io.xpbridge.fake.discord.FakeDiscord;
import io.xpbridge.fake.telegram.FakeTelegram;
import io.xpbridge.fake.telegram.FakeTelegram.TgUser;
import io.xpbridge.support.Await;
import io.xpbridge.support.DiscordService;
import io.xpbridge.support.PlatformFixture;
import io.xpbridge.support.ServiceFixture;
import io.xpbridge.support.Still;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A season ends with both real bots running: the Telegram winner hears where they finished and what
 * they got, the Discord announce channel gets one message naming the winners, and the rewards land
 * once.
 */
class SeasonEndToEndTest {
  static final long MESSAGE_XP = 40;

  static PlatformFixture platforms;
  static FakeTelegram telegram;
  static FakeDiscord discord;
  static ServiceFixture service;
  static long general;
  static long announcements;

  @BeforeAll
  static void start() {
    platforms = PlatformFixture.of(SeasonEndToEndTest.class).telegram()
        .discord(guild -> {
          general = guild.addTextChannel("general");
          announcements = guild.addTextChannel("announcements");
        })
        .config(config -> {
          DiscordService.xpRules(config, MESSAGE_XP, 1, 2, 60);
          config.getJsonObject("discord").put("announceChannelId", Long.toString(announcements))
              .put("announceLocale", "en");
          config.put("seasons", new JsonObject().put("rewards", new JsonArray()
              .add(new JsonObject().put("top", 1).put("coins", 500).put("achievement", "first_steps"))
              .add(new JsonObject().put("top", 3).put("coins", 100))));
          return config;
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
  void theWinnersHearOfTheirPlacesOnBothPlatformsAndArePaidOnce() {
    TgUser anna = TgUser.english(8_100_001L);
    telegram.enqueueText(anna, "/start");
    telegram.awaitSent(m -> m.chatId() == anna.id(), Duration.ofSeconds(20));
    service.submit(ServiceFixture.xp("anna_game", anna.id(), 90));
    long bob = discord.addMember("bob");
    discord.sendMessage(bob, general);
    Await.until("bob's message is paid", () -> DiscordService.xpOf(service.sql, bob) == MESSAGE_XP);
    long annaPlayer = service.sql.queryLong("SELECT player_id FROM telegram_identities WHERE telegram_id = ?", anna.id());
    long annaCoins = service.sql.queryLong("SELECT balance FROM players WHERE id = ?", annaPlayer);

    Seasons.SeasonView next = Await.result(new BusClient(service.vertx.eventBus(), 60_000)
        .request(Bus.SEASONS_START, new Seasons.Start("Autumn"), Seasons.SeasonView.class));
    assertEquals("Autumn", next.name());

    FakeTelegram.SentMessage told = telegram.awaitSent(m -> m.chatId() == anna.id() && m.text().contains("Season 1"),
        Duration.ofSeconds(20));
    assertTrue(told.text().contains("#1") && told.text().contains("+500 coins") && told.text().contains("First steps"),
        told.text());
    Await.until("the announcement is posted", () -> discord.messagesPostedIn(announcements).size() == 1);
    JsonObject posted = discord.messagesPostedIn(announcements).get(0);
    String content = posted.getString("content");
    assertTrue(content.contains("<@" + bob + ">") && content.contains("+100 coins"), content);
    assertTrue(content.indexOf(anna.username()) < content.indexOf("<@" + bob + ">"), "anna (90 XP) before bob: " + content);
    assertEquals(List.of(Long.toString(bob)), posted.getJsonObject("allowed_mentions").getJsonArray("users").getList());

    Await.until("anna's reward is applied", () -> service.sql.queryLong("SELECT balance FROM players WHERE id = ?",
        annaPlayer) == annaCoins + 500);
    Still.holdsFor(Duration.ofSeconds(2), "nothing is told or paid twice", () ->
        discord.messagesPostedIn(announcements).size() == 1
            && telegram.sentTo(anna.id()).stream().filter(m -> m.text().contains("Season 1")).count() == 1
            && service.sql.queryLong("SELECT balance FROM players WHERE id = ?", annaPlayer) == annaCoins + 500);
  }
}
