package io.xpbridge.http;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.healthchecks.HealthCheckHandler;
import io.vertx.ext.healthchecks.Status;
import io.xpbridge.bus.Bus;
import io.xpbridge.bus.BusClient;
import io.xpbridge.config.AppConfig;
import io.xpbridge.sync.IntakeLoad;

/**
 * Liveness (the process answers) and readiness (the database answers, the engine's intake is not
 * saturated, and each deployed bot has said it is connected), in the vertx-health-check format that
 * orchestrators understand.
 */
final class HealthChecks {
  private HealthChecks() {}

  static HealthCheckHandler liveness(Vertx vertx) {
    return HealthCheckHandler.create(vertx).register("event-loop", promise -> promise.complete(Status.OK()));
  }

  static HealthCheckHandler readiness(Vertx vertx, AppConfig config) {
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
    for (String platform : new String[] {"telegram", "discord"}) {
      boolean deployed = "telegram".equals(platform) ? config.telegram().hasToken() : config.discord().hasToken();
      if (!deployed) {
        continue;
      }
      boolean[] connected = {false};
      vertx.eventBus().<JsonObject>consumer(Bus.PLATFORM_READY, msg -> {
        if (platform.equals(msg.body().getString("platform"))) {
          connected[0] = true;
        }
      });
      handler.register(platform + "-bot", promise -> promise.complete(connected[0] ? Status.OK()
          : Status.KO(new JsonObject().put("error", "the " + platform + " bot has not connected yet"))));
    }
    return handler;
  }
}
