package io.xpbridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import io.xpbridge.bus.Bus;
import io.xpbridge.fake.discord.FakeDiscord;
import io.xpbridge.fake.discord.InteractionReply;
import io.xpbridge.fake.discord.RestCall;
import io.xpbridge.fake.discord.Snowflakes;
import io.xpbridge.fake.telegram.FakeTelegram;
import io.xpbridge.fake.telegram.FakeTelegram.TgUser;
import io.xpbridge.support.Await;
import io.xpbridge.support.DiscordService;
import io.xpbridge.support.PlatformFixture;
import io.xpbridge.support.ServiceFixture;
import io.xpbridge.support.Still;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole service with both real bots, each talking to its fake platform: one person starts in
 * Telegram, links their Discord account with a code, earns a rank in Discord, and both platforms
 * show it exactly once.
 */
class CrossPlatformStoryTest {
  static final long MESSAGE_XP = 60;
  static final long COOLDOWN_SECONDS = 1;
  static final Pattern LINK_CODE = Pattern.compile("/link code:(\\S+)");

  static PlatformFixture platforms;
  static FakeTelegram telegram;
  static FakeDiscord discord;
  static ServiceFixture service;
  static long rank1;
  static long rank2;
  static long general;

  @BeforeAll
  static void start() {
    platforms = PlatformFixture.of(CrossPlatformStoryTest.class).telegram()
        .discord(guild -> {
          guild.giveBotManageRoles(20);
          rank2 = guild.addRole("Private", 4);
          rank1 = guild.addRole("Recruit", 3);
          general = guild.addTextChannel("general");
        })
        .config(config -> DiscordService.mapRanks(DiscordService.xpRules(config, MESSAGE_XP, COOLDOWN_SECONDS, 2, 60),
            rank1, rank2))
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
  void telegramPlayerLinksDiscordAndARankEarnedInDiscordShowsOnceOnBothPlatforms() {
    // Sam earns a little in Discord before linking.
    long sam = discord.addMember("sam");
    long beforeLink = discord.sendMessage(sam, general);
    Await.until("sam's Discord message is paid", () -> DiscordService.xpOf(service.sql, sam) == MESSAGE_XP);

    // In Telegram: /start, then /link; the bot answers with the code to type in Discord.
    TgUser user = TgUser.english(8_000_001L);
    telegram.enqueueText(user, "/start");
    telegram.awaitSentTo(user.id(), 1, Duration.ofSeconds(30));
    telegram.enqueueText(user, "/link");
    String code = Await.value("the bot's reply with a link code", () -> linkCodeSentTo(user.id()), c -> c != null);
    long telegramPlayer = service.sql.queryLong("SELECT player_id FROM telegram_identities WHERE telegram_id = ?",
        user.id());

    InteractionReply linked = Await.result(discord.invokeSlashCommand(sam, "link", Map.of("code", code)));

    assertTrue(linked.content().startsWith("Linked!") && linked.content().contains(MESSAGE_XP + " XP"),
        linked.content());
    assertEquals(telegramPlayer, DiscordService.playerOf(service.sql, sam));
    assertEquals(MESSAGE_XP, DiscordService.xpOf(service.sql, sam), "the Discord XP came along");
    Await.until("the linked member gets the rank 1 role", () -> discord.memberRoles(sam).equals(Set.of(rank1)));

    // Two more messages, a cooldown apart: 180 XP crosses rank 2 at 165.
    long previous = beforeLink;
    for (int i = 0; i < 2; i++) {
      long last = previous;
      Await.until("the message cooldown is over", () -> System.currentTimeMillis()
          >= Snowflakes.timestampMs(last) + COOLDOWN_SECONDS * 1000);
      previous = discord.sendMessage(sam, general);
      long expected = MESSAGE_XP * (i + 2);
      Await.until("the message is paid to the shared profile",
          () -> DiscordService.xpOf(service.sql, sam) == expected);
    }

    Await.until("Discord shows rank 2 instead of rank 1", () -> discord.memberRoles(sam).equals(Set.of(rank2)));
    Await.until("Telegram announces the rank-up", () -> rankUpsSentTo(user.id()).size() == 1);
    String announcement = rankUpsSentTo(user.id()).get(0).text();
    assertTrue(announcement.contains("Private (2)") && announcement.contains("XP: 180"), announcement);

    // Nothing is announced or changed twice: not by the engine's timer, not by a reconcile pass.
    JsonObject pass = service.request(Bus.RECONCILE_RUN_NOW, new JsonObject());
    assertEquals(0, pass.getInteger("divergences"), "reconcile finds both platforms right: " + pass.encode());
    service.request(Bus.EVENTS_PROCESS_NOW, new JsonObject());
    Still.holdsFor(Duration.ofMillis(1500), "each platform saw the rank change exactly once",
        () -> rankUpsSentTo(user.id()).size() == 1
            && succeeded(DiscordService.roleCalls(discord, "PUT", sam, rank2)) == 1
            && succeeded(DiscordService.roleCalls(discord, "DELETE", sam, rank1)) == 1
            && DiscordService.roleCalls(discord, "PUT", sam, rank2).size() == 1);
    assertEquals(Set.of(rank2), discord.memberRoles(sam));
    assertEquals(List.of(2, 2), service.sql.queryRow(
        "SELECT last_discord_rank, last_telegram_rank FROM sync_state WHERE player_id = ?", telegramPlayer));
  }

  private static String linkCodeSentTo(long chatId) {
    for (FakeTelegram.SentMessage message : telegram.sentTo(chatId)) {
      Matcher matcher = message.text() == null ? null : LINK_CODE.matcher(message.text());
      if (matcher != null && matcher.find()) {
        return matcher.group(1);
      }
    }
    return null;
  }

  private static List<FakeTelegram.SentMessage> rankUpsSentTo(long chatId) {
    return telegram.sentTo(chatId).stream().filter(m -> m.text() != null && m.text().contains("Rank up")).toList();
  }

  private static long succeeded(List<RestCall> calls) {
    return calls.stream().filter(c -> c.status() == 204).count();
  }
}
