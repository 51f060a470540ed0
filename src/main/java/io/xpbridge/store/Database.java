package io.xpbridge.store;

import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.xpbridge.config.DatabaseUrl;
import java.util.Map;

/** Builds connection pools for the non-blocking PostgreSQL client. */
public final class Database {
  /**
   * Session settings of the sync engine's connections. Every statement the engine runs is a lookup
   * by the ids or keys of a batch, with an index for each. The planner does not always see that: a
   * plan cached while a table was nearly empty (a fresh install, or the benchmark's fresh databases)
   * kept scanning {@code sync_events} sequentially for every batch as it grew (1.2-1.5 ms for a
   * 4-event batch instead of 0.05 ms), and with the default {@code random_page_cost} of 4 the key
   * check preferred scans of tens of thousands of rows to a few hundred index probes. So: no
   * sequential scans where an index serves ({@code enable_seqscan=off} only penalises them, a
   * statement without an index path still runs), and index probes priced as the cached pages they
   * are. Cached plans are then safe to reuse, which saves planning every statement of every batch:
   * measured against planning each execution, 2.1 vs 2.8-3.6 ms p50 at 1,000 events/s and 48 vs
   * 50-57 us of PostgreSQL CPU per event (bench/README.md). The other verticles' pools keep the
   * server's defaults: /top scans the players on purpose.
   */
  static final Map<String, String> ENGINE_SESSION = Map.of(
      "enable_seqscan", "off",
      "random_page_cost", "1.1");

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
    return build(vertx, connectOptions(url), size);
  }

  /** A pool for the sync engine's hot path: see {@link #ENGINE_SESSION}. */
  public static Pool enginePool(Vertx vertx, DatabaseUrl url, int size) {
    PgConnectOptions options = connectOptions(url);
    ENGINE_SESSION.forEach(options::addProperty);
    return build(vertx, options, size);
  }

  private static Pool build(Vertx vertx, PgConnectOptions options, int size) {
    return PgBuilder.pool()
        .with(new PoolOptions().setMaxSize(size).setMaxWaitQueueSize(10_000).setIdleTimeout(60)
            .setIdleTimeoutUnit(java.util.concurrent.TimeUnit.SECONDS))
        .connectingTo(options)
        .using(vertx)
        .build();
  }
}
