package io.xpbridge.telegram;

import java.util.HashMap;
import java.util.Map;

/**
 * When each player may play again, so the bot does not roll a dice that cannot pay. The engine
 * enforces the cooldown too, per player and across restarts ({@code ActivityState}): a game rolled
 * after a restart inside the cooldown is announced but pays nothing.
 */
final class GameCooldowns {

  private static final int PRUNE_ABOVE = 10_000;

  private final Map<Long, Long> nextAllowedAtMs = new HashMap<>();

  /** Seconds left before {@code telegramUserId} may play, or 0 (and the game is reserved now). */
  long tryStart(long telegramUserId, long cooldownSeconds, long nowMs) {
    Long next = nextAllowedAtMs.get(telegramUserId);
    if (next != null && next > nowMs) {
      return Math.max(1, (next - nowMs + 999) / 1000);
    }
    if (nextAllowedAtMs.size() > PRUNE_ABOVE) {
      nextAllowedAtMs.values().removeIf(at -> at <= nowMs);
    }
    nextAllowedAtMs.put(telegramUserId, nowMs + cooldownSeconds * 1000);
    return 0;
  }

  /** Gives the game back when it could not happen (the dice was never rolled). */
  void release(long telegramUserId) {
    nextAllowedAtMs.remove(telegramUserId);
  }
}
