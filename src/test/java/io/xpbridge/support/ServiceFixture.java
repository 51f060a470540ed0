package io.xpbridge.support;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;
import io.xpbridge.App;
import io.xpbridge.bus.Bus;
import io.xpbridge.config.DatabaseUrl;
import java.util.function.UnaryOperator;

/**
 * The real service (all verticles, real PostgreSQL) on a fresh database, for one test class.
 * {@code configure} may adjust the config before start.
 */
public final class ServiceFixture implements AutoCloseable {
  public final Vertx vertx;
  public final DatabaseUrl db;
  public final Sql sql;
  public final App app;

  private ServiceFixture(Vertx vertx, DatabaseUrl db, App app) {
    this.vertx = vertx;
    this.db = db;
    this.sql = new Sql(db);
    this.app = app;
  }

  public static ServiceFixture start(Class<?> testClass) {
    return start(testClass, UnaryOperator.identity());
  }

  public static ServiceFixture start(Class<?> testClass, UnaryOperator<JsonObject> configure) {
    return start(testClass, configure, Vertx.vertx());
  }

  /** As the service runs from Main: with Prometheus metrics recorded. */
  public static ServiceFixture startWithMetrics(Class<?> testClass) {
    return startWithMetrics(testClass, UnaryOperator.identity());
  }

  public static ServiceFixture startWithMetrics(Class<?> testClass, UnaryOperator<JsonObject> configure) {
    return start(testClass, configure, io.xpbridge.metrics.Metrics.newVertx());
  }

  /** The service on an existing database, e.g. to restart after a crash. */
  public static ServiceFixture startOn(DatabaseUrl db) {
    return startOn(db, UnaryOperator.identity());
  }

  /** As {@link #startOn(DatabaseUrl)}, with the same config changes the first start had. */
  public static ServiceFixture startOn(DatabaseUrl db, UnaryOperator<JsonObject> configure) {
    Vertx vertx = Vertx.vertx();
    App app = Await.result(App.start(vertx, configure.apply(TestConfig.forDatabase(db))),
        java.time.Duration.ofSeconds(60));
    return new ServiceFixture(vertx, db, app);
  }

  private static ServiceFixture start(Class<?> testClass, UnaryOperator<JsonObject> configure, Vertx vertx) {
    DatabaseUrl db = TestDatabases.create(testClass);
    App app = Await.result(App.start(vertx, configure.apply(TestConfig.forDatabase(db))));
    return new ServiceFixture(vertx, db, app);
  }

  public JsonObject request(String address, JsonObject body) {
    return Await.result(vertx.eventBus().<JsonObject>request(address, body,
        new DeliveryOptions().setSendTimeout(Bus.REQUEST_TIMEOUT_MS)).map(m -> m.body()));
  }

  public Throwable requestFailure(String address, JsonObject body) {
    return Await.failure(vertx.eventBus().request(address, body, new DeliveryOptions().setSendTimeout(Bus.REQUEST_TIMEOUT_MS)));
  }

  public JsonObject submit(JsonObject event) {
    return request(Bus.EVENTS_SUBMIT, event);
  }

  public static JsonObject xp(String key, long telegramId, long xp) {
    return new JsonObject().put("source", "telegram").put("type", "xp_change").put("telegramId", telegramId)
        .put("xp", xp).put("idempotencyKey", key);
  }

  public int httpPort() {
    return (Integer) vertx.sharedData().getLocalMap("xpbridge").get(io.xpbridge.http.HttpApiVerticle.PORT_KEY);
  }

  public void awaitQueueDrained() {
    Await.until("all events finished", () -> sql.queryLong(
        "SELECT count(*) FROM sync_events WHERE status IN ('pending','processing')") == 0);
  }

  public DeploymentOptions options() {
    return new DeploymentOptions().setConfig(app.config());
  }

  @Override
  public void close() {
    try {
      Await.result(app.stop());
    } finally {
      Await.result(vertx.close());
    }
  }
}
