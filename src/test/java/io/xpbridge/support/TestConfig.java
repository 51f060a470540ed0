package io.xpbridge.support;

import io.vertx.core.json.JsonObject;
import io.xpbridge.config.DatabaseUrl;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The shipped conf/config.json, pointed at a test database, with timers short enough for tests. */
public final class TestConfig {
  public static final String ADMIN_TOKEN = "test-admin-token";

  private TestConfig() {}

  public static JsonObject shipped() {
    try {
      return new JsonObject(Files.readString(Path.of("conf/config.json")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static JsonObject forDatabase(DatabaseUrl url) {
    JsonObject config = shipped();
    config.getJsonObject("db").put("url", url.toUrl()).put("poolSize", 4);
    config.getJsonObject("http").put("port", 0).put("host", "127.0.0.1").put("adminToken", ADMIN_TOKEN);
    config.getJsonObject("sync").put("intervalMs", 200).put("retryBackoffMs", 50).put("retryBackoffMaxMs", 200)
        .put("effectWaitMs", 200);
    config.getJsonObject("reconcile").put("intervalMs", 3_600_000);
    config.getJsonObject("cleanup").put("intervalMs", 3_600_000);
    return config;
  }
}
