package io.xpbridge.discord;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.xpbridge.fake.discord.FakeDiscord;
import io.xpbridge.support.EngineDouble;
import io.xpbridge.support.TestConfig;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A fake guild laid out for the Discord bot tests, the engine double, and the deployed verticle
 * (real JDA) pointed at the fake.
 *
 * <p>Role order, top to bottom: Admin (30), bot's role (20, Manage Roles), Veteran achievement
 * (5), Private rank (3), Recruit rank (2), @everyone.
 */
final class TestGuild {
  final FakeDiscord fake;
  final EngineDouble engine;
  final long adminRole;
  final long botRole;
  final long veteranRole;
  final long privateRole;
  final long recruitRole;
  final long general;
  final long noXpChannel;
  final long lobby;
  final long lounge;
  final long afk;
  String deploymentId;

  TestGuild(Vertx vertx) {
    fake = new FakeDiscord(vertx);
    engine = new EngineDouble(vertx);
    adminRole = fake.addRole("Admin", 30);
    botRole = fake.giveBotManageRoles(20);
    veteranRole = fake.addRole("Veteran", 5);
    privateRole = fake.addRole("Private", 3);
    recruitRole = fake.addRole("Recruit", 2);
    general = fake.addTextChannel("general");
    noXpChannel = fake.addTextChannel("bot-spam");
    lobby = fake.addVoiceChannel("Lobby");
    lounge = fake.addVoiceChannel("Lounge");
    afk = fake.addVoiceChannel("AFK");
    fake.setAfkChannel(afk);
  }

  /** The shipped config with the bot pointed at the fake. */
  JsonObject config(long cooldownSeconds, long voiceUnitSeconds) {
    JsonObject config = TestConfig.shipped();
    config.getJsonObject("discord")
        .put("token", fake.token())
        .put("guildId", Long.toString(fake.guildId()))
        .put("restUrl", fake.restUrl())
        .put("gatewayUrl", fake.gatewayUrl())
        .put("messageXp", 15)
        .put("messageCooldownSeconds", cooldownSeconds)
        .put("noXpChannelIds", new JsonArray().add(Long.toString(noXpChannel)))
        .put("voiceXpPerMinute", 2)
        .put("voiceMinIntervalSeconds", voiceUnitSeconds)
        .put("readyTimeoutSeconds", 20);
    config.getJsonObject("telegram").put("botUsername", "xp_bridge_bot");
    return config;
  }

  /** Starts the fake and the engine double, then deploys the bot (completes when JDA is ready). */
  Future<Void> start(Vertx vertx, long cooldownSeconds, long voiceUnitSeconds) {
    return fake.start()
        .compose(v -> engine.start())
        .compose(v -> vertx.deployVerticle(new DiscordBotVerticle(),
            new DeploymentOptions().setConfig(config(cooldownSeconds, voiceUnitSeconds))))
        .onSuccess(id -> deploymentId = id)
        .mapEmpty();
  }

  Future<Void> stop(Vertx vertx) {
    Future<Void> undeploy = deploymentId == null ? Future.succeededFuture() : vertx.undeploy(deploymentId);
    return undeploy.eventually(fake::close);
  }

  /** Polls a condition; a ceiling, not a sleep: returns as soon as it holds. */
  static void await(String what, Duration ceiling, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + ceiling.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Timed out after " + ceiling.toSeconds() + " s waiting for: " + what);
      }
      TimeUnit.MILLISECONDS.sleep(20);
    }
  }

  static <T> T get(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(15, TimeUnit.SECONDS);
  }
}
