package io.xpbridge.telegram;

/**
 * A Bot API call that did not succeed, classified so callers can decide between waiting,
 * retrying and giving up without parsing text.
 */
final class TelegramCallException extends RuntimeException {

  enum Kind {
    /** 429: wait {@link #retryAfterMs()} and try again. */
    RATE_LIMITED,
    /** 5xx, network error, unreadable answer: back off and try again. */
    TRANSIENT,
    /** 403: the user blocked the bot or the bot was kicked; retrying will not help. */
    FORBIDDEN,
    /** 401/404 on the bot URL: the token is wrong. */
    UNAUTHORIZED,
    /** 409: another getUpdates or a webhook is active for this token. */
    CONFLICT,
    /** Any other 4xx: our request is wrong (bad chat id, invalid text...); retrying will not help. */
    REJECTED
  }

  private final Kind kind;
  private final String method;
  private final int errorCode;
  private final long retryAfterMs;

  TelegramCallException(Kind kind, String method, int errorCode, long retryAfterMs, String description, Throwable cause) {
    super("Telegram " + method + " failed (" + kind + (errorCode > 0 ? ", " + errorCode : "") + "): " + description, cause);
    this.kind = kind;
    this.method = method;
    this.errorCode = errorCode;
    this.retryAfterMs = retryAfterMs;
  }

  static TelegramCallException fromErrorCode(String method, int errorCode, Integer retryAfterSeconds, String description) {
    Kind kind;
    if (errorCode == 429) {
      kind = Kind.RATE_LIMITED;
    } else if (errorCode == 403) {
      kind = Kind.FORBIDDEN;
    } else if (errorCode == 401 || errorCode == 404) {
      kind = Kind.UNAUTHORIZED;
    } else if (errorCode == 409) {
      kind = Kind.CONFLICT;
    } else if (errorCode >= 500 || errorCode <= 0) {
      kind = Kind.TRANSIENT;
    } else {
      kind = Kind.REJECTED;
    }
    // Telegram sends retry_after in whole seconds; a 429 without it still deserves a pause.
    long retryAfterMs = retryAfterSeconds != null && retryAfterSeconds > 0 ? retryAfterSeconds * 1000L
        : kind == Kind.RATE_LIMITED ? 1000L : 0L;
    return new TelegramCallException(kind, method, errorCode, retryAfterMs, description, null);
  }

  /** Not sent because Telegram's rate limit held it back too long; no retry_after left to wait. */
  static TelegramCallException rateLimited(String method, String description) {
    return new TelegramCallException(Kind.RATE_LIMITED, method, 429, 0, description, null);
  }

  static TelegramCallException transientFailure(String method, String description, Throwable cause) {
    return new TelegramCallException(Kind.TRANSIENT, method, 0, 0, description, cause);
  }

  Kind kind() {
    return kind;
  }

  String method() {
    return method;
  }

  int errorCode() {
    return errorCode;
  }

  long retryAfterMs() {
    return retryAfterMs;
  }

  boolean isRetryable() {
    return kind == Kind.RATE_LIMITED || kind == Kind.TRANSIENT;
  }
}
