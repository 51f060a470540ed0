package io.xpbridge.cluster;

import io.vertx.core.Context;
import io.vertx.core.Deployable;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgConnection;
import io.vertx.sqlclient.Tuple;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one {@link SingletonJob}'s verticle on this node only while this node holds the job's fence: a
 * PostgreSQL session advisory lock ({@code pg_try_advisory_lock}) on a connection of its own, not
 * the pool's. Why PostgreSQL and not the cluster manager's locks: when the cluster manager's view
 * splits, each half would grant its own lock and both would poll Telegram; the database is the one
 * thing every node must reach to do any work at all, and it drops a session's locks with its
 * connection, so a SIGKILLed or cut-off node loses the fence by itself.
 *
 * <p>Every {@link #TICK_MS} ms: without the fence, try to take it (deploy the verticle when taken);
 * with it, check the connection (a failed or slow check, or the connection closing, means the fence
 * may be gone: the verticle is undeployed at once and the lock tried again later). Stopping this
 * verticle (SIGTERM) undeploys the job first and then closes the connection, which releases the lock
 * for the next node. Everything runs on one given context, one step at a time.
 *
 * <p>Not a verticle of its own on purpose: the guards share the context they are given (the one the
 * service starts on), so the service's verticles land on the same event loops as they did before
 * clustering (the engine's intake behaviour under a stalled database, {@code fault.OverloadTest},
 * depends on which verticles share an event loop).
 */
public final class Singleton {
  private static final Logger LOG = LoggerFactory.getLogger(Singleton.class);
  static final long TICK_MS = 2_000;
  static final long CHECK_TIMEOUT_MS = 3_000;
  /** After the job failed to start (platform down, token refused), let another node (or us) try later. */
  static final long AFTER_FAILED_START_MS = 30_000;
  static final String TRY_LOCK = "SELECT pg_try_advisory_lock($1)";
  static final String CHECK = "SELECT 1";
  /** A node letting a job go says so on this channel (payload: the job), so waiters try at once. */
  static final String CHANNEL = "xpbridge_fence";
  static final String LISTEN = "LISTEN " + CHANNEL;
  static final String UNLOCK = "SELECT pg_advisory_unlock($1)";
  static final String NOTIFY = "SELECT pg_notify('" + CHANNEL + "', $1)";

  private final Vertx vertx;
  private final Context context;
  private final SingletonJob job;
  private final Supplier<? extends Deployable> verticle;
  private final DeploymentOptions jobOptions;
  private final PgConnectOptions database;
  private final ClusterNode node;

  private PgConnection connection;
  private String deploymentId;
  private boolean busy;
  private boolean stopping;
  private long timerId = -1;
  private long notBeforeMs;
  private boolean toldWaiting;

  public Singleton(Vertx vertx, Context context, SingletonJob job, Supplier<? extends Deployable> verticle,
      DeploymentOptions jobOptions, PgConnectOptions database, ClusterNode node) {
    this.vertx = vertx;
    this.context = context;
    this.job = job;
    this.verticle = verticle;
    this.jobOptions = jobOptions;
    this.database = new PgConnectOptions(database).setReconnectAttempts(0)
        .addProperty("application_name", "xpbridge-fence-" + job.wireName());
    this.node = node;
  }

  /** Completes after the first attempt: a single node has its jobs running when start-up completes. */
  public Future<Void> start() {
    return onContext(() -> tick().onComplete(v -> arm()));
  }

  /**
   * Undeploys the job, then lets go of the fence and tells the waiting nodes (NOTIFY), so the next
   * one takes the job over at once rather than at its next {@link #TICK_MS} try.
   */
  public Future<Void> stop() {
    return onContext(() -> {
      stopping = true;
      if (timerId >= 0) {
        vertx.cancelTimer(timerId);
      }
      boolean held = deploymentId != null;
      return undeployJob("this node is stopping")
          .compose(v -> held ? handOver() : Future.succeededFuture())
          .eventually(this::closeConnection);
    });
  }

  private Future<Void> onContext(java.util.function.Supplier<Future<Void>> step) {
    Promise<Void> done = Promise.promise();
    context.runOnContext(v -> step.get().onComplete(done));
    return done.future();
  }

  private Future<Void> handOver() {
    PgConnection conn = connection;
    if (conn == null) {
      return Future.succeededFuture();
    }
    return conn.preparedQuery(UNLOCK).execute(Tuple.of(job.lockKey()))
        .compose(v -> conn.preparedQuery(NOTIFY).execute(Tuple.of(job.wireName())))
        .timeout(CHECK_TIMEOUT_MS, TimeUnit.MILLISECONDS)
        .<Void>mapEmpty()
        .onComplete(v -> LOG.info("{} handed over: fence released", job.wireName()))
        .recover(failure -> Future.succeededFuture()); // closing the connection releases the lock anyway
  }

  private void arm() {
    if (!stopping) {
      timerId = vertx.setTimer(TICK_MS, id -> tick().onComplete(v -> arm()));
    }
  }

  private Future<Void> tick() {
    if (busy || stopping) {
      return Future.succeededFuture();
    }
    busy = true;
    Future<Void> step = deploymentId == null ? tryToTake() : check();
    return step.recover(failure -> {
      LOG.warn("{} fence: {}; {}", job.wireName(), failure.getMessage(),
          deploymentId == null ? "will try again" : "giving the job up");
      return undeployJob("its fence could not be checked").eventually(this::closeConnection);
    }).eventually(() -> {
      busy = false;
      return Future.succeededFuture();
    });
  }

  private Future<Void> tryToTake() {
    if (System.currentTimeMillis() < notBeforeMs) {
      return Future.succeededFuture();
    }
    return connection().compose(conn -> conn.preparedQuery(TRY_LOCK).execute(Tuple.of(job.lockKey()))
        .timeout(CHECK_TIMEOUT_MS, TimeUnit.MILLISECONDS)
        .compose(rows -> {
          if (!rows.iterator().next().getBoolean(0)) {
            if (!toldWaiting) {
              toldWaiting = true;
              LOG.info("{} runs on another node; this node ({}) takes it over if that one stops", job.wireName(),
                  node.name());
            }
            return Future.succeededFuture();
          }
          return deployJob(conn);
        }));
  }

  private Future<Void> deployJob(PgConnection lockedOn) {
    LOG.info("{}: this node ({}) holds its fence, starting it", job.wireName(), node.name());
    return vertx.deployVerticle(verticle, jobOptions).<Void>compose(id -> {
      if (connection != lockedOn || stopping) {
        // The fence went while the job was starting: it must not run.
        return vertx.undeploy(id);
      }
      deploymentId = id;
      toldWaiting = false;
      node.taken(job);
      LOG.info("{} runs on this node ({}) now", job.wireName(), node.name());
      return Future.succeededFuture();
    }, failure -> {
      LOG.error("{} could not start on this node, releasing it and trying again in {} s: {}", job.wireName(),
          AFTER_FAILED_START_MS / 1000, failure.getMessage());
      notBeforeMs = System.currentTimeMillis() + AFTER_FAILED_START_MS;
      return closeConnection();
    });
  }

  private Future<Void> check() {
    if (connection == null) {
      return Future.failedFuture("its database connection closed");
    }
    return connection.query(CHECK).execute().timeout(CHECK_TIMEOUT_MS, TimeUnit.MILLISECONDS).mapEmpty();
  }

  private Future<PgConnection> connection() {
    if (connection != null) {
      return Future.succeededFuture(connection);
    }
    return PgConnection.connect(vertx, database).compose(conn -> {
      connection = conn;
      conn.closeHandler(v -> connectionClosed(conn));
      conn.notificationHandler(notification -> {
        if (CHANNEL.equals(notification.getChannel()) && job.wireName().equals(notification.getPayload())
            && deploymentId == null) {
          tick();
        }
      });
      return conn.query(LISTEN).execute().map(rows -> conn);
    });
  }

  /** The database ended the session (or the network did): its lock is gone, so is the job, at once. */
  private void connectionClosed(PgConnection closed) {
    if (connection != closed) {
      return;
    }
    connection = null;
    if (deploymentId != null && !stopping) {
      LOG.warn("{} fence lost: the database connection closed; stopping the job on this node", job.wireName());
      undeployJob("its fence was lost");
    }
  }

  private Future<Void> undeployJob(String why) {
    String id = deploymentId;
    if (id == null) {
      return Future.succeededFuture();
    }
    deploymentId = null;
    node.released(job);
    LOG.info("{} stops on this node ({}): {}", job.wireName(), node.name(), why);
    if (!vertx.deploymentIDs().contains(id)) {
      return Future.succeededFuture();
    }
    return vertx.undeploy(id).recover(failure -> {
      LOG.warn("{} did not stop cleanly: {}", job.wireName(), failure.getMessage());
      return Future.succeededFuture();
    });
  }

  private Future<Void> closeConnection() {
    PgConnection conn = connection;
    connection = null;
    if (conn == null) {
      return Future.succeededFuture();
    }
    return conn.close().recover(failure -> Future.succeededFuture());
  }
}
