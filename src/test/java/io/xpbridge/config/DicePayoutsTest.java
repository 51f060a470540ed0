package io.xpbridge.config;

import static io.xpbridge.config.AppConfigTest.problems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.xpbridge.config.DicePayouts.Payout;
import io.xpbridge.support.TestConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code telegram.games.payouts}: what each dice outcome pays, and the economy the shipped values make. */
class DicePayoutsTest {

  /** What 🎲 paid per play before payouts were set per outcome (3.5 points × 5 XP): the ladder's pace. */
  private static final double LADDER_PACE_XP = 17.5;

  @Test
  void everyShippedGamePaysWithin20PercentOfEveryOtherAndOfTheLaddersPace() {
    TelegramSettings.GameSettings games = AppConfig.parse(TestConfig.shipped()).telegram().games();
    Map<String, Double> expected = new LinkedHashMap<>();
    for (String emoji : games.emojis()) {
      expected.put(emoji, games.payouts().expectedXp(TelegramDice.of(emoji).orElseThrow()));
    }
    assertEquals(TelegramDice.values().length, expected.size(), "every dice is offered: " + expected);

    double lowest = expected.values().stream().mapToDouble(Double::doubleValue).min().orElseThrow();
    double highest = expected.values().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
    assertTrue(highest <= lowest * 1.2, "expected XP per play " + expected + ": the best game pays more than 20 % over the worst");
    expected.forEach((emoji, xp) -> assertTrue(Math.abs(xp - LADDER_PACE_XP) <= LADDER_PACE_XP * 0.2,
        emoji + " pays " + xp + " XP per play, more than 20 % away from " + LADDER_PACE_XP));
  }

  @Test
  void theCodeDefaultsAreTheShippedPayouts() {
    JsonObject withoutPayouts = TestConfig.shipped();
    withoutPayouts.getJsonObject("telegram").getJsonObject("games").remove("payouts");
    assertEquals(AppConfig.parse(TestConfig.shipped()).telegram().games().payouts(),
        AppConfig.parse(withoutPayouts).telegram().games().payouts());
  }

  @Test
  void theSlotMachinePaysByCombinationNotByValue() {
    DicePayouts payouts = AppConfig.parse(TestConfig.shipped()).telegram().games().payouts();
    assertEquals(new Payout(400, 200), payouts.of("🎰", 64), "777");
    for (int threeOfAKind : List.of(1, 22, 43)) {
      assertEquals(new Payout(200, 80), payouts.of("🎰", threeOfAKind), "value " + threeOfAKind);
    }
    for (int other : List.of(2, 21, 42, 44, 63)) {
      assertEquals(new Payout(2, 0), payouts.of("🎰", other), "value " + other);
    }
    assertNull(payouts.of("🎰", 65), "Telegram never rolls 65");
    assertNull(payouts.of("🃏", 1));
  }

  @Test
  void ballGamesPayTheirScoringValuesAndAConsolationOtherwise() {
    DicePayouts payouts = AppConfig.parse(TestConfig.shipped()).telegram().games().payouts();
    assertEquals(List.of(2L, 2L, 2L, 41L, 41L), payouts.outcomesOf(TelegramDice.BASKETBALL).stream().map(Payout::xp).toList());
    assertEquals(List.of(2L, 2L, 28L, 28L, 28L), payouts.outcomesOf(TelegramDice.FOOTBALL).stream().map(Payout::xp).toList());
    assertEquals(new Payout(50, 20), payouts.of("🎯", 6), "bullseye");
    assertEquals(new Payout(51, 20), payouts.of("🎳", 6), "strike");
    assertEquals(new Payout(20, 8), payouts.of("🎲", 4), "a plain die still pays 5 XP and 2 coins a point");
  }

  @Test
  void aDiceNotOfferedMayKeepItsPayoutsAndOnlyOfferedOnesAreRequired() {
    JsonObject config = TestConfig.shipped();
    JsonObject games = config.getJsonObject("telegram").getJsonObject("games");
    games.put("emojis", new JsonArray().add("🎰"));
    games.getJsonObject("payouts").remove("🎲");
    assertEquals(List.of(), problems(config));
  }

  @Test
  void anEmptyOutcomePaysNothingAndOtherFillsEveryValueNotListed() {
    JsonObject config = TestConfig.shipped();
    config.getJsonObject("telegram").getJsonObject("games").getJsonObject("payouts")
        .put("🏀", new JsonObject().put("5", new JsonObject().put("xp", 60)).put("other", new JsonObject()));
    DicePayouts payouts = AppConfig.parse(config).telegram().games().payouts();
    assertEquals(List.of(new Payout(0, 0), new Payout(0, 0), new Payout(0, 0), new Payout(0, 0), new Payout(60, 0)),
        payouts.outcomesOf(TelegramDice.BASKETBALL));
  }

