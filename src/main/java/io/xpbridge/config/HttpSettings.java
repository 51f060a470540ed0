package io.xpbridge.config;

/**
 * The {@code http} section. Without an admin token the admin routes answer 401 to everyone. Host
 * and port are bound at start; the token applies live.
 */
public record HttpSettings(String host, int port, String adminToken) {
  static HttpSettings read(ConfigReader in) {
    return new HttpSettings(
        in.string("http.host", "0.0.0.0"),
        in.intIn("http.port", 8080, 0, 65_535),
        in.string("http.adminToken", null));
  }
}
