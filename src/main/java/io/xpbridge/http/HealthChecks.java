package io.xpbridge.http;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.healthchecks.HealthCheckHandler;
import io.vertx.ext.healthchecks.Status;
import io.xpbridge.bus.Bus;
import io.xpbridge.bus.BusClient;

/**
 * Liveness (the process answers) and readiness (the database answers, and each deployed bot has
 * said it is connected), in the vertx-health-check format that orchestrators understand.
 */
final class HealthChecks {
  private HealthChecks() {}

  static HealthCheckHandler liveness(Vertx vertx) {
    return HealthCheckHandler.create(vertx).register("event-loop", promise -> promise.complete(Status.OK()));
  }

  static HealthCheckHandler readiness(Vertx vertx, JsonObject config) {
    HealthCheckHandler handler = HealthCheckHandler.create(vertx);
    BusClient bus = new BusClient(vertx.eventBus(), 2_500);
    handler.register("database", 3_000, promise -> bus.databaseHealth()
        .onSuccess(reply -> promise.complete(Status.OK()))
        .onFailure(e -> promise.complete(Status.KO(new JsonObject().put("error", e.getMessage())))));
    for (String platform : new String[] {"telegram", "discord"}) {
      String token = config.getJsonObject(platform, new JsonObject()).getString("token");
      if (token == null || token.isBlank()) {
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
