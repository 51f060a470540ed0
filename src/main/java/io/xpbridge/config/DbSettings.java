package io.xpbridge.config;

import io.vertx.core.json.JsonObject;

/**
 * The {@code db} section. With no {@code url} the service starts an embedded PostgreSQL whose data
 * lives in {@code embedded.dataDir}.
 */
public record DbSettings(String url, int poolSize, String embeddedDataDir, int embeddedPort) {
  public static DbSettings from(JsonObject root) {
    String url = ConfigPath.string(root, "db.url", null);
    if (url != null) {
      DatabaseUrl.parse(url);
    }
    return new DbSettings(url,
        ConfigPath.intIn(root, "db.poolSize", 8, 1, 200),
        ConfigPath.string(root, "db.embedded.dataDir", "./data/postgres"),
        ConfigPath.intIn(root, "db.embedded.port", 0, 0, 65_535));
  }

  public boolean embedded() {
    return url == null;
  }
}
