package io.xpbridge.bus;

import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;

/**
 * Why a request over the bus was refused on purpose. The refusing verticle fails the message with
 * {@link #failureCode()} and {@link #wire(String)} as its text; the bots turn the refusal into a
 * sentence in the player's language, so no player-facing text lives outside the bots.
 */
public enum Refusal {
  /** The platform account has no player yet. */
  NO_PROFILE(404),
  /** A link code that is unknown, used or expired. */
  LINK_CODE_UNKNOWN(404),
  /** A link code entered on the platform it was made on. */
  LINK_CODE_SAME_PLATFORM(409),
  /** The code's issuer is already linked to another account on the caller's platform. */
  LINK_ISSUER_ALREADY_LINKED(409),
  /** The caller's account is already linked to another profile. */
  LINK_CALLER_ALREADY_LINKED(409),
  /** The two accounts are linked to each other already. */
  LINK_ALREADY_LINKED(409),
  /** Too many wrong link codes; the detail is the number of minutes to wait. */
  LINK_TOO_MANY_ATTEMPTS(429),
  /**
   * A submit's idempotency key was spent by another request (another player, type or amount); the
   * detail is that event's id. Nothing was stored. A bot meeting it treats the action as done.
   */
  KEY_REUSED(409),
  /** The ledger refused the day's reward grant; the player was not paid. */
  DAILY_NOT_GRANTED(409);

  private final int failureCode;

  Refusal(int failureCode) {
    this.failureCode = failureCode;
  }

  public int failureCode() {
    return failureCode;
  }

  /** The failure text: the refusal's name, and its detail after a colon when there is one. */
  public String wire(String detail) {
    return detail == null ? name() : name() + ":" + detail;
  }

  /** The failure a verticle completes a request with to refuse it. */
  public ReplyException exception(String detail) {
    return new ReplyException(ReplyFailure.RECIPIENT_FAILURE, failureCode, wire(detail));
  }

  public ReplyException exception() {
    return exception(null);
  }

  /** A refusal read back from a failed request, or null when the failure was not a refusal. */
  public record Refused(Refusal refusal, String detail) {}

  public static Refused of(Throwable failure) {
    if (!(failure instanceof ReplyException reply) || reply.failureType() != ReplyFailure.RECIPIENT_FAILURE
        || reply.getMessage() == null) {
      return null;
    }
    String text = reply.getMessage();
    int colon = text.indexOf(':');
    String name = colon < 0 ? text : text.substring(0, colon);
    for (Refusal refusal : values()) {
      if (refusal.name().equals(name)) {
        return new Refused(refusal, colon < 0 ? null : text.substring(colon + 1));
      }
    }
    return null;
  }
}
