package io.xpbridge.sync;

import io.vertx.core.Future;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a batch step again and again while it finds full batches, never two runs at once. A request
 * that arrives during a run makes the loop go round once more instead of being lost.
 */
final class DrainLoop {
  private static final Logger LOG = LoggerFactory.getLogger(DrainLoop.class);

  /** One step's result: how many items it took, and whether it took a full batch (so more may wait). */
  record Step(int taken, boolean full) {}

  private final String name;
  private final Supplier<Future<Step>> step;
  private boolean running;
  private boolean requested;
  private boolean stopped;

  DrainLoop(String name, Supplier<Future<Step>> step) {
    this.name = name;
    this.step = step;
  }

  /** Must be called on the owning verticle's context. */
  void request() {
    if (stopped) {
      return;
    }
    if (running) {
      requested = true;
      return;
    }
    running = true;
    requested = false;
    runStep();
  }

  private void runStep() {
    Future<Step> result;
    try {
      result = step.get();
    } catch (RuntimeException e) {
      result = Future.failedFuture(e);
    }
    result.onComplete(ar -> {
      boolean again;
      if (ar.failed()) {
        if (ar.cause() instanceof io.vertx.pgclient.PgException || ar.cause() instanceof io.vertx.core.VertxException) {
          LOG.warn("{} step failed, will retry on the next request or timer: {}", name, ar.cause().toString());
        } else {
          LOG.error("{} step failed unexpectedly, will retry on the next request or timer", name, ar.cause());
        }
        again = false;
      } else {
        again = ar.result().full() || requested;
      }
      requested = false;
      if (again && !stopped) {
        runStep();
      } else {
        running = false;
      }
    });
  }

  /** No new steps start; the returned future completes when the step in flight (if any) has finished. */
  Future<Void> stop(io.vertx.core.Vertx vertx) {
    stopped = true;
    io.vertx.core.Promise<Void> idle = io.vertx.core.Promise.promise();
    awaitIdle(vertx, idle, 0);
    return idle.future();
  }

  private void awaitIdle(io.vertx.core.Vertx vertx, io.vertx.core.Promise<Void> idle, int waitedMs) {
    if (!running || waitedMs >= 15_000) {
      idle.complete();
    } else {
      vertx.setTimer(10, t -> awaitIdle(vertx, idle, waitedMs + 10));
    }
  }
}
