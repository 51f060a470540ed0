package io.xpbridge.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonObject;
import io.xpbridge.bus.Bus;
import io.xpbridge.bus.BusJson;
import io.xpbridge.bus.Reports;
import io.xpbridge.bus.BusClient;
import io.xpbridge.cluster.ClusterNode;
import io.xpbridge.cluster.SingletonJob;
import io.xpbridge.domain.EventStatus;
import io.xpbridge.sync.IntakeLoad;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Turns what the engine publishes on the bus into Prometheus meters: applied and failed events by
 * type, apply latency, effect outcomes, reconcile divergences, bot API errors, and the queue depth
 * (sampled from {@link Bus#QUEUE_DEPTH}; completed is an estimate). Holds no state of its own beyond the meters.
 */
public class MetricsVerticle extends VerticleBase {
  private static final long QUEUE_SAMPLE_MS = 5_000;

  private MeterRegistry registry;
  private BusClient statsClient;
  private final Map<String, AtomicLong> queue = new ConcurrentHashMap<>();

  @Override
  public Future<?> start() {
    registry = Metrics.registry();
    if (registry == null) {
      return Future.succeededFuture();
    }
    DistributionSummary applyLatency = DistributionSummary.builder("xpbridge.apply.latency")
        .description("Time from an event's submit to its ledger commit").baseUnit("milliseconds")
        .publishPercentiles(0.5, 0.95, 0.99).publishPercentileHistogram().register(registry);
    // Read field by field (the shape is Reports.Applied): it comes once per applied batch of up to
    // 10,000 events, and mapping each entry to a record would cost more than the counting itself.
    vertx.eventBus().<JsonObject>localConsumer(Bus.EVENTS_APPLIED, msg -> {
      JsonObject body = msg.body();
      long appliedAt = body.getLong("appliedAt", System.currentTimeMillis());
      body.getJsonArray("events").forEach(o -> {
        JsonObject event = (JsonObject) o;
        counter("xpbridge_events_total", "status", EventStatus.COMPLETED.wireName(), "type", event.getString("type")).increment();
        Long createdAt = event.getLong("createdAt");
        if (createdAt != null) {
          applyLatency.record(Math.max(0, appliedAt - createdAt));
        }
      });
      counter("xpbridge_events_total", "status", EventStatus.FAILED.wireName(), "type", "any").increment(body.getInteger("failed", 0));
    });
    vertx.eventBus().<JsonObject>localConsumer(Bus.METRICS_EFFECTS, msg -> {
      Reports.Effects effects = BusJson.decode(msg.body(), Reports.Effects.class);
      counter("xpbridge_effects_total", "outcome", "delivered", "type", "any").increment(effects.completed());
      counter("xpbridge_effects_total", "outcome", "retry", "type", "any").increment(effects.retrying());
      counter("xpbridge_effects_total", "outcome", "failed", "type", "any").increment(effects.failed());
    });
    vertx.eventBus().<JsonObject>localConsumer(Bus.METRICS_RECONCILE, msg -> {
      Reports.Reconciled pass = BusJson.decode(msg.body(), Reports.Reconciled.class);
      // Rank roles, achievement roles and Telegram's rank: a pass counts them together.
      counter("xpbridge_reconcile_divergences_total", "kind", "all", "type", "any").increment(pass.divergences());
      counter("xpbridge_reconcile_players_total", "kind", "all", "type", "any").increment(pass.players());
    });
    vertx.eventBus().<JsonObject>localConsumer(Bus.METRICS_BOT_API_ERROR, msg ->
        counter("xpbridge_bot_api_errors_total", "platform", msg.body().getString("platform", "unknown"),
            "type", msg.body().getString("kind", "error")).increment());
    for (EventStatus each : EventStatus.values()) {
      String status = each.wireName();
      AtomicLong value = queue.computeIfAbsent(status, s -> new AtomicLong());
      Gauge.builder("xpbridge_queue_events", value, AtomicLong::get).tag("status", status)
          .description("Events in the queue table by status (completed: estimated from PostgreSQL's statistics)").register(registry);
    }
    // Read live, not from the stats query: it must show even while the database is stalled.
    Gauge.builder("xpbridge_intake_waiting", IntakeLoad.of(vertx), IntakeLoad::waiting)
        .description("Submits waiting in memory for a batch slot (bounded by sync.maxWaitingSubmits)").register(registry);
    Gauge.builder("xpbridge_intake_batch_slots", IntakeLoad.of(vertx), IntakeLoad::slots)
        .description("Intake batches this node writes at once: its share of the cluster's budget").register(registry);
    AtomicLong oldest = queue.computeIfAbsent("oldest", s -> new AtomicLong());
    Gauge.builder("xpbridge_queue_oldest_pending_seconds", oldest, AtomicLong::get).register(registry);
    // Which singleton jobs this node runs (1) or leaves to another node (0), tagged with the node's name.
    ClusterNode node = ClusterNode.of(vertx);
    for (SingletonJob job : SingletonJob.values()) {
      Gauge.builder("xpbridge_singleton_held", node, n -> n.holds(job) ? 1 : 0).tag("job", job.wireName())
          .tag("node", node.name()).description("1 while this node runs the singleton job").register(registry);
    }
    statsClient = new BusClient(vertx.eventBus(), 4_000);
    vertx.setPeriodic(QUEUE_SAMPLE_MS, id -> sampleQueue());
    return Future.succeededFuture();
  }

  private void sampleQueue() {
    statsClient.queueDepth().onSuccess(depth -> {
      queue.get("pending").set(depth.pending());
      queue.get("processing").set(depth.processing());
      queue.get("completed").set(depth.completed());
      queue.get("failed").set(depth.failed());
      queue.get("oldest").set(Math.round(depth.oldestPendingAgeSeconds()));
    });
  }

  private Counter counter(String name, String tag1, String value1, String tag2, String value2) {
    return Counter.builder(name).tag(tag1, value1).tag(tag2, value2).register(registry);
  }
}
