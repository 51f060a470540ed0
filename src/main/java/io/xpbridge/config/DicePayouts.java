package io.xpbridge.config;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What each outcome of each Telegram dice pays ({@code telegram.games.payouts}), resolved to one
 * entry per value. In the config an emoji maps outcomes ("1" to its highest value) to
 * {@code {"xp": n, "coins": n}}; an {@code "other"} entry pays every value not listed.
 */
public record DicePayouts(Map<TelegramDice, List<Payout>> table) {

  static final String PATH = "telegram.games.payouts";
  static final String OTHER = "other";
  /** A ceiling far above any sane payout, so a typo cannot mint a fortune in one roll. */
  static final long MAX_AMOUNT = 1_000_000;

  /** XP and coins paid for one outcome. */
  public record Payout(long xp, long coins) {
    public boolean paysNothing() {
      return xp == 0 && coins == 0;
    }
  }

  public DicePayouts {
    Map<TelegramDice, List<Payout>> copy = new EnumMap<>(TelegramDice.class);
    table.forEach((dice, payouts) -> copy.put(dice, List.copyOf(payouts)));
    table = Collections.unmodifiableMap(copy);
  }

  /** Null when {@code emoji} has no payouts or {@code value} is not one of its outcomes. */
  public Payout of(String emoji, int value) {
    List<Payout> payouts = TelegramDice.of(emoji).map(table::get).orElse(null);
    return payouts == null || value < 1 || value > payouts.size() ? null : payouts.get(value - 1);
  }

  /** The mean XP of one play, every value being equally likely. */
  public double expectedXp(TelegramDice dice) {
    return outcomesOf(dice).stream().mapToLong(Payout::xp).average().orElseThrow();
  }

  public double expectedCoins(TelegramDice dice) {
    return outcomesOf(dice).stream().mapToLong(Payout::coins).average().orElseThrow();
  }

  /** What each value pays, from 1 up; the dice must have payouts. */
  public List<Payout> outcomesOf(TelegramDice dice) {
    List<Payout> payouts = table.get(dice);
    if (payouts == null) {
      throw new IllegalArgumentException("no payouts are set for " + dice.emoji());
    }
    return payouts;
  }

  /**
   * The code defaults, the same as conf/config.json: about 17.5 XP and 7 coins expected per play
   * whichever dice is thrown (what value × 5 XP paid for 🎲 before payouts were set per outcome),
   * so no game is a faster way up the ladder. Games with a rare win pay most of it on the win.
   */
  static JsonObject defaults() {
    JsonObject die = new JsonObject();
    for (int value = 1; value <= 6; value++) {
      die.put(String.valueOf(value), pay(5L * value, 2L * value));
    }
    return new JsonObject()
        .put("🎲", die)
        .put("🎯", new JsonObject().put("1", pay(2, 0)).put("2", pay(5, 2)).put("3", pay(10, 4))
            .put("4", pay(15, 6)).put("5", pay(23, 9)).put("6", pay(50, 20)))
        .put("🏀", new JsonObject().put("4", pay(41, 17)).put("5", pay(41, 17)).put(OTHER, pay(2, 0)))
        .put("⚽", new JsonObject().put("3", pay(28, 11)).put("4", pay(28, 11)).put("5", pay(28, 11))
            .put(OTHER, pay(2, 0)))
        .put("🎳", new JsonObject().put("1", pay(2, 0)).put("2", pay(4, 2)).put("3", pay(12, 5))
            .put("4", pay(16, 6)).put("5", pay(20, 8)).put("6", pay(51, 20)))
        .put("🎰", new JsonObject().put("64", pay(400, 200)).put("1", pay(200, 80)).put("22", pay(200, 80))
            .put("43", pay(200, 80)).put(OTHER, pay(2, 0)));
  }

  private static JsonObject pay(long xp, long coins) {
    return new JsonObject().put("xp", xp).put("coins", coins);
  }

