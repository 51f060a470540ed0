package io.xpbridge.config;

/** The {@code link} section: one-time codes that join a Telegram and a Discord account. */
public record LinkSettings(int codeTtlSeconds, int codeLength, int maxFailedAttempts, int failedAttemptsWindowSeconds) {
  static LinkSettings read(ConfigReader in) {
    return new LinkSettings(
        in.intIn("link.codeTtlSeconds", 600, 30, 86_400),
        in.intIn("link.codeLength", 8, 6, 32),
        in.intIn("link.maxFailedAttempts", 5, 1, 1_000),
        in.intIn("link.failedAttemptsWindowSeconds", 600, 10, 86_400));
  }
}
