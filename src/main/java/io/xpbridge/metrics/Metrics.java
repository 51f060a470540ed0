package io.xpbridge.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.micrometer.VertxPrometheusOptions;
import io.vertx.micrometer.backends.BackendRegistries;

/** The Prometheus registry shared by Vert.x's own metrics, the JVM metrics and ours. */
public final class Metrics {
  private Metrics() {}

  /** A Vert.x instance that records metrics for {@code GET /metrics}. */
  public static Vertx newVertx() {
    MicrometerMetricsOptions metrics = new MicrometerMetricsOptions()
        .setPrometheusOptions(new VertxPrometheusOptions().setEnabled(true).setPublishQuantiles(true))
        .setJvmMetricsEnabled(true)
        .setEnabled(true);
    return Vertx.builder().with(new VertxOptions().setMetricsOptions(metrics))
        .withMetrics(new MicrometerMetricsFactory()).build();
  }

  /** Null when this Vert.x runs without metrics (as in most tests). */
  public static MeterRegistry registry() {
    return BackendRegistries.getDefaultNow();
  }
}
