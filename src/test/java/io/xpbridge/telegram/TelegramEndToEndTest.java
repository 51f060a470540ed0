package io.xpbridge.telegram;

import static io.xpbridge.telegram.TelegramEndToEndSupport.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;
import io.xpbridge.bus.Bus;
import io.xpbridge.domain.IdempotencyKeys;
import io.xpbridge.fake.telegram.FakeTelegram;
import io.xpbridge.fake.telegram.FakeTelegram.SentMessage;
import io.xpbridge.fake.telegram.FakeTelegram.TgUser;
import io.xpbridge.support.Await;
import io.xpbridge.support.Sql;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 3 end to end: commands typed in a (fake) Telegram chat go through the real bot verticle, the
 * real sync engine and the real PostgreSQL ledger, and the engine's effects come back as messages.
 * Each test uses its own Telegram user ids so the tests share one service without sharing players.
 */
class TelegramEndToEndTest {

  private static final Pattern LINK_CODE = Pattern.compile("link code: ([A-Z0-9]+)");

  static TelegramEndToEndSupport e2e;
  static FakeTelegram fake;
  static Sql sql;

  @BeforeAll
  static void start() {
    e2e = TelegramEndToEndSupport.start(TelegramEndToEndTest.class, UnaryOperator.identity());
    fake = e2e.fake;
    sql = e2e.service.sql;
  }

  @AfterAll
  static void stop() {
    if (e2e != null) {
      e2e.close();
    }
  }

  @Test
  void startRegistersThePlayerWithChatUsernameAndLanguageAndWelcomesThem() {
    fake.enqueueText(new TgUser(1001, "ivan_p", "ru"), "/start");

    String welcome = e2e.awaitText(1001, "Добро пожаловать");
    assertTrue(welcome.contains("Профиль создан"), "a new player is told the profile was created: " + welcome);
    List<Object> identity = sql.queryRow(
        "SELECT chat_id, username, language_code, player_id FROM telegram_identities WHERE telegram_id = 1001");
    assertNotNull(identity, "telegram_identities row written");
    assertEquals(1001L, ((Number) identity.get(0)).longValue());
    assertEquals("ivan_p", identity.get(1));
    assertEquals("ru", identity.get(2));
    assertEquals("ivan_p", sql.queryString("SELECT display_name FROM players WHERE id = ?", identity.get(3)));
  }

  @Test
  void dailyTwicePaysOnceAndTheSecondReplySaysWhenTheNextOneIs() {
    TgUser user = TgUser.english(1002);
    fake.enqueueText(user, "/daily");
    fake.enqueueText(user, "/daily");

    List<SentMessage> replies = fake.awaitSentTo(1002, 2, WAIT);
    assertTrue(replies.get(0).text().contains("Daily reward: +50 XP, +100 coins"), replies.get(0).text());
    String second = replies.get(1).text();
    Matcher left = Pattern.compile("already claimed.*Next one in (\\d\\d):(\\d\\d) \\(at 00:00 Europe/Moscow\\)")
        .matcher(second);
    assertTrue(left.find(), second);
    ZonedDateTime now = ZonedDateTime.now(ZoneId.of("Europe/Moscow"));
    long minutesToMidnight = Duration.between(now, now.toLocalDate().plusDays(1).atStartOfDay(now.getZone())).toMinutes();
    long shown = Long.parseLong(left.group(1)) * 60 + Long.parseLong(left.group(2));
    assertTrue(Math.abs(shown - minutesToMidnight) <= 2, "time left until the next Moscow day: " + second);
    e2e.awaitXp(1002, 50);
    e2e.awaitApplied(1002);
    assertEquals(50, e2e.xpOf(1002));
    assertEquals(100, e2e.balanceOf(1002));
    assertEquals(1, e2e.transactionsOf(1002), "one ledger change for two /daily");
    String day = sql.queryString("SELECT last_daily_day::text FROM players WHERE id = ?", e2e.playerOf(1002));
    assertEquals(1, e2e.transactionsWithKey(IdempotencyKeys.daily(LocalDate.parse(day), 1002)),
        "under the key of the day Telegram stamped on the message");
    assertEquals(1, sql.queryLong("SELECT daily_streak FROM players WHERE id = ?", e2e.playerOf(1002)));
  }

