package io.xpbridge.domain;

/**
 * A row of the effect outbox: an event whose only work is to make the platforms show the ledger
 * (a rank role and rank-up message, an achievement role and message). Written by the engine for
 * crossed thresholds, by /link and /unlink, and by reconcile; delivered by the effect deliverer.
 *
 * @param rank the rank reached (rank effects), {@code previousRank} the one before it
 * @param targets which platforms to tell
 * @param announce whether Telegram gets a rank-up message (only ever for a rise)
 * @param detailsJson more of the payload (a JSON object), or null
 */
public record QueuedEffect(String key, Platform source, EventType type, long playerId, Integer rank,
    Integer previousRank, Long causeEventId, String achievement, MirrorTarget targets, String reason,
    boolean announce, String detailsJson) {

  public QueuedEffect(String key, Platform source, EventType type, long playerId, Integer rank,
      Integer previousRank, Long causeEventId, String achievement, MirrorTarget targets, String reason,
      boolean announce) {
    this(key, source, type, playerId, rank, previousRank, causeEventId, achievement, targets, reason, announce, null);
  }

  /**
   * A season notice: {@code detailsJson} (a JSON object) holds what the message says and becomes
   * part of the payload.
   */
  public static QueuedEffect seasonNotice(String key, long playerId, MirrorTarget targets, String detailsJson) {
    return new QueuedEffect(key, Platform.SYSTEM, EventType.SEASON_NOTICE, playerId, null, null, null, null, targets,
        null, true, detailsJson);
  }

  public static QueuedEffect rankChange(String key, Platform source, long playerId, int rank, int previousRank,
      Long causeEventId, MirrorTarget targets, String reason, boolean announce) {
    return new QueuedEffect(key, source, EventType.RANK_CHANGE, playerId, rank, previousRank, causeEventId, null,
        targets, reason, announce);
  }

  public static QueuedEffect achievement(String key, Platform source, long playerId, String code, Long causeEventId) {
    return new QueuedEffect(key, source, EventType.ACHIEVEMENT_UNLOCK, playerId, null, null, causeEventId, code,
        MirrorTarget.BOTH, null, true);
  }

  /**
   * A member's rank-up ({@code rank} set) or new achievement ({@code code} set) to post in the Discord
   * announce channel: its own row, so it is delivered (and fails) apart from the role.
   */
  public static QueuedEffect announcement(String key, Platform source, long playerId, Integer rank,
      Integer previousRank, String code, Long causeEventId) {
    return new QueuedEffect(key, source, EventType.ANNOUNCEMENT, playerId, rank, previousRank, causeEventId, code,
        MirrorTarget.DISCORD, null, true);
  }

  /**
   * Payload flag of {@link #rolesCleared}: the rank effect gives no role and takes every managed rank and
   * achievement role off the member instead.
   */
  public static final String CLEAR_ROLES = "clearRoles";

  /**
   * {@code /privacy roles off}: every rank and achievement role we manage comes off the member, once, in
   * Discord only ({@code rank} is the player's rank now, for the record; nothing is announced).
   */
  public static QueuedEffect rolesCleared(String key, long playerId, int rank, String reason) {
    return new QueuedEffect(key, Platform.SYSTEM, EventType.RANK_CHANGE, playerId, rank, rank, null, null,
        MirrorTarget.DISCORD, reason, false, "{\"" + CLEAR_ROLES + "\": true}");
  }

  /** An unlocked achievement's role shown again in Discord only: Telegram is not told a second time. */
  public static QueuedEffect achievementRole(String key, long playerId, String code, String reason) {
    return new QueuedEffect(key, Platform.SYSTEM, EventType.ACHIEVEMENT_UNLOCK, playerId, null, null, null, code,
        MirrorTarget.DISCORD, reason, false);
  }
}
