package io.xpbridge.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.xpbridge.cluster.ClusterSettings;
import io.xpbridge.cluster.ClusterVertx;
import io.vertx.core.VertxOptions;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.micrometer.VertxPrometheusOptions;
import io.vertx.micrometer.backends.BackendRegistries;

/** The Prometheus registry shared by Vert.x's own metrics, the JVM metrics and ours. */
public final class Metrics {
  private Metrics() {}

  /** A single-node Vert.x instance that records metrics for {@code GET /metrics}. */
  public static Vertx newVertx() {
    return Vertx.builder().with(options()).withMetrics(new MicrometerMetricsFactory()).build();
  }

  /**
   * As {@link #newVertx()} when {@code cluster} is not clustered; otherwise a clustered Vert.x that
   * joins the other members (see {@link ClusterVertx}). Fails when the cluster manager cannot start,
   * e.g. its port is taken.
   */
  public static Future<Vertx> newVertx(ClusterSettings cluster) {
    if (!cluster.clustered()) {
      return Future.succeededFuture(newVertx());
    }
    return ClusterVertx.build(Vertx.builder().withMetrics(new MicrometerMetricsFactory()), options(), cluster);
  }

  private static VertxOptions options() {
    MicrometerMetricsOptions metrics = new MicrometerMetricsOptions()
        .setPrometheusOptions(new VertxPrometheusOptions().setEnabled(true).setPublishQuantiles(true))
        .setJvmMetricsEnabled(true)
        .setEnabled(true);
    return new VertxOptions().setMetricsOptions(metrics);
  }

  /** Null when this Vert.x runs without metrics (as in most tests). */
  public static MeterRegistry registry() {
    return BackendRegistries.getDefaultNow();
  }
}
