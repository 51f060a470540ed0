package io.xpbridge.config;

import io.vertx.config.ConfigRetriever;
import io.vertx.config.ConfigRetrieverOptions;
import io.vertx.config.ConfigStoreOptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;

/**
 * Reads {@code conf/config.json} (or the file given) through vertx-config, with secrets and
 * deployment settings overridable from the environment, and rescans the file for live changes.
 */
public final class ConfigLoader {
  /** Environment variable to config path. */
  public static final Map<String, String> ENV_OVERRIDES = Map.ofEntries(
      Map.entry("DATABASE_URL", "db.url"),
      Map.entry("XPBRIDGE_HTTP_PORT", "http.port"),
      Map.entry("XPBRIDGE_ADMIN_TOKEN", "http.adminToken"),
      Map.entry("XPBRIDGE_METRICS_TOKEN", "http.metricsToken"),
      Map.entry("TELEGRAM_BOT_TOKEN", "telegram.token"),
      Map.entry("TELEGRAM_API_URL", "telegram.apiUrl"),
      Map.entry("TELEGRAM_BOT_USERNAME", "telegram.botUsername"),
      Map.entry("DISCORD_BOT_TOKEN", "discord.token"),
      Map.entry("DISCORD_GUILD_ID", "discord.guildId"),
      Map.entry("DISCORD_REST_URL", "discord.restUrl"),
      Map.entry("DISCORD_GATEWAY_URL", "discord.gatewayUrl"));
  /** XPBRIDGE_DATA_DIR is a directory; the embedded database lives in its {@code postgres} folder. */
  public static final String DATA_DIR_ENV = "XPBRIDGE_DATA_DIR";

  private ConfigLoader() {}

  public static ConfigRetriever retriever(Vertx vertx, String path, long scanPeriodMs) {
    JsonArray envKeys = new JsonArray();
    ENV_OVERRIDES.keySet().forEach(envKeys::add);
    envKeys.add(DATA_DIR_ENV);
    ConfigRetrieverOptions options = new ConfigRetrieverOptions()
        .setScanPeriod(scanPeriodMs)
        .addStore(new ConfigStoreOptions().setType("file").setFormat(StrictJsonFormat.NAME)
            .setConfig(new JsonObject().put("path", path)))
        .addStore(new ConfigStoreOptions().setType("env")
            .setConfig(new JsonObject().put("keys", envKeys).put("raw-data", true)));
    ConfigRetriever retriever = ConfigRetriever.create(vertx, options);
    retriever.setConfigurationProcessor(ConfigLoader::applyEnvironment);
    return retriever;
  }

  /** Moves the flat environment keys the env store added into their places in the tree. */
  public static JsonObject applyEnvironment(JsonObject merged) {
    JsonObject config = merged.copy();
    ENV_OVERRIDES.forEach((env, path) -> {
      Object value = config.remove(env);
      if (value != null && !value.toString().isBlank()) {
        put(config, path, value.toString());
      }
    });
    Object dataDir = config.remove(DATA_DIR_ENV);
    if (dataDir != null && !dataDir.toString().isBlank()) {
      put(config, "db.embedded.dataDir", dataDir.toString().replaceAll("/+$", "") + "/postgres");
    }
    return config;
  }

  private static void put(JsonObject root, String path, String value) {
    String[] parts = path.split("\\.");
    JsonObject node = root;
    for (int i = 0; i < parts.length - 1; i++) {
      JsonObject child = node.getJsonObject(parts[i]);
      if (child == null) {
        child = new JsonObject();
        node.put(parts[i], child);
      }
      node = child;
    }
    node.put(parts[parts.length - 1], value);
  }
}
