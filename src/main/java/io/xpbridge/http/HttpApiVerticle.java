package io.xpbridge.http;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.xpbridge.bus.Admin;
import io.xpbridge.bus.Bus;
import io.xpbridge.bus.BusClient;
import io.xpbridge.bus.BusJson;
import io.xpbridge.bus.Players;
import io.xpbridge.bus.SubmitMessage;
import io.xpbridge.bus.SubmitReply;
import io.xpbridge.config.AppConfig;
import io.xpbridge.config.HttpSettings;
import io.xpbridge.domain.InvalidRequestException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The admin HTTP API: stats, players, manual events, requeue, health. Talks to the rest over the bus. */
public class HttpApiVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(HttpApiVerticle.class);
  /** Local shared-map key holding the port actually bound (useful with port 0). */
  public static final String PORT_KEY = "http.port";
  private static final long MAX_BODY_BYTES = 64 * 1024;

  private volatile String adminToken;
  private HttpServer server;

  @Override
  public Future<?> start() {
    AppConfig config = AppConfig.parse(config());
    HttpSettings settings = config.http();
    adminToken = settings.adminToken();
    vertx.eventBus().<AppConfig>consumer(Bus.CONFIG_CHANGED, msg -> adminToken = msg.body().http().adminToken());
    BusClient bus = new BusClient(vertx.eventBus());
    Router router = Router.router(vertx);
    router.get("/health").handler(ctx -> respond(ctx, bus::databaseHealth, 200));
    router.get("/health/live").handler(HealthChecks.liveness(vertx));
    router.get("/health/ready").handler(HealthChecks.readiness(vertx, config));
    if (io.xpbridge.metrics.Metrics.registry() != null) {
      router.get("/metrics").handler(io.vertx.micrometer.PrometheusScrapingHandler.create());
    } else {
      router.get("/metrics").handler(ctx -> error(ctx, 503, "metrics are not enabled in this process"));
    }
    router.route("/api/v1/*").handler(new AdminAuth(() -> adminToken));
    router.route("/api/v1/*").handler(BodyHandler.create().setBodyLimit(MAX_BODY_BYTES));
    router.get("/api/v1/stats").handler(ctx -> respond(ctx, bus::stats, 200));
    router.get("/api/v1/players/:id").handler(ctx -> respond(ctx,
        () -> bus.profile(Players.ProfileQuery.player(pathId(ctx, "playerId"))), 200));
    router.post("/api/v1/events").handler(ctx -> {
      JsonObject body = jsonBody(ctx);
      if (body != null) {
        bus.submit(body).onSuccess(reply -> submitted(ctx, reply)).onFailure(failure -> failed(ctx, failure));
      }
    });
    router.post("/api/v1/events/:id/requeue").handler(ctx -> respond(ctx,
        () -> bus.requeue(new Admin.Requeue(pathId(ctx, "eventId"))), 200));
    router.post("/api/v1/reconcile").handler(ctx -> respond(ctx, () -> bus.reconcile(new Admin.ReconcileRun(null)), 200));
    router.post("/api/v1/cleanup").handler(ctx -> respond(ctx, bus::cleanup, 200));
    router.route().last().handler(ctx -> error(ctx, 404, "no such endpoint: " + ctx.request().method() + " "
        + ctx.request().path()));
    router.errorHandler(500, ctx -> {
      LOG.warn("HTTP handler failed: {}", String.valueOf(ctx.failure()));
      error(ctx, 500, "internal error");
    });
    router.errorHandler(413, ctx -> error(ctx, 413, "body larger than " + MAX_BODY_BYTES + " bytes"));

    return vertx.createHttpServer().requestHandler(router).listen(settings.port(), settings.host())
        .onSuccess(s -> {
          server = s;
          vertx.sharedData().getLocalMap("xpbridge").put(PORT_KEY, s.actualPort());
          LOG.info("HTTP API listening on {}:{}{}", settings.host(), s.actualPort(),
              adminToken == null ? " (admin routes disabled: no admin token set)" : "");
        });
  }

  private static JsonObject jsonBody(RoutingContext ctx) {
    try {
      Object value = ctx.body().buffer() == null ? null : io.vertx.core.json.Json.decodeValue(ctx.body().buffer());
      if (value instanceof JsonObject object) {
        return object;
      }
      error(ctx, 400, "the body must be a JSON object");
    } catch (DecodeException e) {
      error(ctx, 400, "the body is not valid JSON: " + e.getMessage());
    }
    return null;
  }

  /** The id in the path, checked as the bus checks ids (a number, positive). */
  private static long pathId(RoutingContext ctx, String field) {
    return SubmitMessage.optionalId(new JsonObject().put(field, ctx.pathParam("id")), field);
  }

  private static void respond(RoutingContext ctx, Supplier<Future<?>> request, int okStatus) {
    Future<?> reply;
    try {
      reply = request.get();
    } catch (InvalidRequestException | IllegalArgumentException e) {
      error(ctx, 400, e.getMessage());
      return;
    }
    reply.onSuccess(body -> json(ctx, okStatus, BusJson.encode(body))).onFailure(failure -> failed(ctx, failure));
  }

  /**
   * 202 when the event was applied or queued; 200 for a key already spent (the first event's outcome);
   * 422 when the ledger refused it, so a script sees at once that nothing changed.
   */
  private static void submitted(RoutingContext ctx, SubmitReply reply) {
    if (reply.duplicate()) {
      json(ctx, 200, BusJson.encode(reply));
    } else if (reply.refused()) {
      json(ctx, 422, new JsonObject().put("error", reply.error() == null ? "the ledger refused the event" : reply.error())
          .put("eventId", reply.eventId()));
    } else {
      json(ctx, 202, BusJson.encode(reply));
    }
  }

  private static void failed(RoutingContext ctx, Throwable failure) {
    int code = BusClient.failureCode(failure);
    if (code >= 400 && code < 600) {
      error(ctx, code, failure.getMessage());
    } else {
      error(ctx, 503, "service unavailable: " + failure.getMessage());
    }
  }

  private static void json(RoutingContext ctx, int status, JsonObject body) {
    ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body.encode());
  }

  private static void error(RoutingContext ctx, int status, String message) {
    if (ctx.response().ended()) {
      return;
    }
    json(ctx, status, new JsonObject().put("error", message));
  }
}
