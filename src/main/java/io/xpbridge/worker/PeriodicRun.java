package io.xpbridge.worker;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.function.Supplier;

/**
 * A worker's timer: runs the job every {@code intervalMs}, never two runs at once (a tick that finds
 * the previous run still going is skipped), and takes a new interval from live config.
 */
public final class PeriodicRun {
  private final Vertx vertx;
  private final Supplier<Future<?>> job;
  private long timerId = -1;
  private long intervalMs = -1;
  private boolean running;

  public PeriodicRun(Vertx vertx, Supplier<Future<?>> job) {
    this.vertx = vertx;
    this.job = job;
  }

  /** Starts the timer, or restarts it when the interval changed. */
  public void every(long newIntervalMs) {
    if (newIntervalMs == intervalMs) {
      return;
    }
    cancel();
    intervalMs = newIntervalMs;
    timerId = vertx.setPeriodic(newIntervalMs, id -> {
      if (!running) {
        running = true;
        job.get().onComplete(ar -> running = false);
      }
    });
  }

  public void cancel() {
    if (timerId >= 0) {
      vertx.cancelTimer(timerId);
      timerId = -1;
    }
  }
}
