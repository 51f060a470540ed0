package io.xpbridge.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.xpbridge.bus.Refusal;
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
}
