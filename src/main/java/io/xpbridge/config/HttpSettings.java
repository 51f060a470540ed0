package io.xpbridge.config;

/**
 * The {@code http} section. Without an admin token the admin routes answer 401 to everyone. With a
 * {@code metricsToken}, {@code /metrics} and {@code /health*} answer only requests that carry it
 * (Prometheus' {@code authorization} and Kubernetes probes' {@code httpHeaders} can send it);
 * without one they stay open, as orchestrators expect. {@code botDisconnectGraceSeconds}: how long a
 * bot may stay disconnected before {@code /health/ready} says not ready. Host and port are bound at
 * start; the tokens and the grace period apply live.
 */
public record HttpSettings(String host, int port, String adminToken, String metricsToken,
                           int botDisconnectGraceSeconds) {
  public static final int DEFAULT_BOT_DISCONNECT_GRACE_SECONDS = 30;

  static HttpSettings read(ConfigReader in) {
    return new HttpSettings(
        in.string("http.host", "0.0.0.0"),
        in.intIn("http.port", 8080, 0, 65_535),
        in.string("http.adminToken", null),
        in.string("http.metricsToken", null),
        in.intIn("http.botDisconnectGraceSeconds", DEFAULT_BOT_DISCONNECT_GRACE_SECONDS, 1, 86_400));
  }
}