  @Test
  void theSameCommandMessageDeliveredTwicePaysOnce() {
    // Telegram re-sends a message it thinks we did not get (same chat, same message_id): the dice is
    // rolled again, but the payment key comes from the message, so the second roll pays nothing.
    TgUser user = TgUser.english(1003);
    fake.scriptDice(3, 6);
    JsonObject play = FakeTelegram.textMessage(user, "/play").put("message_id", 777_003);
    FakeTelegram.Enqueued first = fake.enqueueMessage(play);
    e2e.awaitText(1003, "You got 3");
    FakeTelegram.Enqueued again = fake.enqueueMessage(play);
    assertTrue(again.updateId() > first.updateId(), "a new update carrying the same message");

    e2e.awaitText(1003, "already counted");
    e2e.awaitApplied(1003);
    assertEquals(15, e2e.xpOf(1003), "paid for the first roll only: 3 x 5 XP");
    assertEquals(6, e2e.balanceOf(1003), "3 x 2 coins");
    assertEquals(1, e2e.transactionsWithKey(IdempotencyKeys.game(1003, 777_003, 1003)));
    assertEquals(1, e2e.transactionsOf(1003));
  }

  @Test
  void aDiceGamePaysWhatTheRolledOutcomeIsConfiguredToPay() {
    TgUser user = TgUser.english(1004);
    fake.scriptDice(5);
    FakeTelegram.Enqueued play = fake.enqueueText(user, "/play 🎯");

    String result = e2e.awaitText(1004, "On the board, 5 of 6");
    assertTrue(result.contains("+23 XP, +9 coins"), result);
    SentMessage dice = fake.sentTo(1004).stream().filter(m -> m.dice() != null).findFirst().orElseThrow();
    assertEquals("🎯", dice.dice().getString("emoji"));
    e2e.awaitXp(1004, 23);
    assertEquals(9, e2e.balanceOf(1004));
    String key = IdempotencyKeys.game(1004, play.messageId(), 1004);
    List<Object> audit = sql.queryRow("SELECT delta_xp, delta_balance, source, type FROM transactions "
        + "WHERE idempotency_key = ?", key);
    assertNotNull(audit, "audit row under the game's key");
    assertEquals(23L, ((Number) audit.get(0)).longValue());
    assertEquals(9L, ((Number) audit.get(1)).longValue());
    assertEquals("telegram", audit.get(2));
  }

  @Test
  void theSlotMachinePays777AsTheJackpot() {
    TgUser user = TgUser.english(1012);
    fake.scriptDice(64);
    FakeTelegram.Enqueued play = fake.enqueueText(user, "/play 🎰");

    assertEquals("🎰 777! Jackpot: +400 XP, +200 coins.", e2e.awaitText(1012, "Jackpot"));
    e2e.awaitXp(1012, 400);
    assertEquals(200, e2e.balanceOf(1012));
    assertEquals(1, e2e.transactionsWithKey(IdempotencyKeys.game(1012, play.messageId(), 1012)));
  }

  @Test
  void theSlotMachinePaysAnyOtherCombinationTheOtherAmountNotItsValue() {
    TgUser user = TgUser.english(1013);
    fake.scriptDice(63, 22);
    fake.enqueueText(user, "/play 🎰");
    assertEquals("🎰 No match: +2 XP.", e2e.awaitText(1013, "No match"));
    e2e.awaitXp(1013, 2);
    assertEquals(0, e2e.balanceOf(1013), "value 63 is seven-seven-lemon: no coins, and not 63 of anything");

    fake.enqueueText(user, "/play 🎰");
    assertEquals("🎰 Three grapes: +200 XP, +80 coins.", e2e.awaitText(1013, "Three grapes"));
    e2e.awaitXp(1013, 202);
    assertEquals(80, e2e.balanceOf(1013));
  }

