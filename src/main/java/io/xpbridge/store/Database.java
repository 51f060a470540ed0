package io.xpbridge.store;

import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.xpbridge.config.DatabaseUrl;

/** Builds connection pools for the non-blocking PostgreSQL client. */
public final class Database {
  private Database() {}

  public static PgConnectOptions connectOptions(DatabaseUrl url) {
    PgConnectOptions options = new PgConnectOptions()
        .setHost(url.host())
        .setPort(url.port())
        .setDatabase(url.database())
        .setUser(url.user())
        .setCachePreparedStatements(true)
        .setPreparedStatementCacheMaxSize(256)
        .setReconnectAttempts(2)
        .setReconnectInterval(500)
        // Every hot statement takes arrays of 1 to 10,000 elements. A generic plan is costed for a
        // guessed size and, once cached while the tables were small, kept seq scans of sync_events
        // for the life of the connection (1.2-1.5 ms per 4-event batch instead of 0.05 ms; see
        // bench/README.md). Planning each execution costs far less than that.
        .addProperty("plan_cache_mode", "force_custom_plan")
        // The hot path's tables and indexes live in shared buffers: an index probe is no dearer than
        // a page of a sequential scan. With the default 4.0 key checks chose seq scans of sync_events.
        .addProperty("random_page_cost", "1.1");
    if (url.password() != null) {
      options.setPassword(url.password());
    }
    return options;
  }

  public static Pool pool(Vertx vertx, DatabaseUrl url, int size) {
    return PgBuilder.pool()
        .with(new PoolOptions().setMaxSize(size).setMaxWaitQueueSize(10_000).setIdleTimeout(60)
            .setIdleTimeoutUnit(java.util.concurrent.TimeUnit.SECONDS))
        .connectingTo(connectOptions(url))
        .using(vertx)
        .build();
  }
}
