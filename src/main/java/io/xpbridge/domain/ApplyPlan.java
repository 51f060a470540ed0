package io.xpbridge.domain;

import java.util.List;
import java.util.Map;

/** Everything one apply transaction writes, computed in plain Java by {@link LedgerCalculator}. */
public record ApplyPlan(
    List<Outcome> outcomes,
    List<AuditRow> audits,
    Map<Long, PlayerState> changedPlayers,
    List<RankChange> rankChanges,
    List<AchievementCandidate> achievementCandidates) {

  /** What became of one claimed event. {@code error} is set for failures only. */
  public record Outcome(ClaimedEvent event, boolean applied, String error, String processedBy) {}

  /** One {@code transactions} row. */
  public record AuditRow(ClaimedEvent event, long playerId, long deltaXp, long deltaBalance) {}

  /** A player's rank moved during this batch; several crossings in one batch become one change. */
  public record RankChange(long playerId, int fromRank, int toRank, ClaimedEvent cause) {}

  /**
   * An achievement the player may have just earned. Whether it is new is decided by the database
   * ({@code player_achievements} insert), so a re-applied batch can never unlock twice.
   * {@code explicit} marks an achievement_unlock event asking for it directly.
   */
  public record AchievementCandidate(long playerId, String code, ClaimedEvent cause, boolean explicit) {}
}
