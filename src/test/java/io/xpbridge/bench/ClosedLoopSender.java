package io.xpbridge.bench;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;
import io.xpbridge.bus.Bus;
import java.util.function.IntFunction;

/**
 * Submits events {@code first, first + step, ...} below {@code total} over the bus as fast as the
 * engine answers, never more than {@code maxInFlight} requests waiting for their reply.
 */
final class ClosedLoopSender {
  private static final DeliveryOptions OPTIONS = new DeliveryOptions().setSendTimeout(120_000);

  private final Vertx vertx;
  private final IntFunction<JsonObject> events;
  private final int total;
  private final int step;
  private final int maxInFlight;
  private final Promise<Void> done = Promise.promise();
  private int next;
  private int inFlight;
  private long failures;
  private String lastFailure;
  volatile long firstSendNanos;

  ClosedLoopSender(Vertx vertx, IntFunction<JsonObject> events, int first, int step, int total, int maxInFlight) {
    this.vertx = vertx;
    this.events = events;
    this.next = first;
    this.step = step;
    this.total = total;
    this.maxInFlight = maxInFlight;
  }

  Future<Void> start() {
    Context context = vertx.getOrCreateContext();
    context.runOnContext(v -> {
      firstSendNanos = System.nanoTime();
      fill();
    });
    return done.future();
  }

  private void fill() {
    while (inFlight < maxInFlight && next < total) {
      int index = next;
      next += step;
      inFlight++;
      vertx.eventBus().request(Bus.EVENTS_SUBMIT, events.apply(index), OPTIONS).onComplete(ar -> {
        inFlight--;
        if (ar.failed()) {
          failures++;
          lastFailure = ar.cause().toString();
        }
        if (next >= total && inFlight == 0) {
          done.tryComplete();
        } else {
          fill();
        }
      });
    }
    if (next >= total && inFlight == 0) {
      done.tryComplete();
    }
  }

  long failures() {
    return failures;
  }

  String lastFailure() {
    return lastFailure;
  }
}
