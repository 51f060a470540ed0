package io.xpbridge.account;

import io.vertx.core.Future;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * One value read at most once per {@code maxAgeMs}; readers that arrive while a read is under way share
 * it, and a read started before {@link #forget} is not kept. Must be used from one context.
 */
final class Snapshot<T> {
  private final Supplier<Future<T>> reader;
  private final LongSupplier clockMs;
  private final long maxAgeMs;
  private T value;
  private long readStartedAtMs;
  private Future<T> reading;
  private long generation;

  Snapshot(Supplier<Future<T>> reader, LongSupplier clockMs, long maxAgeMs) {
    this.reader = reader;
    this.clockMs = clockMs;
    this.maxAgeMs = maxAgeMs;
  }

  Future<T> get() {
    long now = clockMs.getAsLong();
    if (value != null && now - readStartedAtMs < maxAgeMs) {
      return Future.succeededFuture(value);
    }
    if (reading != null) {
      return reading;
    }
    long startedIn = generation;
    Future<T> read = reader.get();
    reading = read;
    read.onComplete(ar -> {
      if (startedIn != generation || reading != read) {
        return;
      }
      reading = null;
      if (ar.succeeded()) {
        value = ar.result();
        readStartedAtMs = now;
      }
    });
    return read;
  }

  void forget() {
    generation++;
    value = null;
    reading = null;
  }
}
