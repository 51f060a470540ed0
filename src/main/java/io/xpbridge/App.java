package io.xpbridge;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgConnectOptions;
import io.xpbridge.account.AccountVerticle;
import io.xpbridge.cleanup.CleanupVerticle;
import io.xpbridge.cluster.ClusterNode;
import io.xpbridge.cluster.ClusterView;
import io.xpbridge.cluster.SingletonJob;
import io.xpbridge.cluster.Singleton;
import io.xpbridge.config.AppConfig;
import io.xpbridge.config.DatabaseUrl;
import io.xpbridge.config.DbSettings;
import io.xpbridge.config.InvalidConfigException;
import io.xpbridge.http.HttpApiVerticle;
import io.xpbridge.reconcile.ReconcileVerticle;
import io.xpbridge.store.Database;
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
  private final Deployments deployments;

  private App(Vertx vertx, JsonObject config, AppConfig settings, EmbeddedDatabase embedded,
      Deployments deployments) {
    this.vertx = vertx;
    this.config = config;
    this.settings = settings;
    this.embedded = embedded;
    this.deployments = deployments;
  }

  /** What {@link #stop} stops: the singletons first (they hand their jobs over), then the rest. */
  private record Deployments(List<Singleton> singletons, List<String> others) {}

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
      Future<Deployments> deployed = engineOnly ? deployEngine(vertx, config)
          : deployAll(vertx, settings, config);
      return deployed
          .map(deployments -> new App(vertx, config, settings, embedded, deployments))
          .recover(failure -> {
            if (embedded != null) {
              embedded.close();
            }
            return Future.failedFuture(failure);
          });
    });
  }

  private static Future<Deployments> deployEngine(Vertx vertx, JsonObject config) {
    List<String> ids = new ArrayList<>();
    return deploy(Future.succeededFuture(), vertx, ids, () -> new SyncVerticle(false),
        new DeploymentOptions().setConfig(config)).map(v -> new Deployments(List.of(), ids));
  }

  /**
   * Every node runs the engine, the account and season services, metrics and the HTTP API. The jobs
   * that must run once in a cluster (reconcile and cleanup timers, the two bots) run under a
   * {@link Singleton} that deploys them only while this node holds their fence; a single node always
   * holds it (the same path, so single-node and clustered runs do not differ). The singletons run on
   * the context the service starts on, not on event loops of their own (see {@link Singleton}).
   */
  private static Future<Deployments> deployAll(Vertx vertx, AppConfig settings, JsonObject config) {
    List<String> ids = new ArrayList<>();
    List<Singleton> singletons = new ArrayList<>();
    io.vertx.core.Context guards = vertx.getOrCreateContext();
    DeploymentOptions options = new DeploymentOptions().setConfig(config);
    int syncInstances = settings.sync().instances();
    ClusterNode node = ClusterNode.of(vertx);
    PgConnectOptions fenceDb = Database.connectOptions(settings.db().databaseUrl());
    Future<Void> chain = new ClusterView(vertx, node).start();
    chain = deploy(chain, vertx, ids, SyncVerticle::new, new DeploymentOptions(options).setInstances(syncInstances));
    chain = deploy(chain, vertx, ids, AccountVerticle::new, options);
    chain = deploy(chain, vertx, ids, io.xpbridge.season.SeasonVerticle::new, options);
    chain = singleton(chain, singletons, new Singleton(vertx, guards, SingletonJob.RECONCILE, ReconcileVerticle::new,
        options, fenceDb, node));
    chain = singleton(chain, singletons, new Singleton(vertx, guards, SingletonJob.CLEANUP, CleanupVerticle::new,
        options, fenceDb, node));
    chain = deploy(chain, vertx, ids, io.xpbridge.metrics.MetricsVerticle::new, options);
    chain = deploy(chain, vertx, ids, HttpApiVerticle::new, options);
    for (BotDeployments.Bot bot : BotDeployments.configured(settings)) {
      chain = singleton(chain, singletons, new Singleton(vertx, guards, bot.job(), bot.verticle(), options, fenceDb,
          node));
    }
    return chain.map(v -> new Deployments(singletons, ids));
  }

  private static Future<Void> singleton(Future<Void> chain, List<Singleton> singletons, Singleton singleton) {
    return chain.compose(v -> {
      singletons.add(singleton);
      return singleton.start();
    });
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

  /**
   * Stops the singleton jobs first, all at once, and releases their fences (another node takes them
   * over within two seconds), then every other verticle (intake first, pool last), then the embedded
   * database.
   */
  public Future<Void> stop() {
    List<Future<Void>> handovers = new ArrayList<>();
    for (Singleton singleton : deployments.singletons()) {
      handovers.add(singleton.stop().recover(e -> Future.succeededFuture()));
    }
    Future<Void> chain = Future.join(handovers).mapEmpty();
    List<String> reversed = new ArrayList<>(deployments.others());
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
