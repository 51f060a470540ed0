package io.xpbridge.store;

import io.xpbridge.domain.EventStatus;

/**
 * Outcome of one submitted event. Stored (now, or already under its key when {@code duplicate}):
 * {@code outcome} is {@code COMPLETED} (applied to the ledger), {@code FAILED} (refused by the ledger,
 * {@code error} says why) or {@code PENDING} (queued for the queue worker). Not stored at all:
 * {@code outcome} is null and {@code error} says why.
 */
public record SubmitResult(long eventId, boolean duplicate, EventStatus outcome, String error) {

  public static SubmitResult notStored(String error) {
    return new SubmitResult(0, false, null, error);
  }

  public boolean stored() {
    return outcome != null;
  }

  /** The same event's outcome as a later submit of its key sees it. */
  public SubmitResult asDuplicate() {
    return new SubmitResult(eventId, true, outcome, error);
  }
}
