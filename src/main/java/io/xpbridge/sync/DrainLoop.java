package io.xpbridge.sync;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a batch step again and again while it finds full batches, never two runs at once. A request
 * that arrives during a run makes the loop go round once more instead of being lost.
 *
 * <p>With a pace, a round that only answers such a request (the step before it was not full) starts
 * no sooner than {@code paceMs} (read each round) after the step before it started: under steady
 * load the requests come with every intake batch, and without a pace the loop would run back to
 * back, each step taking the few items that arrived during the one before, one set of transactions
 * each. A request on an idle loop and a round after a full step go at once.
 */
final class DrainLoop {
  private static final Logger LOG = LoggerFactory.getLogger(DrainLoop.class);

  /** One step's result: how many items it took, and whether it took a full batch (so more may wait). */
  record Step(int taken, boolean full) {}

  private final String name;
  private final Supplier<Future<Step>> step;
  private final Vertx vertx;
  private final LongSupplier paceMs;
  private boolean running;
  private boolean requested;
  private boolean stopped;
  private long stepStartedNanos;

  DrainLoop(String name, Supplier<Future<Step>> step) {
    this(name, step, null, () -> 0);
  }

  /** {@code paceMs}: see the class comment; {@code vertx} sets the timer that keeps it. */
  DrainLoop(String name, Supplier<Future<Step>> step, Vertx vertx, LongSupplier paceMs) {
    this.name = name;
    this.step = step;
    this.vertx = vertx;
    this.paceMs = paceMs;
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
    stepStartedNanos = System.nanoTime();
    Future<Step> result;
    try {
      result = step.get();
    } catch (RuntimeException e) {
      result = Future.failedFuture(e);
    }
    result.onComplete(ar -> {
      if (ar.failed()) {
        if (ar.cause() instanceof io.vertx.pgclient.PgException || ar.cause() instanceof io.vertx.core.VertxException) {
          LOG.warn("{} step failed, will retry on the next request or timer: {}", name, ar.cause().toString());
        } else {
          LOG.error("{} step failed unexpectedly, will retry on the next request or timer", name, ar.cause());
        }
      }
      boolean full = ar.succeeded() && ar.result().full();
      boolean again = full || (ar.succeeded() && requested);
      requested = false;
      if (!again || stopped) {
        running = false;
        return;
      }
      long waitMs = full ? 0 : paceMs.getAsLong() - (System.nanoTime() - stepStartedNanos) / 1_000_000;
      if (waitMs <= 0) {
        runStep();
        return;
      }
      vertx.setTimer(waitMs, t -> {
        if (stopped) {
          running = false;
        } else {
          runStep();
        }
      });
    });
  }

  /** No new steps start; the returned future completes when the step in flight (if any) has finished. */
  Future<Void> stop(Vertx vertx) {
    stopped = true;
    Promise<Void> idle = Promise.promise();
    awaitIdle(vertx, idle, 0);
    return idle.future();
  }

  private void awaitIdle(Vertx vertx, Promise<Void> idle, int waitedMs) {
    if (!running || waitedMs >= 15_000) {
      idle.complete();
    } else {
      vertx.setTimer(10, t -> awaitIdle(vertx, idle, waitedMs + 10));
    }
  }
}
