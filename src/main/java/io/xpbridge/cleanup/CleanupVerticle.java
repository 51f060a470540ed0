package io.xpbridge.cleanup;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.sqlclient.Pool;
import io.xpbridge.bus.Admin;
import io.xpbridge.bus.Bus;
import io.xpbridge.bus.BusServer;
import io.xpbridge.config.AppConfig;
import io.xpbridge.config.CleanupSettings;
import io.xpbridge.store.CleanupStore;
import io.xpbridge.store.Database;
import io.xpbridge.worker.PeriodicRun;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the queue small: completed events are kept {@code completedRetentionDays}, failed ones
 * {@code failedRetentionDays}. Audit rows are never deleted, so an idempotency key stays spent.
 */
public class CleanupVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(CleanupVerticle.class);

  private Pool pool;
  private CleanupStore store;
  private volatile CleanupSettings settings;
  private PeriodicRun timer;

  @Override
  public Future<?> start() {
    AppConfig config = AppConfig.parse(config());
    settings = config.cleanup();
    pool = Database.pool(vertx, config.db().databaseUrl(), 1);
    store = new CleanupStore(pool);
    BusServer.serveClusterWide(vertx.eventBus(), Bus.CLEANUP_RUN_NOW, Admin.Empty.class, request -> run()
        .map(d -> new Admin.CleanupReport(d.completed(), d.failed(), d.linkCodes()))
        .recover(e -> Future.failedFuture(new ReplyException(ReplyFailure.RECIPIENT_FAILURE, 503,
            "cleanup failed: " + e.getMessage()))));
    vertx.eventBus().<AppConfig>localConsumer(Bus.CONFIG_CHANGED, msg -> {
      settings = msg.body().cleanup();
      timer.every(settings.intervalMs());
    });
    timer = new PeriodicRun(vertx, this::run);
    timer.every(settings.intervalMs());
    return Future.succeededFuture();
  }

  @Override
  public Future<?> stop() {
    return pool.close();
  }

  private Future<CleanupStore.Deleted> run() {
    CleanupSettings current = settings;
    return store.clean(current.completedRetentionDays(), current.failedRetentionDays())
        .onSuccess(d -> LOG.info("cleanup run: completedDeleted={} failedDeleted={} linkCodesDeleted={} "
                + "(retention {} / {} days)", d.completed(), d.failed(), d.linkCodes(),
            current.completedRetentionDays(), current.failedRetentionDays()))
        .onFailure(e -> LOG.warn("cleanup run failed: {}", e.toString()));
  }
}
