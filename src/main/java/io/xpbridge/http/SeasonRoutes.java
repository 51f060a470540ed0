package io.xpbridge.http;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.xpbridge.bus.Admin;
import io.xpbridge.bus.Bus;
import io.xpbridge.bus.BusClient;
import io.xpbridge.bus.Seasons;

/**
 * {@code POST /api/v1/seasons} (end the running season, start the next: 201 with the new season),
 * {@code GET /api/v1/seasons} (every season with its top ten) and {@code GET /api/v1/seasons/current}.
 */
final class SeasonRoutes {
  /** A rollover waits for the engine's writes in flight and archives the standings: more than the default. */
  static final long ROLLOVER_TIMEOUT_MS = 60_000;

  private SeasonRoutes() {}

  static void register(Router router, BusClient bus) {
    BusClient patient = bus.withTimeout(ROLLOVER_TIMEOUT_MS);
    router.post("/api/v1/seasons").handler(ctx -> {
      JsonObject body = JsonBodies.objectOrAnswer(ctx);
      String unknown = body == null ? null
          : body.fieldNames().stream().filter(field -> !field.equals("name")).findFirst().orElse(null);
      if (unknown != null) {
        HttpApiVerticle.error(ctx, 400, "unknown field '" + unknown + "': a new season takes only 'name'");
      } else if (body != null) {
        HttpApiVerticle.respond(ctx, () -> patient.request(Bus.SEASONS_START, body, Seasons.SeasonView.class), 201);
      }
    });
    router.get("/api/v1/seasons").handler(ctx -> HttpApiVerticle.respond(ctx,
        () -> bus.request(Bus.SEASONS_LIST, Admin.Empty.INSTANCE, Seasons.SeasonList.class), 200));
    router.get("/api/v1/seasons/current").handler(ctx -> HttpApiVerticle.respond(ctx,
        () -> bus.request(Bus.SEASONS_CURRENT, Admin.Empty.INSTANCE, Seasons.SeasonView.class), 200));
  }
}
