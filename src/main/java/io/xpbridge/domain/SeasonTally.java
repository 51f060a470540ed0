package io.xpbridge.domain;

/**
 * A player's XP in a season: {@code seasonId} is the season {@code xp} counts for. A rollover does
 * not touch the players; the engine moves a player into the running season the first time it
 * writes the row after the rollover ({@link #in}), keeping the old figure as {@code last*} until
 * that season's standings are archived.
 */
public record SeasonTally(int seasonId, long xp, Integer lastSeasonId, Long lastSeasonXp) {
  /** A player that never earned anything in season 1 (the first season). */
  public static final SeasonTally NONE = new SeasonTally(1, 0, null, null);

  /** This tally as seen in the running season {@code runningSeasonId}. */
  public SeasonTally in(int runningSeasonId) {
    return seasonId == runningSeasonId ? this : new SeasonTally(runningSeasonId, 0, seasonId, xp);
  }

  /** Every XP change counts for the season; a season's XP never goes below 0 (like lifetime XP). */
  public SeasonTally plus(long xpDelta) {
    return xpDelta == 0 ? this : new SeasonTally(seasonId, Math.max(0, xp + xpDelta), lastSeasonId, lastSeasonXp);
  }

  public SeasonTally withXp(long seasonXp) {
    return new SeasonTally(seasonId, seasonXp, lastSeasonId, lastSeasonXp);
  }
}
