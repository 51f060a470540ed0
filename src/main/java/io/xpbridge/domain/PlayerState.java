package io.xpbridge.domain;

import java.time.LocalDate;

/**
 * The ledger row of one player as the engine sees it inside an apply transaction, with what it
 * earned from activity lately ({@link ActivityState}: the hourly budget and the cooldowns).
 */
public record PlayerState(long playerId, long xp, long balance, int dailyStreak, LocalDate lastDailyDay,
    ActivityState activity) {

  public PlayerState {
    activity = activity == null ? ActivityState.EMPTY : activity;
  }

  public PlayerState(long playerId, long xp, long balance, int dailyStreak, LocalDate lastDailyDay) {
    this(playerId, xp, balance, dailyStreak, lastDailyDay, ActivityState.EMPTY);
  }

  public PlayerState withDeltas(long xpDelta, long balanceDelta) {
    return new PlayerState(playerId, xp + xpDelta, balance + balanceDelta, dailyStreak, lastDailyDay, activity);
  }

  public PlayerState withDaily(int streak, LocalDate day) {
    return new PlayerState(playerId, xp, balance, streak, day, activity);
  }

  public PlayerState withActivity(ActivityState next) {
    return new PlayerState(playerId, xp, balance, dailyStreak, lastDailyDay, next);
  }
}