  @Test
  void aBasketballMissPaysItsConsolationAndAScorePaysTheScore() {
    TgUser user = TgUser.english(1014);
    fake.scriptDice(3, 5);
    fake.enqueueText(user, "/play 🏀");
    assertEquals("🏀 Missed: +2 XP.", e2e.awaitText(1014, "Missed"));
    e2e.awaitXp(1014, 2);

    fake.enqueueText(user, "/play 🏀");
    assertEquals("🏀 Scored: +41 XP, +17 coins.", e2e.awaitText(1014, "Scored"));
    e2e.awaitXp(1014, 43);
    assertEquals(17, e2e.balanceOf(1014));
    assertEquals(2, e2e.transactionsOf(1014), "one ledger change per roll");
  }

  @Test
  void aLinkCodeIsAcceptedExactlyOnce() {
    TgUser user = TgUser.english(1005);
    String code = linkCodeFor(user);

    JsonObject linked = e2e.service.request(Bus.LINK_REDEEM,
        new JsonObject().put("code", code).put("discordId", 2_005L).put("username", "ivan#2005"));
    assertEquals(e2e.playerOf(1005), linked.getLong("playerId"));
    assertEquals(e2e.playerOf(1005), sql.queryLong("SELECT player_id FROM discord_identities WHERE discord_id = 2005"));
    assertNotNull(sql.queryString("SELECT used_at FROM link_codes WHERE code = ?", code));
    // Linking earns the "linked" achievement, and the engine tells the player in Telegram.
    e2e.awaitText(1005, "Achievement unlocked: Bridge builder");

    Throwable again = e2e.service.requestFailure(Bus.LINK_REDEEM, new JsonObject().put("code", code).put("discordId", 2_006L));
    assertEquals(404, ((ReplyException) again).failureCode(), again.getMessage());
    assertEquals(0, sql.queryLong("SELECT count(*) FROM discord_identities WHERE discord_id = 2006"),
        "a spent code links nobody");
  }

  @Test
  void anExpiredLinkCodeIsRefused() {
    TgUser user = TgUser.english(1006);
    String code = linkCodeFor(user);
    assertEquals(1, sql.update("UPDATE link_codes SET expires_at = now() - interval '1 second' WHERE code = ?", code));

    Throwable refused = e2e.service.requestFailure(Bus.LINK_REDEEM, new JsonObject().put("code", code).put("discordId", 2_007L));
    assertEquals(404, ((ReplyException) refused).failureCode(), refused.getMessage());
    assertEquals(0, sql.queryLong("SELECT count(*) FROM discord_identities WHERE discord_id = 2007"));
    assertNull(sql.queryString("SELECT used_at FROM link_codes WHERE code = ?", code),
        "a refused redeem does not spend the code");
  }

  @Test
  void aLinkCodeTypedInLowerCaseWithSpacesIsAccepted() {
    TgUser user = TgUser.english(1007);
    String code = linkCodeFor(user);
    String typed = " " + code.substring(0, 4).toLowerCase(Locale.ROOT) + " " + code.substring(4).toLowerCase(Locale.ROOT);

    JsonObject linked = e2e.service.request(Bus.LINK_REDEEM, new JsonObject().put("code", typed).put("discordId", 2_008L));
    assertEquals(e2e.playerOf(1007), linked.getLong("playerId"));
  }

  @Test
  void aCodeIssuedInDiscordIsRedeemedInTelegramInLowerCaseAndMergesTheDiscordProgress() {
    e2e.service.submit(new JsonObject().put("source", "discord").put("type", "xp_change").put("discordId", 2_010L)
        .put("xp", 40).put("balance", 7).put("idempotencyKey", "ds_msg_e2e_2010_1"));
    Await.until("the Discord player's XP applied", () -> sql.queryLong("SELECT p.xp FROM players p "
        + "JOIN discord_identities d ON d.player_id = p.id WHERE d.discord_id = 2010") == 40);
    String code = e2e.service.request(Bus.LINK_ISSUE, new JsonObject().put("discordId", 2_010L)).getString("code");

    fake.enqueueText(TgUser.english(1010), "/link " + code.toLowerCase(Locale.ROOT));

    String reply = e2e.awaitText(1010, "Discord linked");
    assertTrue(reply.contains("40 XP, 7 coins"), reply);
    long player = e2e.playerOf(1010);
    assertEquals(player, sql.queryLong("SELECT player_id FROM discord_identities WHERE discord_id = 2010"));
    assertEquals(40, e2e.xpOf(1010));
    assertEquals(7, e2e.balanceOf(1010));
    e2e.awaitText(1010, "Achievement unlocked: Bridge builder");
  }

