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
        .setReconnectInterval(500);
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
