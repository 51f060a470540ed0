package io.xpbridge.config;

import io.vertx.core.json.JsonObject;

/** The {@code http} section. Without an admin token the admin routes answer 401 to everyone. */
public record HttpSettings(String host, int port, String adminToken) {
  public static HttpSettings from(JsonObject root) {
    return new HttpSettings(
        ConfigPath.string(root, "http.host", "0.0.0.0"),
        ConfigPath.intIn(root, "http.port", 8080, 0, 65_535),
        ConfigPath.string(root, "http.adminToken", null));
  }
}