  /**
   * Reads {@code telegram.games.payouts}, or the defaults when it is not set. Every emoji offered
   * in {@code emojis} must be paid; an emoji Telegram does not know, a value it never rolls or a
   * negative amount is a problem named with its full path.
   */
  static DicePayouts read(ConfigReader in, List<String> emojis) {
    Object raw = in.value(PATH);
    if (raw == null) {
      return fromDefaults();
    }
    if (!(raw instanceof JsonObject all)) {
      in.reject(PATH + " must be an object (emoji to outcomes), got " + raw);
      return fromDefaults();
    }
    ConfigReader payouts = in.within(all, PATH);
    Map<TelegramDice, List<Payout>> table = new EnumMap<>(TelegramDice.class);
    for (String emoji : all.fieldNames()) {
      TelegramDice dice = TelegramDice.of(emoji).orElse(null);
      Object game = payouts.value(emoji);
      if (dice == null) {
        in.reject(payouts.name(emoji) + ": " + emoji + " is not a Telegram dice, use one of " + TelegramDice.allEmojis());
      } else if (!(game instanceof JsonObject outcomes)) {
        in.reject(payouts.name(emoji) + " must be an object (outcome to {\"xp\", \"coins\"}), got " + game);
      } else {
        List<Payout> resolved = outcomes(payouts.within(outcomes, emoji), outcomes, dice);
        if (resolved != null) {
          table.put(dice, resolved);
        }
      }
    }
    for (String emoji : emojis) {
      if (TelegramDice.of(emoji).isPresent() && !all.containsKey(emoji)) {
        in.reject(payouts.name(emoji) + " is missing: telegram.games.emojis offers " + emoji
            + ", so what its outcomes pay must be set");
      }
    }
    return new DicePayouts(table);
  }

  private static DicePayouts fromDefaults() {
    ConfigReader defaults = ConfigReader.of(new JsonObject().put("telegram",
        new JsonObject().put("games", new JsonObject().put("payouts", defaults()))));
    DicePayouts payouts = read(defaults, TelegramDice.emojiList());
    if (defaults.problemCount() > 0) {
      throw new IllegalStateException("the code defaults of " + PATH + " are invalid: " + defaults.problems());
    }
    return payouts;
  }

  /** One entry per value, or null when a problem was written down. */
  private static List<Payout> outcomes(ConfigReader game, JsonObject outcomes, TelegramDice dice) {
    int problemsBefore = game.problemCount();
    Payout[] byValue = new Payout[dice.maxValue()];
    Payout other = null;
    for (String outcome : outcomes.fieldNames()) {
      boolean isOther = OTHER.equals(outcome);
      int value = !isOther && outcome.matches("[1-9][0-9]?") ? Integer.parseInt(outcome) : 0;
      if (!isOther && (value < 1 || value > dice.maxValue())) {
        game.value(outcome); // named here, so UnknownKeys does not report it a second time
        game.reject(game.name(outcome) + ": " + outcome + " is not an outcome of " + dice.emoji()
            + ", use 1 to " + dice.maxValue() + " or \"" + OTHER + "\"");
        continue;
      }
      Payout payout = payout(game, outcome);
      if (isOther) {
        other = payout;
      } else {
        byValue[value - 1] = payout;
      }
    }
    List<Integer> unpaid = new ArrayList<>();
    for (int value = 1; value <= byValue.length; value++) {
      if (byValue[value - 1] == null && !outcomes.containsKey(String.valueOf(value))) {
        unpaid.add(value);
      }
    }
    if (!unpaid.isEmpty() && !outcomes.containsKey(OTHER)) {
      game.reject(PATH + "." + dice.emoji() + " must pay every outcome 1 to " + dice.maxValue() + ": add "
          + (unpaid.size() <= 5 ? unpaid.toString() : unpaid.size() + " values") + " or \"" + OTHER + "\"");
    }
    if (game.problemCount() > problemsBefore) {
      return null;
    }
    List<Payout> resolved = new ArrayList<>();
    for (Payout payout : byValue) {
      resolved.add(payout != null ? payout : other);
    }
    return resolved;
  }

  /** Null when the entry is bad (the problem is written down). */
  private static Payout payout(ConfigReader game, String outcome) {
    Object raw = game.value(outcome);
    if (!(raw instanceof JsonObject)) {
      game.reject(game.name(outcome) + " must be an object {\"xp\": n, \"coins\": n}, got " + raw);
      return null;
    }
    int problemsBefore = game.problemCount();
    long xp = amount(game, outcome + ".xp");
    long coins = amount(game, outcome + ".coins");
    return game.problemCount() > problemsBefore ? null : new Payout(xp, coins);
  }

  private static long amount(ConfigReader game, String path) {
    long amount = game.atLeast(path, 0, 0);
    if (amount > MAX_AMOUNT) {
      game.reject(game.name(path) + " must be at most " + MAX_AMOUNT + ", got " + amount);
      return 0;
    }
    return amount;
  }
}
