package io.xpbridge;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.xpbridge.account.AccountVerticle;
import io.xpbridge.cleanup.CleanupVerticle;
import io.xpbridge.config.AppConfig;
import io.xpbridge.config.DatabaseUrl;
import io.xpbridge.config.DbSettings;
import io.xpbridge.config.InvalidConfigException;
import io.xpbridge.http.HttpApiVerticle;
import io.xpbridge.reconcile.ReconcileVerticle;
import io.xpbridge.store.EmbeddedDatabase;
import io.xpbridge.store.Migrations;
import io.xpbridge.sync.SyncVerticle;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the whole service on a Vert.x instance from a validated config: the database (embedded
 * when none is configured), migrations, then one verticle per job. Used by {@link Main} and by the
 * end-to-end tests, so both run exactly the same wiring.
 */
public final class App {
  private static final Logger LOG = LoggerFactory.getLogger(App.class);

  private final Vertx vertx;
  private final JsonObject config;
  private final AppConfig settings;
  private final EmbeddedDatabase embedded;
  private final List<String> deployments;

  private App(Vertx vertx, JsonObject config, AppConfig settings, EmbeddedDatabase embedded,
      List<String> deployments) {
    this.vertx = vertx;
    this.config = config;
    this.settings = settings;
    this.embedded = embedded;
    this.deployments = deployments;
  }

  /** Fails with an {@link InvalidConfigException} naming every bad field before anything starts. */
  public static Future<App> start(Vertx vertx, JsonObject input) {
    return start(vertx, input, false);
  }

  /**
   * The sync engine only, after the same database preparation: for the {@code import} command, which
   * needs the ledger's one writer but neither the bots, nor the workers, nor the HTTP port. This
   * engine delivers no effects: those an import queues (Discord roles) stay in the database for the
   * running service to deliver.
   */
  public static Future<App> startEngineOnly(Vertx vertx, JsonObject input) {
    return start(vertx, input, true);
  }

  private static Future<App> start(Vertx vertx, JsonObject input, boolean engineOnly) {
    JsonObject config = input.copy();
    DbSettings db;
    try {
      db = AppConfig.parse(config).db();
    } catch (InvalidConfigException e) {
      return Future.failedFuture(e);
    }
    return vertx.executeBlocking(() -> {
      EmbeddedDatabase embedded = null;
      DatabaseUrl url;
      if (db.embedded()) {
        embedded = EmbeddedDatabase.start(Path.of(db.embeddedDataDir()), db.embeddedPort());
        url = embedded.url();
        LOG.info("no database configured: embedded PostgreSQL on port {}, data in {}", url.port(), embedded.dataDir());
      } else {
        url = DatabaseUrl.parse(db.url());
      }
      var result = Migrations.run(url);
      LOG.info("database schema at version {} ({} migrations applied now)", result.targetSchemaVersion,
          result.migrationsExecuted);
      if (!config.containsKey("db")) {
        config.put("db", new JsonObject());
      }
      config.getJsonObject("db").put("url", url.toUrl());
      return embedded;
    }).compose(embedded -> {
      // Parsed again with the database URL now known, so the tree and the verticles' JSON agree.
      AppConfig settings = AppConfig.parse(config);
      Future<List<String>> deployed = engineOnly ? deployEngine(vertx, settings, config)
          : deployAll(vertx, settings, config);
      return deployed
          .map(ids -> new App(vertx, config, settings, embedded, ids))
          .recover(failure -> {
            if (embedded != null) {
              embedded.close();
            }
            return Future.failedFuture(failure);
          });
    });
  }

  private static Future<List<String>> deployEngine(Vertx vertx, AppConfig settings, JsonObject config) {
    List<String> ids = new ArrayList<>();
    return deploy(Future.succeededFuture(), vertx, ids, () -> new SyncVerticle(false),
        new DeploymentOptions().setConfig(config)).map(v -> ids);
  }

  private static Future<List<String>> deployAll(Vertx vertx, AppConfig settings, JsonObject config) {
    List<String> ids = new ArrayList<>();
    DeploymentOptions options = new DeploymentOptions().setConfig(config);
    int syncInstances = settings.sync().instances();
    Future<Void> chain = Future.succeededFuture();
    chain = deploy(chain, vertx, ids, SyncVerticle::new, new DeploymentOptions(options).setInstances(syncInstances));
    chain = deploy(chain, vertx, ids, AccountVerticle::new, options);
    chain = deploy(chain, vertx, ids, io.xpbridge.season.SeasonVerticle::new, options);
    chain = deploy(chain, vertx, ids, ReconcileVerticle::new, options);
    chain = deploy(chain, vertx, ids, CleanupVerticle::new, options);
    chain = deploy(chain, vertx, ids, io.xpbridge.metrics.MetricsVerticle::new, options);
    chain = deploy(chain, vertx, ids, HttpApiVerticle::new, options);
    chain = BotDeployments.deploy(chain, vertx, settings, options, ids);
    return chain.map(v -> ids);
  }

  static Future<Void> deploy(Future<Void> chain, Vertx vertx, List<String> ids,
      Supplier<? extends io.vertx.core.Deployable> verticle, DeploymentOptions options) {
    return chain.compose(v -> vertx.deployVerticle(verticle, options).map(id -> {
      ids.add(id);
      return null;
    }));
  }

  /** The validated JSON the verticles were deployed with (the database URL resolved). */
  public JsonObject config() {
    return config;
  }

  /** The tree the service started with: {@link #config()} parsed. */
  public AppConfig appConfig() {
    return settings;
  }

  public DatabaseUrl databaseUrl() {
    return settings.db().databaseUrl();
  }

  /** Stops every verticle (bots and intake first, pool last), then the embedded database. */
  public Future<Void> stop() {
    Future<Void> chain = Future.succeededFuture();
    List<String> reversed = new ArrayList<>(deployments);
    java.util.Collections.reverse(reversed);
    for (String id : reversed) {
      chain = chain.compose(v -> vertx.undeploy(id).recover(e -> Future.succeededFuture()));
    }
    return chain.compose(v -> embedded == null ? Future.succeededFuture()
        : vertx.executeBlocking(() -> {
          embedded.close();
          return null;
        }));
  }
}
