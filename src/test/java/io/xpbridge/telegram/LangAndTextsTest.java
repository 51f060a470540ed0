package io.xpbridge.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.xpbridge.bus.Refusal;
import io.xpbridge.config.TelegramDice;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class LangAndTextsTest {

  @Test
  void russianForRuCodesEnglishOtherwise() {
    assertEquals(Lang.RU, Lang.from("ru"));
    assertEquals(Lang.RU, Lang.from("ru-RU"));
    assertEquals(Lang.EN, Lang.from("uk"));
    assertEquals(Lang.EN, Lang.from("en"));
    assertEquals(Lang.EN, Lang.from(null));
  }

  @Test
  void namesFromTheBusAreShownAsSentAndCutToFitAMessage() {
    assertEquals("Маршал", Texts.name("Маршал"));
    assertEquals("?", Texts.name(null));
    String long_ = "x".repeat(Texts.MAX_NAME_CHARS + 10);
    assertEquals(Texts.MAX_NAME_CHARS, Texts.name(long_).length());
  }

  @Test
  void everyRefusalIsASentenceInBothLanguages() {
    for (Refusal refusal : Refusal.values()) {
      String russian = Texts.busFailure(Lang.RU, refusal.exception("5"));
      String english = Texts.busFailure(Lang.EN, refusal.exception("5"));
      assertTrue(russian.chars().anyMatch(c -> Character.UnicodeBlock.of(c) == Character.UnicodeBlock.CYRILLIC),
          refusal + ": " + russian);
      assertTrue(english.chars().noneMatch(c -> Character.UnicodeBlock.of(c) == Character.UnicodeBlock.CYRILLIC),
          refusal + ": " + english);
      assertFalse(english.contains(refusal.name()), "the code itself is not shown: " + english);
    }
    assertEquals("Too many wrong codes. Try again in 5 min.",
        Texts.busFailure(Lang.EN, Refusal.LINK_TOO_MANY_ATTEMPTS.exception("5")));
    assertEquals("Слишком много неверных кодов. Попробуйте через 5 мин.",
        Texts.busFailure(Lang.RU, Refusal.LINK_TOO_MANY_ATTEMPTS.exception("5")));
  }

  @Test
  void everyDiceOutcomeIsNamedInBothLanguages() {
    for (TelegramDice dice : TelegramDice.values()) {
      for (int value = 1; value <= dice.maxValue(); value++) {
        String russian = Texts.gameResult(Lang.RU, dice.emoji(), value, 5, 0);
        String english = Texts.gameResult(Lang.EN, dice.emoji(), value, 5, 0);
        assertTrue(russian.startsWith(dice.emoji() + " ") && russian.endsWith(": +5 опыта."), russian);
        assertTrue(english.startsWith(dice.emoji() + " ") && english.endsWith(": +5 XP."), english);
        assertTrue(english.chars().noneMatch(c -> Character.UnicodeBlock.of(c) == Character.UnicodeBlock.CYRILLIC), english);
      }
    }
    assertEquals("🎳 Strike: +51 XP, +20 coins.", Texts.gameResult(Lang.EN, "🎳", 6, 51, 20));
    assertEquals("🎳 Сбиты 3 кегли: +12 опыта, +5 монет.", Texts.gameResult(Lang.RU, "🎳", 3, 12, 5));
    assertEquals("🎯 В яблочко: +50 опыта, +20 монет.", Texts.gameResult(Lang.RU, "🎯", 6, 50, 20));
    assertEquals("🎯 Missed the board.", Texts.gameResult(Lang.EN, "🎯", 1, 0, 0));
    assertEquals("⚽ Гол: +28 опыта, +11 монет.", Texts.gameResult(Lang.RU, "⚽", 3, 28, 11));
    assertEquals("🏀 Мимо.", Texts.gameResult(Lang.RU, "🏀", 3, 0, 0));
    assertEquals("🎰 Three bars: +200 XP, +80 coins.", Texts.gameResult(Lang.EN, "🎰", 1, 200, 80));
    assertEquals("🎰 Три лимона: +200 опыта, +80 монет.", Texts.gameResult(Lang.RU, "🎰", 43, 200, 80));
    assertEquals("🎲 You got 4: +20 XP, +8 coins.", Texts.gameResult(Lang.EN, "🎲", 4, 20, 8));
  }

  @Test
  void alreadyClaimedSaysWhenTheNextRewardComes() {
    Instant now = Instant.parse("2026-11-25T18:30:00Z");
    String text = Texts.dailyAlreadyClaimed(Lang.EN, "2026-11-25T21:00:00Z", ZoneId.of("Europe/Moscow"), now);
    assertTrue(text.contains("Next one in 02:30 (at 00:00 Europe/Moscow)"), text);
  }

  @Test
  void busTimeoutsAndUnavailableEngineAreExplained() {
    assertTrue(Texts.busFailure(Lang.EN, new ReplyException(ReplyFailure.TIMEOUT, "t")).contains("taking too long"));
    assertTrue(Texts.busFailure(Lang.EN, new ReplyException(ReplyFailure.NO_HANDLERS, "n")).contains("unavailable"));
    assertTrue(Texts.busFailure(Lang.RU, new ReplyException(ReplyFailure.RECIPIENT_FAILURE, 404, "x")).contains("/start"));
  }

  @Test
  void theProfileShowsARunningBoostInThePlayersLanguage() {
    io.xpbridge.bus.Players.Profile profile = new io.xpbridge.bus.Players.Profile(1, 50, 5,
        new io.xpbridge.bus.Players.RankView(1, "Recruit", 0L), null, 0, 20, java.util.List.of(), 1L, null, true,
        false, 0, null, "alice", java.util.List.of(new io.xpbridge.bus.Players.ActiveBoost("raid night", 1.5,
            "2026-12-02T21:30:00Z", java.util.List.of("telegram"))));
    org.junit.jupiter.api.Assertions.assertTrue(Texts.profile(Lang.EN, profile)
        .contains("🚀 Boost \"raid night\": ×1.5 until 2026-12-02 21:30 UTC"), Texts.profile(Lang.EN, profile));
    org.junit.jupiter.api.Assertions.assertTrue(Texts.profile(Lang.RU, profile)
        .contains("🚀 Буст «raid night»: ×1.5 до 2026-12-02 21:30 UTC"), Texts.profile(Lang.RU, profile));
  }

  @Test
  void aRollCutByTheBudgetOrTheCooldownSaysSo() {
    org.junit.jupiter.api.Assertions.assertEquals("📉 Hourly XP limit reached: 3 XP counted.",
        Texts.gameWithheld(Lang.EN, "hourlyXpCap", 3));
    org.junit.jupiter.api.Assertions.assertTrue(Texts.gameWithheld(Lang.RU, "cooldown", 0).startsWith("⏳ Слишком рано"));
  }
}
