package io.xpbridge.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.xpbridge.fake.discord.FakeDiscord;
import io.xpbridge.fake.discord.InteractionReply;
import io.xpbridge.fake.telegram.FakeTelegram;
import io.xpbridge.fake.telegram.FakeTelegram.TgUser;
import io.xpbridge.support.Await;
import io.xpbridge.support.DiscordService;
import io.xpbridge.support.PlatformFixture;
import io.xpbridge.support.ServiceFixture;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Players typing anything: random Unicode, 10k-character strings, SQL and markup injection,
 * negative and overflowing numbers, into both real bots. They get short answers, the bots keep
 * serving, and nothing reaches the ledger that should not.
 */
class FuzzedPlayerInputTest {
  static PlatformFixture platforms;
  static FakeTelegram telegram;
  static FakeDiscord discord;
  static ServiceFixture service;
  static long general;
  static final Random random = new Random(6);

  @BeforeAll
  static void start() {
    platforms = PlatformFixture.of(FuzzedPlayerInputTest.class).telegram()
        .discord(guild -> {
          guild.giveBotManageRoles(20);
          general = guild.addTextChannel("general");
        })
        .config(config -> {
          config.getJsonObject("telegram").put("perChatIntervalMs", 0).put("sendRatePerSecond", 1000);
          return DiscordService.xpRules(config, 15, 60, 2, 60);
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

  static List<String> hostileTexts() {
    List<String> texts = new ArrayList<>(List.of(
        "x".repeat(10_000), "🎲".repeat(3_000), "'; DROP TABLE players; --", "<b>bold</b><script>alert(1)</script>",
        "*_[`markdown`](http://x)_*", "-1", "-9223372036854775808", "99999999999999999999999999", "\u0000\u202e\uFEFF",
        "/play " + "🎯".repeat(500), "/play -5", "/link " + "A".repeat(5_000), "/start link_' OR 1=1 --",
        "/start link_" + "Я".repeat(300), "/daily 9999999999999999", "/top -1", "/profile'; DELETE FROM players;--",
        "/unknowncommand", "/", "/@", "/daily@other_bot"));
    for (int i = 0; i < 30; i++) {
      texts.add(HostileInputTest.randomText(1 + random.nextInt(300)));
    }
    return texts;
  }

  @Test
  void telegramAnswersOrIgnoresHostileTextsKeepsPollingAndPaysNothingExtra() {
    TgUser user = TgUser.english(9_100_001L);
    telegram.enqueueText(user, "/start");
    telegram.awaitSentTo(user.id(), 1, Duration.ofSeconds(30));
    List<String> texts = hostileTexts();
    for (String text : texts) {
      telegram.enqueueText(user, text);
    }
    Await.until("every hostile update confirmed", () -> telegram.pendingUpdateCount() == 0, Duration.ofSeconds(60));
    long paidBefore = service.sql.queryLong("SELECT count(*) FROM transactions t JOIN telegram_identities i "
        + "ON i.player_id = t.player_id WHERE i.telegram_id = ?", user.id());
    // Commands with garbage arguments ignore them: /play rolls the default die, /daily pays the daily once.
    assertEquals(paidBefore, service.sql.queryLong("SELECT count(*) FROM transactions t JOIN telegram_identities i "
        + "ON i.player_id = t.player_id WHERE i.telegram_id = ? AND (t.idempotency_key LIKE 'tg_game_%' "
        + "OR t.idempotency_key LIKE 'tg_daily_%')", user.id()), "only dice games and the daily paid");
    assertTrue(service.sql.queryLong("SELECT count(*) FROM transactions t JOIN telegram_identities i "
        + "ON i.player_id = t.player_id WHERE i.telegram_id = ? AND t.idempotency_key LIKE 'tg_daily_%'", user.id()) <= 1);
    assertEquals(0, service.sql.queryLong("SELECT count(*) FROM link_codes WHERE used_at IS NOT NULL"));
    assertTrue(telegram.sentTo(user.id()).stream().allMatch(m -> m.text() == null || m.text().length() <= 4096),
        "no reply is longer than Telegram allows");

    int before = telegram.sentTo(user.id()).size();
    telegram.enqueueText(user, "/profile");
    Await.until("a valid command after the garbage is still answered", () -> telegram.sentTo(user.id()).stream()
        .skip(before).anyMatch(m -> m.text() != null && m.text().contains("XP")));
    System.out.printf("fuzzed player input test: Telegram got %d hostile texts, answered with %d messages, "
        + "polling went on, %d payments (dice games and one daily), 0 other ledger changes%n", texts.size(),
        telegram.sentTo(user.id()).size(), paidBefore);
  }

  @Test
  void discordSlashCommandsWithHostileOptionsGetAPrivateErrorAndLinkNobody() {
    long member = discord.addMember("mallory");
    int answered = 0;
    for (String code : hostileTexts()) {
      String option = code.length() > 6_000 ? code.substring(0, 6_000) : code;
      InteractionReply reply = Await.result(discord.invokeSlashCommand(member, "link", Map.of("code", option)),
          Duration.ofSeconds(30));
      assertFalse(reply.visibleText().isBlank(), "an answer for " + option.substring(0, Math.min(20, option.length())));
      answered++;
    }
    assertEquals(0, service.sql.queryLong("SELECT count(*) FROM discord_identities WHERE discord_id = ? "
        + "AND linked_at IS NOT NULL", member));
    InteractionReply profile = Await.result(discord.invokeSlashCommand(member, "top", Map.of()), Duration.ofSeconds(30));
    assertFalse(profile.visibleText().isBlank(), "the bot still serves commands");
    System.out.printf("fuzzed player input test: Discord /link got %d hostile codes, answered each, linked nobody; "
        + "wrong-code limit engaged after %d%n", answered, 5);
  }
}
