package io.xpbridge.discord;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.xpbridge.config.DiscordSettings;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.events.session.ReadyEvent;
import net.dv8tion.jda.api.events.session.ShutdownEvent;
import net.dv8tion.jda.api.exceptions.InvalidTokenException;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.utils.ChunkingFilter;
import net.dv8tion.jda.api.utils.Compression;
import net.dv8tion.jda.api.utils.MemberCachePolicy;
import net.dv8tion.jda.api.utils.SessionControllerAdapter;
import net.dv8tion.jda.api.utils.cache.CacheFlag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs JDA in and out without blocking the event loop: the login (a blocking token check) runs
 * in executeBlocking, readiness arrives as JDA's ReadyEvent, shutdown waits on a worker thread.
 */
final class JdaConnector {
  private static final Logger log = LoggerFactory.getLogger(JdaConnector.class);

  /**
   * GUILD_MEMBERS to cache every member (role sync and DISCORD_MEMBER_ROLES); GUILD_VOICE_STATES
   * for voice XP; GUILD_MESSAGES to see that a message was written. MESSAGE_CONTENT is not needed:
   * XP does not depend on what was written.
   */
  static final EnumSet<GatewayIntent> INTENTS =
      EnumSet.of(GatewayIntent.GUILD_MEMBERS, GatewayIntent.GUILD_VOICE_STATES, GatewayIntent.GUILD_MESSAGES);

  private final Vertx vertx;
  private final Context context;
  private final DiscordSettings settings;
  private volatile JDA jda;

  JdaConnector(Vertx vertx, Context context, DiscordSettings settings) {
    this.vertx = vertx;
    this.context = context;
    this.settings = settings;
  }

  /** Completes on the verticle's context once JDA is ready, or fails with what to check. */
  Future<JDA> connect(List<Object> listeners) {
    Promise<JDA> ready = Promise.promise();
    ListenerAdapter readiness = new ListenerAdapter() {
      @Override
      public void onReady(ReadyEvent event) {
        context.runOnContext(v -> ready.tryComplete(event.getJDA()));
      }

      @Override
      public void onShutdown(ShutdownEvent event) {
        context.runOnContext(v -> ready.tryFail("Discord closed the connection before the bot was ready (close code "
            + event.getCode() + ", " + event.getCloseCode() + "). Check discord.token and the bot's intents "
            + "(Server Members must be enabled in the Developer Portal)."));
      }
    };
    long timeoutMs = TimeUnit.SECONDS.toMillis(settings.readyTimeoutSeconds());
    long timer = vertx.setTimer(timeoutMs, id -> ready.tryFail("Discord did not become ready within "
        + settings.readyTimeoutSeconds() + " s (gateway " + gatewayDescription() + "). Check the network, "
        + "discord.gatewayUrl and that the Server Members intent is enabled for the bot."));
    vertx.executeBlocking(() -> build(listeners, readiness), false)
        .onSuccess(built -> {
          jda = built;
          if (ready.future().failed()) {
            shutdown(); // gave up waiting while the login was still running
          }
        })
        .onFailure(e -> ready.tryFail(loginFailure(e)));
    return ready.future()
        .onComplete(ar -> vertx.cancelTimer(timer))
        .onFailure(e -> shutdown());
  }

  private JDA build(List<Object> listeners, Object readiness) throws InterruptedException {
    JDABuilder builder = JDABuilder.createLight(settings.token(), INTENTS)
        .enableCache(CacheFlag.VOICE_STATE)
        .setMemberCachePolicy(MemberCachePolicy.ALL)
        .setChunkingFilter(ChunkingFilter.ALL)
        // The verticle's stop() shuts JDA down; a JVM hook would race with it.
        .setEnableShutdownHook(false)
        .addEventListeners(readiness)
        .addEventListeners(listeners.toArray());
    if (settings.restUrl() != null) {
      String base = settings.restUrl().endsWith("/") ? settings.restUrl() : settings.restUrl() + "/";
      builder.setRestConfig(new RestConfig().setBaseUrl(base));
    }
    if (settings.gatewayUrl() != null) {
      builder.setSessionController(new FixedGatewayController(settings.gatewayUrl()))
          .setCompression(Compression.NONE);
    }
    return builder.build();
  }

  private String loginFailure(Throwable e) {
    if (e instanceof InvalidTokenException) {
      return "Discord rejected discord.token (invalid token). Copy the bot token from the Developer Portal "
          + "(Bot > Reset Token) into DISCORD_BOT_TOKEN.";
    }
    return "Could not log in to Discord (" + (settings.restUrl() == null ? "discord.com" : settings.restUrl())
        + "): " + e;
  }

  private String gatewayDescription() {
    return settings.gatewayUrl() == null ? "Discord's default" : settings.gatewayUrl();
  }

  /** Closes the gateway and lets queued REST calls finish briefly; never blocks the event loop. */
  Future<Void> shutdown() {
    JDA current = jda;
    jda = null;
    if (current == null) {
      return Future.succeededFuture();
    }
    return vertx.executeBlocking(() -> {
      current.shutdown();
      if (!current.awaitShutdown(10, TimeUnit.SECONDS)) {
        log.warn("JDA did not stop within 10 s; forcing it");
        current.shutdownNow();
        current.awaitShutdown(5, TimeUnit.SECONDS);
      }
      return null;
    }, false);
  }

  /**
   * Used when discord.gatewayUrl is set (a local fake or a proxy): JDA's builder asks the session
   * controller for the gateway URL, and the default worker waits 5 s before each IDENTIFY to
   * respect Discord's identify limit, which a single session does not need.
   */
  static final class FixedGatewayController extends SessionControllerAdapter {
    private final String gatewayUrl;

    FixedGatewayController(String gatewayUrl) {
      this.gatewayUrl = gatewayUrl;
    }

    @Override
    public String getGateway() {
      return gatewayUrl;
    }

    @Override
    protected void runWorker() {
      synchronized (lock) {
        if (workerHandle == null) {
          workerHandle = new QueueWorker(0L);
          workerHandle.start();
        }
      }
    }
  }
}