  /** {what is wrong, the change, the one problem it must cause, word for word}. */
  static Stream<Arguments> badPayouts() {
    return Stream.of(
        bad("a negative amount", payouts -> slot(payouts).getJsonObject("64").put("xp", -1),
            "telegram.games.payouts.🎰.64.xp must be at least 0, got -1"),
        bad("an amount that is not a number", payouts -> payouts.getJsonObject("🎲").getJsonObject("3").put("coins", "many"),
            "telegram.games.payouts.🎲.3.coins must be a whole number, got many"),
        bad("an amount beyond the ceiling", payouts -> slot(payouts).getJsonObject("64").put("xp", 5_000_000),
            "telegram.games.payouts.🎰.64.xp must be at most 1000000, got 5000000"),
        bad("an unknown emoji", payouts -> payouts.put("🃏", new JsonObject().put("1", new JsonObject().put("xp", 5))),
            "telegram.games.payouts.🃏: 🃏 is not a Telegram dice, use one of 🎲 🎯 🏀 ⚽ 🎳 🎰"),
        bad("a value the dice never rolls", payouts -> payouts.getJsonObject("🏀").put("6", new JsonObject().put("xp", 5)),
            "telegram.games.payouts.🏀.6: 6 is not an outcome of 🏀, use 1 to 5 or \"other\""),
        bad("value 0", payouts -> slot(payouts).put("0", new JsonObject().put("xp", 5)),
            "telegram.games.payouts.🎰.0: 0 is not an outcome of 🎰, use 1 to 64 or \"other\""),
        bad("an outcome that is not a number", payouts -> slot(payouts).put("seven", new JsonObject().put("xp", 5)),
            "telegram.games.payouts.🎰.seven: seven is not an outcome of 🎰, use 1 to 64 or \"other\""),
        bad("an offered emoji without payouts", payouts -> payouts.remove("🎳"),
            "telegram.games.payouts.🎳 is missing: telegram.games.emojis offers 🎳, so what its outcomes pay must be set"),
        bad("an outcome neither listed nor covered by other", payouts -> payouts.getJsonObject("🎯").remove("1"),
            "telegram.games.payouts.🎯 must pay every outcome 1 to 6: add [1] or \"other\""),
        bad("a slot machine without other", payouts -> slot(payouts).remove("other"),
            "telegram.games.payouts.🎰 must pay every outcome 1 to 64: add 60 values or \"other\""),
        bad("an amount instead of an object", payouts -> payouts.getJsonObject("🎲").put("3", 15),
            "telegram.games.payouts.🎲.3 must be an object {\"xp\": n, \"coins\": n}, got 15"),
        bad("a misspelt field", payouts -> payouts.getJsonObject("🎲").getJsonObject("3").put("xpp", 15),
            "unknown key telegram.games.payouts.🎲.3.xpp (did you mean telegram.games.payouts.🎲.3.xp?): no setting has that name"),
        bad("outcomes that are not an object", payouts -> payouts.put("🎲", new JsonArray().add(5)),
            "telegram.games.payouts.🎲 must be an object (outcome to {\"xp\", \"coins\"}), got [5]"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badPayouts")
  void aBadPayoutIsRejectedWithOneProblemNamingTheField(String what, Consumer<JsonObject> change, String expected) {
    JsonObject config = TestConfig.shipped();
    change.accept(config.getJsonObject("telegram").getJsonObject("games").getJsonObject("payouts"));
    assertEquals(List.of(expected), problems(config));
  }

  @Test
  void payoutsThatAreNotAnObjectAreRejected() {
    JsonObject config = TestConfig.shipped();
    config.getJsonObject("telegram").getJsonObject("games").put("payouts", 5);
    assertEquals(List.of("telegram.games.payouts must be an object (emoji to outcomes), got 5"), problems(config));
  }

  @Test
  void anEmojiTelegramCannotRollIsRejected() {
    JsonObject config = TestConfig.shipped();
    config.getJsonObject("telegram").getJsonObject("games").put("emojis", new JsonArray().add("🎲").add("🃏"));
    assertEquals(List.of("telegram.games.emojis[1] must be one of 🎲 🎯 🏀 ⚽ 🎳 🎰, got 🃏"), problems(config));
  }

  @Test
  void theRemovedPerPointKeysAreRejectedWithWhatReplacedThem() {
    JsonObject config = TestConfig.shipped();
    config.getJsonObject("telegram").getJsonObject("games").put("xpPerPoint", 5).put("coinsPerPoint", 2);
    assertEquals(List.of(
        "telegram.games.xpPerPoint was removed: dice pay by outcome now, set telegram.games.payouts instead"
            + " (see the README, section Configuration)",
        "telegram.games.coinsPerPoint was removed: dice pay by outcome now, set telegram.games.payouts instead"
            + " (see the README, section Configuration)"), problems(config));
  }

  private static Arguments bad(String what, Consumer<JsonObject> change, String expected) {
    return Arguments.of(what, change, expected);
  }

  private static JsonObject slot(JsonObject payouts) {
    return payouts.getJsonObject("🎰");
  }
}