  @Test
  void aRankUpCausedFromDiscordIsToldOnceInTheTelegramChat() {
    TgUser user = TgUser.english(1008);
    fake.enqueueText(user, "/start");
    e2e.awaitText(1008, "Welcome");
    String code = linkCodeFor(user);
    e2e.service.request(Bus.LINK_REDEEM, new JsonObject().put("code", code).put("discordId", 2_009L));
    long player = e2e.playerOf(1008);

    JsonObject submitted = e2e.service.submit(new JsonObject().put("source", "discord").put("type", "xp_change")
        .put("discordId", 2_009L).put("xp", 200).put("idempotencyKey", "ds_msg_e2e_2009_1").put("reason", "voice"));
    assertFalse(submitted.getBoolean("duplicate"));

    String rankUp = e2e.awaitText(1008, "Rank up");
    assertTrue(rankUp.contains("Private (2)") && rankUp.contains("XP: 200"), rankUp);
    Await.until("the rank change is completed", () -> "completed".equals(sql.queryString(
        "SELECT status FROM sync_events WHERE player_id = ? AND event_type = 'rank_change' AND payload->>'rank' = '2'",
        player)));
    assertEquals("discord", sql.queryString(
        "SELECT source FROM sync_events WHERE player_id = ? AND event_type = 'rank_change' AND payload->>'rank' = '2'",
        player), "the rank change belongs to the Discord event that caused it");
    assertTrue(sql.queryString("SELECT array_to_string(delivered_to, ',') FROM sync_events WHERE player_id = ? "
        + "AND event_type = 'rank_change' AND payload->>'rank' = '2'", player).contains("telegram"));
    // Bounded look for a duplicate: the engine's worker runs every 200 ms, give it several runs.
    Instant until = Instant.now().plusMillis(1_500);
    Await.until("a quiet moment", () -> Instant.now().isAfter(until), Duration.ofSeconds(5));
    assertEquals(1, e2e.textsTo(1008, t -> t.contains("Rank up")).size(), "exactly one rank-up message: "
        + fake.sentTo(1008));
    assertEquals(200, e2e.xpOf(1008));
    assertEquals(2, sql.queryLong("SELECT last_telegram_rank FROM sync_state WHERE player_id = ?", player));
  }

  @Test
  void aGarbageUpdateDoesNotStopPolling() {
    TgUser user = TgUser.english(1009);
    // The library cannot map this one (date must be a number), so the batch it arrives in fails to map.
    fake.enqueueUpdate("message", new JsonObject().put("date", new JsonObject().put("surprise", true))
        .put("chat", new JsonObject().put("id", 1009).put("type", "private")).put("text", "/daily"));
    FakeTelegram.Enqueued daily = fake.enqueueText(user, "/daily");

    e2e.awaitText(1009, "Daily reward");
    fake.awaitConfirmed(daily.updateId() + 1, WAIT);
    e2e.awaitXp(1009, 50);
    assertEquals(1, e2e.transactionsOf(1009));
  }

  @Test
  void profileShowsWhatTheLedgerHolds() {
    TgUser user = new TgUser(1011, "olga", "ru");
    fake.enqueueText(user, "/daily");
    e2e.awaitText(1011, "Ежедневная награда");
    e2e.awaitXp(1011, 50);

    fake.enqueueText(user, "/profile");

    String profile = e2e.awaitText(1011, "Ваш профиль");
    assertTrue(profile.contains("Звание: Новобранец (1 из 20)"), profile);
    assertTrue(profile.contains("Опыт: 50 — до звания «Рядовой» осталось 115"), profile);
    assertTrue(profile.contains("Баланс: 100 монет"), profile);
    assertTrue(profile.contains("Серия ежедневных наград: 1"), profile);
    assertTrue(profile.contains("Discord: не связан"), profile);
  }

