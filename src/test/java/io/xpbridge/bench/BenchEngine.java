package io.xpbridge.bench;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.xpbridge.App;
import io.xpbridge.config.DatabaseUrl;
import io.xpbridge.support.Await;
import io.xpbridge.sync.SyncVerticle;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The service under test: the whole {@link App} on one Vert.x, plus optional extra engine instances
 * (a {@link SyncVerticle} each on its own Vert.x, as a second process would run) on the same database.
 */
final class BenchEngine implements AutoCloseable {
  final List<Vertx> instances;
  final App app;

  private BenchEngine(List<Vertx> instances, App app) {
    this.instances = instances;
    this.app = app;
  }

  /** The shipped config with quiet timers, pointed at {@code db}; {@code adjust} may change it further. */
  static JsonObject config(DatabaseUrl db, Consumer<JsonObject> adjust) {
    JsonObject config;
    try {
      config = new JsonObject(Files.readString(Path.of("conf/config.json")));
    } catch (IOException e) {
      throw new UncheckedIOException("run the benchmark from the project directory (conf/config.json)", e);
    }
    config.getJsonObject("db").put("url", db.toUrl());
    config.getJsonObject("http").put("port", 0).put("host", "127.0.0.1");
    config.getJsonObject("reconcile").put("intervalMs", 86_400_000);
    config.getJsonObject("cleanup").put("intervalMs", 86_400_000);
    adjust.accept(config);
    return config;
  }

  static BenchEngine start(JsonObject config, int engines) {
    List<Vertx> instances = new ArrayList<>();
    Vertx first = Vertx.vertx();
    instances.add(first);
    App app = Await.result(App.start(first, config), Duration.ofMinutes(2));
    for (int i = 1; i < engines; i++) {
      Vertx other = Vertx.vertx();
      instances.add(other);
      Await.result(other.deployVerticle(new SyncVerticle(), new DeploymentOptions().setConfig(app.config())));
    }
    return new BenchEngine(instances, app);
  }

  @Override
  public void close() {
    List<Future<Void>> closing = new ArrayList<>();
    for (int i = instances.size() - 1; i >= 1; i--) {
      closing.add(instances.get(i).close());
    }
    Await.result(Future.join(closing), Duration.ofMinutes(1));
    Await.result(app.stop(), Duration.ofMinutes(1));
    Await.result(instances.get(0).close(), Duration.ofMinutes(1));
  }
}
