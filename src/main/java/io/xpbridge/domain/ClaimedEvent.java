package io.xpbridge.domain;

import java.time.LocalDate;

/**
 * An event taken from the queue for applying. {@code playerId} is the ledger row it changes (already
 * redirected when its original player was merged away); {@code dailyDay}/{@code dailyStreak} are set
 * for daily rewards only; {@code createdAtMs} is when it was stored (for latency metrics);
 * {@code activity} says where activity XP was earned (null for other changes); {@code importTarget} is
 * what an {@code import} event asks for (null for every other type): its delta is computed at apply time.
 */
public record ClaimedEvent(
    long id,
    String idempotencyKey,
    Platform source,
    EventType type,
    long playerId,
    long xpDelta,
    long balanceDelta,
    String achievement,
    String reason,
    LocalDate dailyDay,
    Integer dailyStreak,
    long createdAtMs,
    Activity activity,
    ImportTarget importTarget) {

  public ClaimedEvent(long id, String idempotencyKey, Platform source, EventType type, long playerId, long xpDelta,
      long balanceDelta, String achievement, String reason, LocalDate dailyDay, Integer dailyStreak, long createdAtMs,
      Activity activity) {
    this(id, idempotencyKey, source, type, playerId, xpDelta, balanceDelta, achievement, reason, dailyDay, dailyStreak,
        createdAtMs, activity, null);
  }

  /** An event that is not activity (no multiplier applies). */
  public ClaimedEvent(long id, String idempotencyKey, Platform source, EventType type, long playerId, long xpDelta,
      long balanceDelta, String achievement, String reason, LocalDate dailyDay, Integer dailyStreak, long createdAtMs) {
    this(id, idempotencyKey, source, type, playerId, xpDelta, balanceDelta, achievement, reason, dailyDay, dailyStreak,
        createdAtMs, null);
  }

  public ClaimedEvent redirectedTo(long survivorId) {
    return new ClaimedEvent(id, idempotencyKey, source, type, survivorId, xpDelta, balanceDelta, achievement,
        reason, dailyDay, dailyStreak, createdAtMs, activity, importTarget);
  }
}
