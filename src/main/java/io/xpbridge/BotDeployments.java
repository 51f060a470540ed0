package io.xpbridge;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Deploys a bot verticle only when its platform token is configured, and says once why not. */
final class BotDeployments {
  private static final Logger LOG = LoggerFactory.getLogger(BotDeployments.class);

  private BotDeployments() {}

  static Future<Void> deploy(Future<Void> chain, Vertx vertx, JsonObject config, List<String> ids) {
    return chain;
  }

  static boolean hasToken(JsonObject config, String section) {
    String token = config.getJsonObject(section, new JsonObject()).getString("token");
    if (token == null || token.isBlank()) {
      LOG.info("{} bot not started: no token (set {}_BOT_TOKEN or {}.token)", section,
          section.toUpperCase(), section);
      return false;
    }
    return true;
  }
}
