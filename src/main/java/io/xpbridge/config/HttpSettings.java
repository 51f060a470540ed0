package io.xpbridge.config;

/**
 * The {@code http} section. Without an admin token the admin routes answer 401 to everyone. With a
 * {@code metricsToken}, {@code /metrics} and {@code /health*} answer only requests that carry it
 * (Prometheus' {@code authorization} and Kubernetes probes' {@code httpHeaders} can send it);
 * without one they stay open, as orchestrators expect. {@code botDisconnectGraceSeconds}: how long a
 * bot may stay disconnected before {@code /health/ready} says not ready. Host and port are bound at
 * start; the tokens and the grace period apply live. {@code importMaxBytes}: the largest file
 * {@code POST /api/v1/import} takes (streamed to a temporary file, never held in memory); live too.
 */
public record HttpSettings(String host, int port, String adminToken, String metricsToken,
                           int botDisconnectGraceSeconds, long importMaxBytes) {
  public static final int DEFAULT_BOT_DISCONNECT_GRACE_SECONDS = 30;
  /** 50 MB: a MEE6 leaderboard of 100,000 members is about 25 MB. */
  public static final long DEFAULT_IMPORT_MAX_BYTES = 50L * 1024 * 1024;

  static HttpSettings read(ConfigReader in) {
    return new HttpSettings(
        in.string("http.host", "0.0.0.0"),
        in.intIn("http.port", 8080, 0, 65_535),
        in.string("http.adminToken", null),
        in.string("http.metricsToken", null),
        in.intIn("http.botDisconnectGraceSeconds", DEFAULT_BOT_DISCONNECT_GRACE_SECONDS, 1, 86_400),
        in.longIn("http.importMaxBytes", DEFAULT_IMPORT_MAX_BYTES, 1_024, 1024L * 1024 * 1024));
  }
}
