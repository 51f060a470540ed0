package io.xpbridge.store;

import io.xpbridge.domain.EventStatus;

/**
 * Outcome of one submitted event. Stored (now, or already under its key when {@code duplicate}):
 * {@code outcome} is {@code COMPLETED} (applied to the ledger), {@code FAILED} (refused by the ledger,
 * {@code error} says why) or {@code PENDING} (queued for the queue worker). Not stored at all:
 * {@code outcome} is null and {@code error} says why ({@code keyReused}: the key belongs to event
 * {@code eventId}, which asked for something else). {@code xp}/{@code withheldBy}: for an event applied
 * now, the XP it moved and what cut it (the hourly budget, a cooldown), else null.
 */
public record SubmitResult(long eventId, boolean duplicate, EventStatus outcome, String error, boolean keyReused,
    Long xp, String withheldBy) {

  public SubmitResult(long eventId, boolean duplicate, EventStatus outcome, String error) {
    this(eventId, duplicate, outcome, error, false, null, null);
  }

  public SubmitResult(long eventId, boolean duplicate, EventStatus outcome, String error, boolean keyReused) {
    this(eventId, duplicate, outcome, error, keyReused, null, null);
  }

  /** An event applied now: the XP it moved, and what cut it when the economy did. */
  public static SubmitResult applied(long eventId, long xp, String withheldBy) {
    return new SubmitResult(eventId, false, EventStatus.COMPLETED, null, false, xp, withheldBy);
  }

  public static SubmitResult notStored(String error) {
    return new SubmitResult(0, false, null, error);
  }

  /** The key was spent by event {@code eventId} for another player, type or amount: nothing stored. */
  public static SubmitResult keyReused(long eventId) {
    return new SubmitResult(eventId, false, null, "idempotency key reused with a different request", true);
  }

  public boolean stored() {
    return outcome != null;
  }

  /** The same event's outcome as a later submit of its key sees it. */
  public SubmitResult asDuplicate() {
    return new SubmitResult(eventId, true, outcome, error);
  }
}
