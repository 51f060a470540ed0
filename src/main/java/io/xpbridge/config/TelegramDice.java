package io.xpbridge.config;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Telegram's animated dice ({@code sendDice}) and what their values mean. Only the value of 🎲 is a
 * score; for the others it picks one of the animations, so a payout must be set per outcome.
 */
public enum TelegramDice {
  /** A plain die, 1 to 6. */
  DIE("🎲", 6),
  /** 1 misses the board, 2 to 5 are the rings from the outside in, 6 is the bullseye. */
  DARTS("🎯", 6),
  /** 1 to 3 miss, 4 (off the rim) and 5 (clean) score. */
  BASKETBALL("🏀", 5),
  /** 1 and 2 miss, 3, 4 and 5 are goals. */
  FOOTBALL("⚽", 5),
  /** Pins down: 1 → 0, 2 → 1, 3 → 3, 4 → 4, 5 → 5, 6 → all six (strike). */
  BOWLING("🎳", 6),
  /**
   * Three reels of bar, grape, lemon, seven: {@code value - 1} written in base 4 is the reels'
   * symbols, so only four of the 64 values are three of a kind.
   */
  SLOT_MACHINE("🎰", 64);

  public static final int DARTS_BULLSEYE = 6;
  public static final int BOWLING_STRIKE = 6;
  public static final int BASKETBALL_FIRST_SCORE = 4;
  public static final int FOOTBALL_FIRST_GOAL = 3;
  public static final int SLOT_BARS = 1;
  public static final int SLOT_GRAPES = 22;
  public static final int SLOT_LEMONS = 43;
  public static final int SLOT_777 = 64;

  private final String emoji;
  private final int maxValue;

  TelegramDice(String emoji, int maxValue) {
    this.emoji = emoji;
    this.maxValue = maxValue;
  }

  public String emoji() {
    return emoji;
  }

  /** Values run from 1 to this, each equally likely. */
  public int maxValue() {
    return maxValue;
  }

  public static Optional<TelegramDice> of(String emoji) {
    return Arrays.stream(values()).filter(d -> d.emoji.equals(emoji)).findFirst();
  }

  /** The emojis Telegram accepts, in its own order: "🎲 🎯 🏀 ⚽ 🎳 🎰". */
  static String allEmojis() {
    return String.join(" ", Arrays.stream(values()).map(TelegramDice::emoji).toList());
  }

  static List<String> emojiList() {
    return Arrays.stream(values()).map(TelegramDice::emoji).toList();
  }
}
