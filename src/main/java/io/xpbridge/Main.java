package io.xpbridge;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import io.vertx.config.ConfigRetriever;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.xpbridge.cluster.ClusterNode;
import io.xpbridge.cluster.ClusterSettings;
import io.xpbridge.config.AppConfig;
import io.xpbridge.config.ConfigLoader;
import io.xpbridge.config.ConfigWatcher;
import io.xpbridge.config.InvalidConfigException;
import io.xpbridge.config.StrictJsonFormat;
import io.xpbridge.http.HttpApiVerticle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Entry point: {@code java -jar xpbridge.jar [--config conf/config.json]}. Reads and validates the
 * config, starts the service, watches the config file for live changes, stops cleanly on SIGTERM.
 * {@code java -jar xpbridge.jar import ...} imports a file instead ({@link ImportCommand}).
 */
public final class Main {
  private static final Logger LOG = LoggerFactory.getLogger(Main.class);
  private static final long CONFIG_SCAN_MS = 2_000;

  private Main() {}

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && "import".equals(args[0])) {
      System.exit(ImportCommand.run(java.util.Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
      return;
    }
    String configPath = configPath(args);
    if (!Files.isReadable(Path.of(configPath))) {
      System.err.println("xpbridge: cannot read the config file " + configPath
          + " (give another with --config PATH or XPBRIDGE_CONFIG)");
      System.exit(2);
    }
    ClusterSettings cluster;
    try {
      cluster = ClusterSettings.fromEnv();
    } catch (IllegalArgumentException e) {
      System.err.println("xpbridge: " + e.getMessage());
      System.exit(2);
      return;
    }
    Vertx vertx;
    try {
      vertx = io.xpbridge.metrics.Metrics.newVertx(cluster).toCompletionStage().toCompletableFuture()
          .get(120, TimeUnit.SECONDS);
    } catch (Exception e) {
      // ClusterVertx names the port and the likely cause in its message.
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      String message = cause.getMessage() != null ? cause.getMessage() : rootMessage(e);
      LOG.error("xpbridge could not start: {}", message);
      System.err.println("xpbridge: " + message);
      System.exit(1);
      return;
    }
    ClusterNode.register(vertx, cluster);
    ConfigRetriever retriever = ConfigLoader.retriever(vertx, configPath, CONFIG_SCAN_MS);
    JsonObject config;
    try {
      config = retriever.getConfig().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      System.err.println("xpbridge: cannot read " + configPath + ": " + rootMessage(e));
      vertx.close();
      System.exit(2);
      return;
    }
    if (StrictJsonFormat.unreadable(config).isPresent()) {
      System.err.println("xpbridge: cannot read the configuration: " + StrictJsonFormat.unreadable(config).get());
      vertx.close();
      System.exit(2);
      return;
    }
    AppConfig fromFile;
    try {
      fromFile = AppConfig.parse(config);
    } catch (InvalidConfigException e) {
      System.err.println("xpbridge: invalid configuration in " + configPath + ":\n  - "
          + String.join("\n  - ", e.problems()));
      vertx.close();
      System.exit(2);
      return;
    }
    applyLogLevel(fromFile);
    App app;
    try {
      app = App.start(vertx, config).toCompletionStage().toCompletableFuture().get(120, TimeUnit.SECONDS);
    } catch (Exception e) {
      LOG.error("xpbridge could not start: {}", rootMessage(e), e);
      vertx.close();
      System.exit(1);
      return;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      LOG.info("shutting down: stopping bots and intake, finishing the batch in flight, closing the database");
      try {
        app.stop().compose(v -> vertx.close()).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
      } catch (Exception e) {
        LOG.warn("shutdown did not finish cleanly: {}", rootMessage(e));
      }
    }, "xpbridge-shutdown"));
    ConfigWatcher.watch(vertx, retriever, fromFile, app.appConfig(), Main::applyLogLevel);
    Object port = vertx.sharedData().getLocalMap("xpbridge").get(HttpApiVerticle.PORT_KEY);
    LOG.info("xpbridge is running{}: HTTP on port {}, database {}, config {} (watched for changes)",
        cluster.clustered() ? " as cluster node " + cluster.nodeName() : "", port,
        app.databaseUrl().host() + ":" + app.databaseUrl().port() + "/" + app.databaseUrl().database(), configPath);
  }

  static String configPath(String[] args) {
    for (int i = 0; i < args.length - 1; i++) {
      if ("--config".equals(args[i]) || "-c".equals(args[i])) {
        return args[i + 1];
      }
    }
    String fromEnv = System.getenv("XPBRIDGE_CONFIG");
    return fromEnv == null || fromEnv.isBlank() ? "conf/config.json" : fromEnv;
  }

  /** {@code log.level} in config sets the root level; changing it in the file applies live. */
  static void applyLogLevel(AppConfig config) {
    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
      context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(Level.toLevel(config.logLevel(), Level.INFO));
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.toString() : root.getMessage();
  }
}
