package io.xpbridge.store;

/** Outcome of one submitted event: stored now, already known under its key, or refused with a reason. */
public record SubmitResult(long eventId, boolean duplicate, String error) {
  public static SubmitResult refused(String error) {
    return new SubmitResult(0, false, error);
  }
}
