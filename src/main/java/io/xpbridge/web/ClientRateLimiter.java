package io.xpbridge.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * A token bucket per client address: {@code ratePerSecond} requests a second on average, up to
 * {@code burst} at once. Memory is bounded: at most {@link #MAX_CLIENTS} buckets, the least recently
 * seen dropped first. Dropping a bucket that has refilled to full changes nothing; dropping a busy one
 * only forgives that client a burst, which is the price of not growing without bound under a flood of
 * addresses. Must be used from one context.
 */
final class ClientRateLimiter {
  static final int MAX_CLIENTS = 10_000;

  /** Whether the request may go ahead; when not, how many whole seconds until it may. */
  record Verdict(boolean allowed, long retryAfterSeconds) {}

  private static final class Bucket {
    double tokens;
    long refilledAtNanos;
  }

  private final LongSupplier clockNanos;
  private final Map<String, Bucket> buckets = new LinkedHashMap<>(256, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
      return size() > MAX_CLIENTS;
    }
  };

  ClientRateLimiter(LongSupplier clockNanos) {
    this.clockNanos = clockNanos;
  }

  Verdict take(String client, double ratePerSecond, int burst) {
    long now = clockNanos.getAsLong();
    Bucket bucket = buckets.get(client);
    if (bucket == null) {
      bucket = new Bucket();
      bucket.tokens = burst;
      bucket.refilledAtNanos = now;
      buckets.put(client, bucket);
    } else {
      double earned = (now - bucket.refilledAtNanos) / 1e9 * ratePerSecond;
      bucket.tokens = Math.min(burst, bucket.tokens + earned);
      bucket.refilledAtNanos = now;
    }
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return new Verdict(true, 0);
    }
    long wait = (long) Math.ceil((1 - bucket.tokens) / ratePerSecond);
    return new Verdict(false, Math.max(1, wait));
  }

  int clients() {
    return buckets.size();
  }
}
