package io.xpbridge.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Everything one apply transaction writes, computed in plain Java by {@link LedgerCalculator}. */
public record ApplyPlan(
    List<Outcome> outcomes,
    List<AuditRow> audits,
    Map<Long, PlayerState> changedPlayers,
    List<RankChange> rankChanges,
    List<AchievementCandidate> achievementCandidates,
    boolean announceMembers,
    Set<String> achievementsWithRoles,
    boolean rankRolesMapped) {

  public ApplyPlan(List<Outcome> outcomes, List<AuditRow> audits, Map<Long, PlayerState> changedPlayers,
      List<RankChange> rankChanges, List<AchievementCandidate> achievementCandidates) {
    this(outcomes, audits, changedPlayers, rankChanges, achievementCandidates, false);
  }

  public ApplyPlan(List<Outcome> outcomes, List<AuditRow> audits, Map<Long, PlayerState> changedPlayers,
      List<RankChange> rankChanges, List<AchievementCandidate> achievementCandidates, boolean announceMembers) {
    this(outcomes, audits, changedPlayers, rankChanges, achievementCandidates, announceMembers, null, true);
  }

  /**
   * What became of one claimed event. {@code error} is set for failures only; {@code xp} is the XP
   * applied (activity priced by the economy), {@code withheldBy} says what cut it ("hourlyXpCap",
   * "cooldown"), null when nothing did.
   */
  public record Outcome(ClaimedEvent event, boolean applied, String error, MirrorTarget processedBy, long xp,
      String withheldBy) {

    public Outcome(ClaimedEvent event, boolean applied, String error, MirrorTarget processedBy) {
      this(event, applied, error, processedBy, event.xpDelta(), null);
    }
  }

  /**
   * One {@code transactions} row; {@code key} is the event's own key except for the two sides of a
   * merge, {@code metadataJson} (a JSON object, or null) says more about the change. For activity XP,
   * {@code baseXp} is what was earned before {@code multiplier} made it {@code deltaXp}; both are
   * null for other changes.
   */
  public record AuditRow(ClaimedEvent event, String key, long playerId, long deltaXp, long deltaBalance,
      String reason, String metadataJson, Long baseXp, java.math.BigDecimal multiplier) {

    public AuditRow(ClaimedEvent event, String key, long playerId, long deltaXp, long deltaBalance, String reason,
        String metadataJson) {
      this(event, key, playerId, deltaXp, deltaBalance, reason, metadataJson, null, null);
    }
  }

  /**
   * A player's rank moved during this batch (several crossings in one batch become one change), or,
   * with {@code fromRank == toRank}, a newly linked Discord account must be given its rank role.
   */
  public record RankChange(long playerId, int fromRank, int toRank, ClaimedEvent cause, MirrorTarget targets) {

    public RankChange(long playerId, int fromRank, int toRank, ClaimedEvent cause) {
      this(playerId, fromRank, toRank, cause, MirrorTarget.BOTH);
    }
  }

  /**
   * An achievement the player may have just earned. Whether it is new is decided by the database
   * ({@code player_achievements} insert), so a re-applied batch can never unlock twice.
   * {@code explicit} marks an achievement_unlock event asking for it directly.
   */
  public record AchievementCandidate(long playerId, String code, ClaimedEvent cause, boolean explicit) {}

  /**
   * The effect rows this plan queues: one per rank change, one per achievement the database reported
   * as newly unlocked ({@code unlocked} holds "playerId:code") that no achievement_unlock event asked
   * for (such an event carries its effects itself). With {@code announceMembers} (a Discord bot and
   * discord.announceChannelId configured), each rank rise and new achievement also gets an
   * announcement row keyed {@code <effect key>:announce}: not for demotions, nor for what a /link or
   * a reward grant brought (those are not news the member made).
   */
  public List<QueuedEffect> followUps(Set<String> unlocked) {
    List<QueuedEffect> effects = new ArrayList<>();
    for (RankChange change : rankChanges) {
      ClaimedEvent cause = change.cause();
      boolean imported = cause.type() == EventType.IMPORT;
      if (imported && !rankRolesMapped) {
        // No rank has a Discord role: the Discord-only effect would show nothing. Reconcile gives
        // everyone their role (nobody was told a rank) once roles are mapped.
        continue;
      }
      // An import moves the Discord role only: a bulk import must not send thousands of rank-up messages
      // to Telegram or the announce channel for levels earned in another bot.
      effects.add(QueuedEffect.rankChange(IdempotencyKeys.rankChange(cause.idempotencyKey(), change.toRank()),
          cause.source(), change.playerId(), change.toRank(), change.fromRank(), cause.id(),
          imported ? MirrorTarget.DISCORD : change.targets(),
          cause.type() == EventType.LINK ? "link" : imported ? "import" : null,
          !imported && change.toRank() > change.fromRank()));
      if (announceMembers && !imported && change.toRank() > change.fromRank() && cause.type() != EventType.LINK
          && change.targets().includes(MirrorTarget.DISCORD)) {
        String key = IdempotencyKeys.announcement(IdempotencyKeys.rankChange(cause.idempotencyKey(), change.toRank()));
        effects.add(QueuedEffect.announcement(key, cause.source(), change.playerId(), change.toRank(),
            change.fromRank(), null, cause.id()));
      }
    }
    for (AchievementCandidate candidate : achievementCandidates) {
      if (!unlocked.contains(candidate.playerId() + ":" + candidate.code())) {
        continue;
      }
      ClaimedEvent cause = candidate.cause();
      // An explicit unlock is its own effect row, so its key is the event's.
      String effectKey = candidate.explicit() ? cause.idempotencyKey()
          : IdempotencyKeys.achievement(cause.idempotencyKey(), candidate.code());
      if (cause.type() == EventType.IMPORT) {
        // As for ranks: the role follows in Discord, nobody is told about it. An achievement without a
        // Discord role has nothing to show there, so no row is queued for it (a 100,000-row import
        // would queue and deliver 100,000 empty effects per such achievement); reconcile gives the role
        // if one is mapped later. null: the calculator did not say which have roles, queue them all.
        if (achievementsWithRoles != null && !achievementsWithRoles.contains(candidate.code())) {
          continue;
        }
        effects.add(new QueuedEffect(effectKey, cause.source(), EventType.ACHIEVEMENT_UNLOCK, candidate.playerId(),
            null, null, cause.id(), candidate.code(), MirrorTarget.DISCORD, "import", false));
        continue;
      }
      if (!candidate.explicit()) {
        effects.add(QueuedEffect.achievement(effectKey, cause.source(), candidate.playerId(), candidate.code(),
            cause.id()));
      }
      if (announceMembers && cause.type() != EventType.LINK && cause.type() != EventType.REWARD_GRANT) {
        effects.add(QueuedEffect.announcement(IdempotencyKeys.announcement(effectKey), cause.source(),
            candidate.playerId(), null, null, candidate.code(), cause.id()));
      }
    }
    return effects;
  }
}
