package io.xpbridge.config;

/**
 * The {@code db} section. With no {@code url} the service starts an embedded PostgreSQL whose data
 * lives in {@code embedded.dataDir}. Pools are opened at start, so the whole section waits for a
 * restart.
 */
public record DbSettings(String url, int poolSize, String embeddedDataDir, int embeddedPort) {
  static DbSettings read(ConfigReader in) {
    String url = in.string("db.url", null);
    if (url != null) {
      try {
        DatabaseUrl.parse(url);
      } catch (ConfigException e) {
        in.reject(e.getMessage());
      }
    }
    return new DbSettings(url,
        in.intIn("db.poolSize", 8, 1, 200),
        in.string("db.embedded.dataDir", "./data/postgres"),
        in.intIn("db.embedded.port", 0, 0, 65_535));
  }

  public boolean embedded() {
    return url == null;
  }

  /** Only valid for a non-embedded config, or once the App has put the embedded server's URL in. */
  public DatabaseUrl databaseUrl() {
    return DatabaseUrl.parse(url);
  }
}
