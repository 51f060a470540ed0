package io.xpbridge;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VerticleBase;
import io.xpbridge.config.AppConfig;
import io.xpbridge.discord.DiscordBotVerticle;
import io.xpbridge.telegram.TelegramBotVerticle;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deploys a bot verticle only when its platform token is configured, and says once why not. A bot
 * that cannot connect (platform down, wrong token) does not take the service down: the engine keeps
 * its effects waiting, and the bot is tried again every {@link #RETRY_MS} ms.
 */
final class BotDeployments {
  private static final Logger LOG = LoggerFactory.getLogger(BotDeployments.class);
  static final long RETRY_MS = 30_000;

  private BotDeployments() {}

  static Future<Void> deploy(Future<Void> chain, Vertx vertx, AppConfig config, DeploymentOptions options,
      List<String> ids) {
    Future<Void> next = chain;
    if (tokenSet(config.telegram().hasToken(), "telegram")) {
      next = next.compose(v -> deployOrRetry(vertx, "telegram", TelegramBotVerticle::new, options, ids));
    }
    if (tokenSet(config.discord().hasToken(), "discord")) {
      next = next.compose(v -> deployOrRetry(vertx, "discord", DiscordBotVerticle::new, options, ids));
    }
    return next;
  }

  private static Future<Void> deployOrRetry(Vertx vertx, String platform, Supplier<VerticleBase> verticle,
      DeploymentOptions options, List<String> ids) {
    return vertx.deployVerticle(verticle, options)
        .map(id -> {
          synchronized (ids) {
            ids.add(id);
          }
          LOG.info("{} bot started", platform);
          return (Void) null;
        })
        .recover(failure -> {
          LOG.error("{} bot could not start, retrying in {} s (the rest of the service runs; its effects wait): {}",
              platform, RETRY_MS / 1000, failure.getMessage());
          vertx.setTimer(RETRY_MS, t -> deployOrRetry(vertx, platform, verticle, options, ids));
          return Future.succeededFuture();
        });
  }

  /** Says why when a bot is not started. */
  static boolean tokenSet(boolean configured, String section) {
    if (!configured) {
      LOG.info("{} bot not started: no token (set {}_BOT_TOKEN or {}.token in the config)", section,
          section.toUpperCase(), section);
      return false;
    }
    return true;
  }
}
