package io.xpbridge.account;

import io.vertx.core.Future;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * One value read at most once per {@code maxAgeMs}; readers that arrive while a read is under way share
 * it, and a read started before {@link #forget} is not kept. With {@code servesStale}, an expired value
 * is still answered while its refresh runs (stale-while-revalidate): no reader waits for a refresh, at
 * the price of answers up to one read older than {@code maxAgeMs}. After {@link #forget} readers wait.
 * Must be used from one context.
 */
final class Snapshot<T> {
  private final Supplier<Future<T>> reader;
  private final LongSupplier clockMs;
  private final long maxAgeMs;
  private final boolean servesStale;
  private T value;
  private long readStartedAtMs;
  private Future<T> reading;
  private long generation;

  Snapshot(Supplier<Future<T>> reader, LongSupplier clockMs, long maxAgeMs) {
    this(reader, clockMs, maxAgeMs, false);
  }

  Snapshot(Supplier<Future<T>> reader, LongSupplier clockMs, long maxAgeMs, boolean servesStale) {
    this.reader = reader;
    this.clockMs = clockMs;
    this.maxAgeMs = maxAgeMs;
    this.servesStale = servesStale;
  }

  Future<T> get() {
    long now = clockMs.getAsLong();
    if (value != null && now - readStartedAtMs < maxAgeMs) {
      return Future.succeededFuture(value);
    }
    if (reading != null) {
      return servesStale && value != null ? Future.succeededFuture(value) : reading;
    }
    T stale = value;
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
    return servesStale && stale != null ? Future.succeededFuture(stale) : read;
  }

  void forget() {
    generation++;
    value = null;
    reading = null;
  }
}
