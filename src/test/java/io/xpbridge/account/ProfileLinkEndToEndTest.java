package io.xpbridge.account;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import io.xpbridge.bus.Bus;
import io.xpbridge.config.AppConfig;
import io.xpbridge.config.InvalidConfigException;
import io.xpbridge.fake.discord.FakeDiscord;
import io.xpbridge.fake.discord.InteractionReply;
import io.xpbridge.fake.telegram.FakeTelegram;
import io.xpbridge.fake.telegram.FakeTelegram.TgUser;
import io.xpbridge.support.DiscordService;
import io.xpbridge.support.PlatformFixture;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * With {@code web.publicBaseUrl} set, {@code /profile} in both real bots links to the player's public
 * page {@code <base>/players/<publicId>}.
 */
class ProfileLinkEndToEndTest {
  private static final String BASE = "https://xp.example.org/";

  static PlatformFixture platforms;
  static FakeTelegram telegram;
  static FakeDiscord discord;

  @BeforeAll
  static void start() {
    platforms = PlatformFixture.of(ProfileLinkEndToEndTest.class).telegram()
        .discord(guild -> guild.addTextChannel("general"))
        .config(config -> config.put("web", new JsonObject().put("publicBaseUrl", BASE)))
        .start();
    telegram = platforms.telegram;
    discord = platforms.discord;
  }

  @AfterAll
  static void stop() {
    if (platforms != null) {
      platforms.close();
    }
  }

  @Test
  void profileLinksToThePlayersPageInBothBots() throws Exception {
    TgUser tanya = new TgUser(7_300_001L, "tanya", "ru");
    telegram.enqueueText(tanya, "/profile");
    String text = telegram.awaitSent(m -> m.chatId() == tanya.id() && m.text() != null
        && m.text().contains("Ваш профиль"), Duration.ofSeconds(30)).text();
    String tanyasId = platforms.service.sql.queryString("SELECT p.public_id FROM players p "
        + "JOIN telegram_identities t ON t.player_id = p.id WHERE t.telegram_id = ?", tanya.id());
    assertTrue(text.contains("Страница игрока: https://xp.example.org/players/" + tanyasId), text);

    long dan = discord.addMember("dan");
    platforms.service.request(Bus.PLAYERS_REGISTER, new JsonObject().put("discordId", dan).put("username", "dan"));
    String dansId = platforms.service.sql.queryString("SELECT public_id FROM players WHERE id = ?",
        DiscordService.playerOf(platforms.service.sql, dan));
    InteractionReply profile = discord.invokeSlashCommand(dan, "profile", Map.of(), "en-US")
        .toCompletionStage().toCompletableFuture().get(15, TimeUnit.SECONDS);
    assertTrue(profile.visibleText().contains("https://xp.example.org/players/" + dansId), profile.visibleText());
  }

}
