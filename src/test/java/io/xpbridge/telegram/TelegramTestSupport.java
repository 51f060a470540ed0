package io.xpbridge.telegram;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.xpbridge.fake.telegram.FakeTelegram;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.LoggerFactory;

/** Shared set-up for the Telegram bot tests: the real conf/config.json pointed at a {@link FakeTelegram}. */
final class TelegramTestSupport {

  static final Duration WAIT = Duration.ofSeconds(10);

  static {
    // No logback-test.xml on purpose (other branches may add one): keep Netty and Vert.x quiet here.
    ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.INFO);
    ((Logger) LoggerFactory.getLogger("io.netty")).setLevel(Level.WARN);
    ((Logger) LoggerFactory.getLogger("io.vertx")).setLevel(Level.WARN);
  }

  private TelegramTestSupport() {}

  static void init() {
    // Touching the class runs the static block.
  }

  /** conf/config.json with telegram pointed at {@code fake}, short intervals and no game cooldown. */
  static JsonObject config(FakeTelegram fake) {
    JsonObject config;
    try {
      config = new JsonObject(Files.readString(Path.of("conf", "config.json")));
    } catch (IOException e) {
      throw new IllegalStateException("tests run from the project root and read conf/config.json", e);
    }
    JsonObject telegram = config.getJsonObject("telegram");
    telegram.put("token", fake.token())
        .put("apiUrl", fake.apiUrl())
        .put("pollTimeoutSeconds", 5)
        .put("perChatIntervalMs", 20)
        .put("sendRatePerSecond", 200);
    telegram.getJsonObject("games").put("cooldownSeconds", 0).put("resultDelayMs", 0);
    return config;
  }

  static <T> T await(io.vertx.core.Future<T> future) {
    try {
      return future.await(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new AssertionError("timed out after " + WAIT, e);
    }
  }

  /** Stops the bots before the fake goes away, so they stop polling cleanly. */
  static void undeployAll(Vertx vertx) {
    for (String id : vertx.deploymentIDs()) {
      await(vertx.undeploy(id));
    }
  }

  static String deploy(Vertx vertx, JsonObject config) {
    return await(vertx.deployVerticle(new TelegramBotVerticle(), new DeploymentOptions().setConfig(config)));
  }
}
