package io.xpbridge.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.xpbridge.support.Await;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** When a paced loop runs its next step: at once when idle or after a full step, else not before the pace. */
class DrainLoopTest {
  static final long PACE_MS = 300;

  Vertx vertx;
  Context context;
  /** Start of each step, ms since the test began; each step completes when the test says. */
  final List<Long> starts = new CopyOnWriteArrayList<>();
  final List<Promise<DrainLoop.Step>> steps = new CopyOnWriteArrayList<>();
  DrainLoop loop;
  long began;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    context = vertx.getOrCreateContext();
    began = System.nanoTime();
    loop = new DrainLoop("test", () -> {
      starts.add((System.nanoTime() - began) / 1_000_000);
      Promise<DrainLoop.Step> step = Promise.promise();
      steps.add(step);
      return step.future();
    }, vertx, () -> PACE_MS);
  }

  @AfterEach
  void stop() {
    Await.result(vertx.close());
  }

  private void request() {
    context.runOnContext(v -> loop.request());
  }

  private void finish(int index, boolean full) {
    context.runOnContext(v -> steps.get(index).complete(new DrainLoop.Step(1, full)));
  }

  @Test
  void aRequestDuringAStepRunsTheNextOneNoSoonerThanThePace() {
    request();
    Await.until("first step", () -> starts.size() == 1);
    request();
    finish(0, false);
    Await.until("second step", () -> starts.size() == 2);
    long gap = starts.get(1) - starts.get(0);
    assertTrue(gap >= PACE_MS, "started " + gap + " ms after the first");
  }

  @Test
  void aFullStepIsFollowedAtOnceAndAnIdleLoopStartsAtOnce() {
    request();
    Await.until("first step", () -> starts.size() == 1);
    finish(0, true);
    Await.until("second step", () -> starts.size() == 2);
    assertTrue(starts.get(1) - starts.get(0) < PACE_MS, "a full step's follower waits for nothing: " + starts);
    finish(1, false);
    Future<Void> idle = Future.future(p -> vertx.setTimer(PACE_MS + 50, t -> p.complete()));
    Await.result(idle);
    assertEquals(2, starts.size(), "nothing requested, nothing run");
    long requestedAt = (System.nanoTime() - began) / 1_000_000;
    request();
    Await.until("third step", () -> starts.size() == 3);
    assertTrue(starts.get(2) - requestedAt < PACE_MS, "an idle loop runs a request at once: " + starts);
  }
}
