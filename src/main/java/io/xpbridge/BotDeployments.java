package io.xpbridge;

import io.vertx.core.Deployable;
import io.xpbridge.cluster.SingletonJob;
import io.xpbridge.config.AppConfig;
import io.xpbridge.discord.DiscordBotVerticle;
import io.xpbridge.telegram.TelegramBotVerticle;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bots to run: only those whose platform token is configured (says once why not). Each runs as a
 * singleton ({@code cluster.Singleton}): on one node of a cluster at a time. A bot that cannot
 * connect (platform down, wrong token) does not take the service down: the engine keeps its effects
 * waiting, and the bot is tried again every {@code Singleton.AFTER_FAILED_START_MS} ms, on
 * whichever node takes it then.
 */
final class BotDeployments {
  private static final Logger LOG = LoggerFactory.getLogger(BotDeployments.class);

  record Bot(SingletonJob job, Supplier<? extends Deployable> verticle) {}

  private BotDeployments() {}

  static List<Bot> configured(AppConfig config) {
    List<Bot> bots = new ArrayList<>();
    if (tokenSet(config.telegram().hasToken(), "telegram")) {
      bots.add(new Bot(SingletonJob.TELEGRAM, TelegramBotVerticle::new));
    }
    if (tokenSet(config.discord().hasToken(), "discord")) {
      bots.add(new Bot(SingletonJob.DISCORD, DiscordBotVerticle::new));
    }
    return bots;
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
