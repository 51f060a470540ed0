package io.xpbridge.discord;

/** A Discord effect that could not be applied, with the bus failure code to answer (404, 403, 400, 503). */
final class EffectFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  final int code;

  EffectFailure(int code, String message, Throwable cause) {
    super(message, cause);
    this.code = code;
  }

  EffectFailure(int code, String message) {
    this(code, message, null);
  }
}
