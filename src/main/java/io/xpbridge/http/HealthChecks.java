package io.xpbridge.http;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.healthchecks.HealthCheckHandler;
import io.vertx.ext.healthchecks.Status;
import io.xpbridge.bus.Bus;
import io.xpbridge.bus.BusClient;
import io.xpbridge.bus.BusJson;
import io.xpbridge.bus.Platforms;
import io.xpbridge.cluster.ClusterNode;
import io.xpbridge.cluster.ClusterView;
import io.xpbridge.cluster.SingletonJob;
import io.xpbridge.config.AppConfig;
import io.xpbridge.sync.IntakeLoad;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntSupplier;

/**
 * Liveness (the process answers) and readiness (the database answers, the engine's intake is not
 * saturated, and each deployed bot is connected, or was disconnected no longer than
 * http.botDisconnectGraceSeconds), in the vertx-health-check format that
 * orchestrators understand.
 */
final class HealthChecks {
  private HealthChecks() {}

  static HealthCheckHandler liveness(Vertx vertx) {
    return HealthCheckHandler.create(vertx).register("event-loop", promise -> promise.complete(Status.OK()));
  }

  /** {@code graceSeconds}: how long a bot may stay disconnected and still count as ready (read on each probe). */
  static HealthCheckHandler readiness(Vertx vertx, AppConfig config, IntSupplier graceSeconds) {
    HealthCheckHandler handler = HealthCheckHandler.create(vertx);
    BusClient bus = new BusClient(vertx.eventBus(), 2_500);
    handler.register("database", 3_000, promise -> bus.databaseHealth()
        .onSuccess(reply -> promise.complete(Status.OK()))
        .onFailure(e -> promise.complete(Status.KO(new JsonObject().put("error", e.getMessage())))));
    IntakeLoad intake = IntakeLoad.of(vertx);
    handler.register("intake", promise -> promise.complete(intake.saturated()
        ? Status.KO(new JsonObject().put("error", "saturated: " + intake.waiting() + " of " + intake.capacity()
            + " submits waiting").put("waiting", intake.waiting()).put("capacity", intake.capacity()))
        : Status.OK(new JsonObject().put("waiting", intake.waiting()).put("capacity", intake.capacity()))));
    ClusterNode node = ClusterNode.of(vertx);
    ClusterView view = new ClusterView(vertx, node);
    // Shown, never judged: which node this is and which singleton jobs it runs.
    handler.register("node", promise -> promise.complete(Status.OK(new JsonObject().put("name", node.name())
        .put("singletons", new JsonArray(node.held())))));
    for (SingletonJob job : new SingletonJob[] {SingletonJob.TELEGRAM, SingletonJob.DISCORD}) {
      boolean deployed = job == SingletonJob.TELEGRAM ? config.telegram().hasToken() : config.discord().hasToken();
      if (deployed) {
        registerBot(vertx, handler, job, node, view, graceSeconds);
      }
    }
    return handler;
  }

  /**
   * A bot runs on one node of a cluster: the node running it judges its connection; another node is
   * ready as far as the bot goes while some live node runs it, and judges it as not connected when
   * none does (as a single node whose bot could not start).
   */
  private static void registerBot(Vertx vertx, HealthCheckHandler handler, SingletonJob job, ClusterNode node,
      ClusterView view, IntSupplier graceSeconds) {
    String platform = job.wireName();
    BotConnection connection = new BotConnection(platform, Clock.systemUTC());
    vertx.eventBus().<JsonObject>localConsumer(Bus.PLATFORM_READY, msg -> {
      if (platform.equals(msg.body().getString("platform"))) {
        connection.connected();
      }
    });
    vertx.eventBus().<JsonObject>localConsumer(Bus.PLATFORM_DISCONNECTED, msg -> {
      Platforms.Disconnected report = BusJson.decode(msg.body(), Platforms.Disconnected.class);
      if (platform.equals(report.platform())) {
        connection.disconnected(report.error());
      }
    });
    // Setup problems (roles the bot cannot give, channels it cannot write in) are shown, but leave the
    // bot ready: it still counts XP and gives every other role.
    AtomicReference<JsonArray> problems = new AtomicReference<>(new JsonArray());
    vertx.eventBus().<JsonObject>localConsumer(Bus.PLATFORM_PROBLEMS, msg -> {
      Platforms.SetupProblems report = BusJson.decode(msg.body(), Platforms.SetupProblems.class);
      if (platform.equals(report.platform())) {
        problems.set(problemsJson(report));
      }
    });
    // Shown, not judged: a bot that cannot post announcements still earns XP and gives roles.
    AtomicReference<String> announceProblem = new AtomicReference<>();
    if ("discord".equals(platform)) {
      vertx.eventBus().<JsonObject>localConsumer(Bus.DISCORD_ANNOUNCE_PROBLEM, msg ->
          announceProblem.set(BusJson.decode(msg.body(), Platforms.AnnounceProblem.class).problem()));
    }
    handler.register(platform + "-bot", promise -> {
      if (node.holds(job)) {
        promise.complete(botStatus(connection, graceSeconds, announceProblem, problems));
        return;
      }
      view.holderElsewhere(job).onComplete(holder -> {
        if (holder.succeeded() && holder.result() != null) {
          promise.complete(Status.OK(new JsonObject().put("runsOn", holder.result())));
        } else {
          promise.complete(botStatus(connection, graceSeconds, announceProblem, problems));
        }
      });
    });
  }

  private static Status botStatus(BotConnection connection, IntSupplier graceSeconds,
      AtomicReference<String> announceProblem, AtomicReference<JsonArray> problems) {
    BotConnection.Readiness readiness = connection.readiness(Duration.ofSeconds(graceSeconds.getAsInt()));
    JsonObject detail = new JsonObject();
    if (announceProblem.get() != null) {
      detail.put("announceProblem", announceProblem.get());
    }
    if (readiness.error() != null) {
      detail.put("error", readiness.error());
    }
    if (readiness.disconnectedSince() != null) {
      detail.put("disconnectedSince", readiness.disconnectedSince().toString());
    }
    if (readiness.lastError() != null) {
      detail.put("lastError", readiness.lastError());
    }
    if (!problems.get().isEmpty()) {
      detail.put("problems", problems.get());
    }
    if (!readiness.ready()) {
      return Status.KO(detail);
    }
    return detail.isEmpty() ? Status.OK() : Status.OK(detail);
  }

  private static JsonArray problemsJson(Platforms.SetupProblems report) {
    JsonArray list = new JsonArray();
    for (Platforms.SetupProblem problem : report.problems()) {
      JsonObject entry = new JsonObject().put("cause", problem.cause()).put("name", problem.name())
          .put("fix", problem.fix());
      if (problem.id() != null) {
        entry.put("id", Long.toUnsignedString(problem.id())); // a snowflake does not fit a JS number
      }
      list.add(entry);
    }
    return list;
  }
}
