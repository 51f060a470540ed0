package io.xpbridge.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonObject;
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
  void namesAreLocalizedOrPlain() {
    JsonObject names = new JsonObject().put("ru", "Маршал").put("en", "Marshal");
    assertEquals("Маршал", Texts.name(names, Lang.RU));
    assertEquals("Marshal", Texts.name(names, Lang.EN));
    assertEquals("Marshal", Texts.name("Marshal", Lang.RU));
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
  void idempotencyKeysComeFromTelegramIds() {
    assertEquals("tg_daily_20261125_42", DailyCommand.idempotencyKey(java.time.LocalDate.of(2026, 11, 25), 42));
    assertEquals("tg_game_-100_7_42", DiceGameCommand.idempotencyKey(-100, 7, 42));
  }
}
