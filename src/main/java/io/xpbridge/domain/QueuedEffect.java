package io.xpbridge.domain;

/**
 * A row of the effect outbox: an event whose only work is to make the platforms show the ledger
 * (a rank role and rank-up message, an achievement role and message). Written by the engine for
 * crossed thresholds, by /link and /unlink, and by reconcile; delivered by the effect deliverer.
 *
 * @param rank the rank reached (rank effects), {@code previousRank} the one before it
 * @param targets which platforms to tell
 * @param announce whether Telegram gets a rank-up message (only ever for a rise)
 */
public record QueuedEffect(String key, Platform source, EventType type, long playerId, Integer rank,
    Integer previousRank, Long causeEventId, String achievement, MirrorTarget targets, String reason,
    boolean announce) {

  public static QueuedEffect rankChange(String key, Platform source, long playerId, int rank, int previousRank,
      Long causeEventId, MirrorTarget targets, String reason, boolean announce) {
    return new QueuedEffect(key, source, EventType.RANK_CHANGE, playerId, rank, previousRank, causeEventId, null,
        targets, reason, announce);
  }

  public static QueuedEffect achievement(String key, Platform source, long playerId, String code, Long causeEventId) {
    return new QueuedEffect(key, source, EventType.ACHIEVEMENT_UNLOCK, playerId, null, null, causeEventId, code,
        MirrorTarget.BOTH, null, true);
  }
}
