package io.xpbridge.bench;

import io.vertx.core.json.JsonObject;
import java.util.Arrays;
import java.util.List;

/** Percentiles of latency samples and medians of repeated figures. */
final class Stats {
  private Stats() {}

  /** Nearest-rank percentile of {@code sorted} (ascending), {@code p} in 0..100. */
  static double percentile(double[] sorted, double p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  /** p50/p95/p99/max/count of latencies in milliseconds. */
  static JsonObject latencies(double[] millis) {
    double[] sorted = millis.clone();
    Arrays.sort(sorted);
    return new JsonObject().put("count", sorted.length)
        .put("p50", round(percentile(sorted, 50))).put("p95", round(percentile(sorted, 95)))
        .put("p99", round(percentile(sorted, 99))).put("max", round(sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1]));
  }

  static double median(List<Double> values) {
    if (values.isEmpty()) {
      return Double.NaN;
    }
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  static double round(double value) {
    return Double.isNaN(value) ? value : Math.round(value * 100) / 100.0;
  }
}