  @Test
  void topShowsTheSeasonByDefaultAndAllTimeOnAskWithTheCallersPlace() {
    // Lifetime: sasha, masha, grisha. This season: masha, grisha, sasha. Set in the ledger row as the
    // engine leaves it (season XP counts for players.season, the running season 1 here).
    TgUser sasha = new TgUser(1101, "sasha", "en");
    TgUser masha = new TgUser(1102, "masha", "en");
    TgUser grisha = new TgUser(1103, "grisha", "en");
    TgUser newcomer = new TgUser(1104, "newcomer", "en");
    standing(sasha, 900_000, 20_000);
    standing(masha, 800_000, 50_000);
    standing(grisha, 700_000, 30_000);
    standing(newcomer, 100, 0);
    awaitTopShows("current", "masha");
    awaitTopShows("all", "sasha");

    fake.enqueueText(grisha, "/top");
    String season = e2e.awaitText(1103, "Top players — Season 1");
    assertOrder(season, "1. masha — 50000 XP", "2. grisha — 30000 XP", "3. sasha — 20000 XP");
    assertTrue(season.contains("Your place: 2 (30000 XP)"), season);
    assertTrue(season.contains("All time: /top all"), season);

    fake.enqueueText(grisha, "/top all");
    String allTime = e2e.awaitText(1103, "Top players of all time");
    assertOrder(allTime, "1. sasha — 900000 XP", "2. masha — 800000 XP", "3. grisha — 700000 XP");
    assertTrue(allTime.contains("Your place: 3 (700000 XP)"), allTime);

    fake.enqueueText(newcomer, "/top");
    String none = e2e.awaitText(1104, "Top players — Season 1");
    assertTrue(none.contains("You have no place this season yet") && !none.contains("Your place"), none);
    assertFalse(none.contains("newcomer"), "no XP this season, not listed: " + none);

    fake.enqueueText(grisha, "/top tomorrow");
    assertEquals("/top — the season's top players, /top all — the top of all time.", e2e.awaitText(1103, "/top — the season's top players,"));
  }

  @Test
  void profileShowsTheSeasonXpAndPlace() {
    TgUser leader = new TgUser(1111, "lena", "ru");
    standing(leader, 2_000_000, 1_000_000);

    fake.enqueueText(leader, "/profile");

    String profile = e2e.awaitText(1111, "Ваш профиль");
    assertTrue(profile.contains("Опыт: 2000000"), profile);
    assertTrue(profile.contains("Сезон «Season 1»: 1000000 опыта, место 1"), profile);
  }

  /** Registers the user with /start and sets their lifetime and running-season XP in the ledger row. */
  private static void standing(TgUser user, long xp, long seasonXp) {
    fake.enqueueText(user, "/start");
    e2e.awaitText(user.id(), user.languageCode().equals("ru") ? "Добро пожаловать" : "Welcome");
    assertEquals(1, sql.update("UPDATE players SET xp = ?, season = 1, season_xp = ? WHERE id = ?", xp, seasonXp,
        e2e.playerOf(user.id())));
  }

  /** The leaderboard is read at most once a second: wait until it shows the new leader. */
  private static void awaitTopShows(String season, String leader) {
    Await.until(season + " standings led by " + leader, () -> leader.equals(e2e.service.request(Bus.PLAYERS_TOP,
        new JsonObject().put("limit", 1).put("season", season)).getJsonArray("entries").getJsonObject(0)
        .getString("displayName")));
  }

  private static void assertOrder(String text, String... lines) {
    int at = -1;
    for (String line : lines) {
      int next = text.indexOf(line);
      assertTrue(next > at, "\"" + line + "\" after the lines before it in:\n" + text);
      at = next;
    }
  }

  // ---- helpers ----

  /** Sends /link from {@code user} and reads the code out of the bot's reply. */
  private static String linkCodeFor(TgUser user) {
    fake.enqueueText(user, "/link");
    String reply = e2e.awaitText(user.id(), "link code:");
    Matcher matcher = LINK_CODE.matcher(reply);
    assertTrue(matcher.find(), reply);
    String code = matcher.group(1);
    assertEquals(1, sql.queryLong("SELECT count(*) FROM link_codes WHERE code = ? AND issued_on = 'telegram' "
        + "AND player_id = ?", code, e2e.playerOf(user.id())), "the code in the reply is the stored one");
    return code;
  }
}
