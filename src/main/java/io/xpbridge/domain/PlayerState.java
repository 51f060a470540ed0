package io.xpbridge.domain;

import java.time.LocalDate;

/** The ledger row of one player as the engine sees it inside an apply transaction. */
public record PlayerState(long playerId, long xp, long balance, int dailyStreak, LocalDate lastDailyDay) {

  public PlayerState withDeltas(long xpDelta, long balanceDelta) {
    return new PlayerState(playerId, xp + xpDelta, balance + balanceDelta, dailyStreak, lastDailyDay);
  }

  public PlayerState withDaily(int streak, LocalDate day) {
    return new PlayerState(playerId, xp, balance, streak, day);
  }
}
