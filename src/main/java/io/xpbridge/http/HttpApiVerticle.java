package io.xpbridge.http;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.xpbridge.bus.Bus;
import io.xpbridge.config.AppConfig;
import io.xpbridge.config.HttpSettings;
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
    Router router = Router.router(vertx);
    router.get("/health").handler(ctx -> forward(ctx, Bus.HEALTH_DATABASE, new JsonObject(), 200));
    router.get("/health/live").handler(HealthChecks.liveness(vertx));
    router.get("/health/ready").handler(HealthChecks.readiness(vertx, config));
    if (io.xpbridge.metrics.Metrics.registry() != null) {
      router.get("/metrics").handler(io.vertx.micrometer.PrometheusScrapingHandler.create());
    } else {
      router.get("/metrics").handler(ctx -> error(ctx, 503, "metrics are not enabled in this process"));
    }
    router.route("/api/v1/*").handler(new AdminAuth(() -> adminToken));
    router.route("/api/v1/*").handler(BodyHandler.create().setBodyLimit(MAX_BODY_BYTES));
    router.get("/api/v1/stats").handler(ctx -> forward(ctx, Bus.STATS, new JsonObject(), 200));
    router.get("/api/v1/players/:id").handler(ctx -> forward(ctx, Bus.PLAYERS_PROFILE,
        new JsonObject().put("playerId", ctx.pathParam("id")), 200));
    router.post("/api/v1/events").handler(ctx -> {
      JsonObject body = jsonBody(ctx);
      if (body != null) {
        forward(ctx, Bus.EVENTS_SUBMIT, body, 202);
      }
    });
    router.post("/api/v1/events/:id/requeue").handler(ctx -> forward(ctx, Bus.EVENTS_REQUEUE,
        new JsonObject().put("eventId", ctx.pathParam("id")), 200));
    router.post("/api/v1/reconcile").handler(ctx -> forward(ctx, Bus.RECONCILE_RUN_NOW, new JsonObject(), 200));
    router.post("/api/v1/cleanup").handler(ctx -> forward(ctx, Bus.CLEANUP_RUN_NOW, new JsonObject(), 200));
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

  private void forward(RoutingContext ctx, String address, JsonObject message, int okStatus) {
    vertx.eventBus().<JsonObject>request(address, message, new DeliveryOptions().setSendTimeout(Bus.REQUEST_TIMEOUT_MS))
        .onSuccess(reply -> ctx.response().setStatusCode(okStatus).putHeader("Content-Type", "application/json")
            .end(reply.body().encode()))
        .onFailure(failure -> {
          if (failure instanceof ReplyException reply && reply.failureType() == ReplyFailure.RECIPIENT_FAILURE) {
            int code = reply.failureCode();
            error(ctx, code >= 400 && code < 600 ? code : 500, reply.getMessage());
          } else {
            error(ctx, 503, "service unavailable: " + failure.getMessage());
          }
        });
  }

  private static void error(RoutingContext ctx, int status, String message) {
    if (ctx.response().ended()) {
      return;
    }
    ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json")
        .end(new JsonObject().put("error", message).encode());
  }
}
