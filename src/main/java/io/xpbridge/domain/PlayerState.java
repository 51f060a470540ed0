package io.xpbridge.domain;

import java.time.LocalDate;

/**
 * The ledger row of one player as the engine sees it inside an apply transaction, with what it
 * earned from activity lately ({@link ActivityState}: the hourly budget and the cooldowns) and in
 * the running season ({@link SeasonTally}).
 */
public record PlayerState(long playerId, long xp, long balance, int dailyStreak, LocalDate lastDailyDay,
    ActivityState activity, SeasonTally season) {

  public PlayerState {
    activity = activity == null ? ActivityState.EMPTY : activity;
    season = season == null ? SeasonTally.NONE : season;
  }

  public PlayerState(long playerId, long xp, long balance, int dailyStreak, LocalDate lastDailyDay,
      ActivityState activity) {
    this(playerId, xp, balance, dailyStreak, lastDailyDay, activity, SeasonTally.NONE);
  }

  public PlayerState(long playerId, long xp, long balance, int dailyStreak, LocalDate lastDailyDay) {
    this(playerId, xp, balance, dailyStreak, lastDailyDay, ActivityState.EMPTY, SeasonTally.NONE);
  }

  /** XP and coins changed; the XP counts for the running season too. */
  public PlayerState withDeltas(long xpDelta, long balanceDelta) {
    return new PlayerState(playerId, xp + xpDelta, balance + balanceDelta, dailyStreak, lastDailyDay, activity,
        season.plus(xpDelta));
  }

  public PlayerState withDaily(int streak, LocalDate day) {
    return new PlayerState(playerId, xp, balance, streak, day, activity, season);
  }

  public PlayerState withActivity(ActivityState next) {
    return new PlayerState(playerId, xp, balance, dailyStreak, lastDailyDay, next, season);
  }

  public PlayerState withSeason(SeasonTally next) {
    return new PlayerState(playerId, xp, balance, dailyStreak, lastDailyDay, activity, next);
  }

  public long seasonXp() {
    return season.xp();
  }
}
