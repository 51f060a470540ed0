package io.xpbridge.http;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
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
import io.xpbridge.cluster.ClusterNode;
import io.xpbridge.cluster.ClusterView;
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
  /** {@link SubmitRoutes#MAX_BATCH} events of a few hundred bytes each. */
  private static final long MAX_BATCH_BODY_BYTES = 1024 * 1024;

  private volatile String adminToken;
  private volatile String metricsToken;
  private volatile int botDisconnectGraceSeconds;
  private volatile long importMaxBytes;
  /** {@code web.title}, applied live to the pages. */
  private volatile String webTitle;
  private HttpServer server;

  @Override
  public Future<?> start() {
    AppConfig config = AppConfig.parse(config());
    HttpSettings settings = config.http();
    adminToken = settings.adminToken();
    metricsToken = settings.metricsToken();
    botDisconnectGraceSeconds = settings.botDisconnectGraceSeconds();
    importMaxBytes = settings.importMaxBytes();
    webTitle = config.web().title();
    vertx.eventBus().<AppConfig>localConsumer(Bus.CONFIG_CHANGED, msg -> {
      webTitle = msg.body().web().title();
      adminToken = msg.body().http().adminToken();
      metricsToken = msg.body().http().metricsToken();
      botDisconnectGraceSeconds = msg.body().http().botDisconnectGraceSeconds();
      importMaxBytes = msg.body().http().importMaxBytes();
    });
    BusClient bus = new BusClient(vertx.eventBus());
    SubmitRoutes submits = new SubmitRoutes(bus);
    Router router = Router.router(vertx);
    // Open unless http.metricsToken is set: orchestrators probe health and scrape metrics without one.
    AdminAuth management = new AdminAuth(() -> metricsToken, "XPBRIDGE_METRICS_TOKEN");
    router.route("/health*").handler(ctx -> guardManagement(ctx, management));
    router.route("/metrics").handler(ctx -> guardManagement(ctx, management));
    router.get("/health").handler(ctx -> respond(ctx, bus::databaseHealth, 200));
    router.get("/health/live").handler(HealthChecks.liveness(vertx));
    router.get("/health/ready").handler(HealthChecks.readiness(vertx, config, () -> botDisconnectGraceSeconds));
    if (io.xpbridge.metrics.Metrics.registry() != null) {
      router.get("/metrics").handler(io.vertx.micrometer.PrometheusScrapingHandler.create());
    } else {
      router.get("/metrics").handler(ctx -> error(ctx, 503, "metrics are not enabled in this process"));
    }
    router.route("/api/v1/*").handler(new AdminAuth(() -> adminToken, "XPBRIDGE_ADMIN_TOKEN"));
    // Before the body handler below: an imported file is streamed to disk, not read into memory.
    ImportRoutes.mount(router, vertx, () -> importMaxBytes);
    router.post("/api/v1/events/batch").handler(BodyHandler.create().setBodyLimit(MAX_BATCH_BODY_BYTES));
    router.route("/api/v1/*").handler(BodyHandler.create().setBodyLimit(MAX_BODY_BYTES));
    router.get("/api/v1/stats").handler(ctx -> respond(ctx, bus::stats, 200));
    AdminPlayerRoutes.mount(router, bus);
    router.get("/api/v1/players/:id").handler(ctx -> respond(ctx,
        () -> bus.profile(Players.ProfileQuery.player(pathId(ctx, "playerId"))), 200));
    router.post("/api/v1/events").handler(submits::single);
    router.post("/api/v1/events/batch").handler(submits::batch);
    router.post("/api/v1/events/:id/requeue").handler(ctx -> respond(ctx,
        () -> bus.requeue(new Admin.Requeue(pathId(ctx, "eventId"))), 200));
    router.post("/api/v1/boosts").handler(ctx -> {
      JsonObject body = JsonBodies.objectOrAnswer(ctx);
      if (body != null) {
        respond(ctx, () -> bus.request(Bus.BOOSTS_START, body, Admin.BoostView.class), 201);
      }
    });
    router.get("/api/v1/boosts").handler(ctx -> respond(ctx,
        () -> bus.request(Bus.BOOSTS_LIST, Admin.Empty.INSTANCE, Admin.Boosts.class), 200));
    SeasonRoutes.register(router, bus);
    LeaderboardRoutes.mount(router, bus);
    ExportRoutes.mount(router, bus);
    // RANK_CARD serves the bots' /rank whatever web.enabled says; only the public routes depend on it.
    io.xpbridge.web.CardRoutes cards = io.xpbridge.web.CardRoutes.start(vertx, bus);
    if (config.web().enabled()) {
      io.xpbridge.web.PublicApiRoutes.mount(vertx, router, bus, config);
      cards.mount(router);
      io.xpbridge.web.PageRoutes.mount(router, bus, () -> webTitle);
      io.xpbridge.web.AvatarRoutes.mount(vertx, router, bus);
    }
    router.post("/api/v1/reconcile").handler(ctx -> respond(ctx, () -> bus.reconcile(new Admin.ReconcileRun(null)), 200));
    router.post("/api/v1/cleanup").handler(ctx -> respond(ctx, bus::cleanup, 200));
    ClusterNode node = ClusterNode.of(vertx);
    ClusterView clusterView = new ClusterView(vertx, node);
    router.get("/api/v1/cluster").handler(ctx -> clusterView.nodes()
        .onSuccess(nodes -> json(ctx, 200, new JsonObject().put("self", node.name())
            .put("nodes", new io.vertx.core.json.JsonArray(nodes))))
        .onFailure(failure -> failed(ctx, failure)));
    router.route().last().handler(ctx -> error(ctx, 404, "no such endpoint: " + ctx.request().method() + " "
        + ctx.request().path()));
    router.errorHandler(500, ctx -> {
      LOG.warn("HTTP handler failed: {}", String.valueOf(ctx.failure()));
      error(ctx, 500, "internal error");
    });
    router.errorHandler(413, ctx -> error(ctx, 413, "body larger than " + (ctx.request().path().endsWith("/batch")
        ? MAX_BATCH_BODY_BYTES : MAX_BODY_BYTES) + " bytes"));

    // HTTP/1.1 only: the admin API has no use for cleartext HTTP/2, and the h2c detection path lost the
    // very first request of a fresh process to a metrics NullPointerException (Vert.x 5.0 with micrometer).
    return vertx.createHttpServer(new HttpServerOptions().setHttp2ClearTextEnabled(false))
        .requestHandler(router).listen(settings.port(), settings.host())
        .onSuccess(s -> {
          server = s;
          vertx.sharedData().getLocalMap("xpbridge").put(PORT_KEY, s.actualPort());
          LOG.info("HTTP API listening on {}:{}{}", settings.host(), s.actualPort(),
              adminToken == null ? " (admin routes disabled: no admin token set)" : "");
        });
  }

  private void guardManagement(RoutingContext ctx, AdminAuth auth) {
    if (metricsToken == null) {
      ctx.next();
    } else {
      auth.handle(ctx);
    }
  }

  /** The id in the path, checked as the bus checks ids (a number, positive). */
  private static long pathId(RoutingContext ctx, String field) {
    return SubmitMessage.optionalId(new JsonObject().put(field, ctx.pathParam("id")), field);
  }

  static void respond(RoutingContext ctx, Supplier<Future<?>> request, int okStatus) {
    Future<?> reply;
    try {
      reply = request.get();
    } catch (InvalidRequestException | IllegalArgumentException e) {
      error(ctx, 400, e.getMessage());
      return;
    }
    reply.onSuccess(body -> json(ctx, okStatus, BusJson.encode(body))).onFailure(failure -> failed(ctx, failure));
  }

  static void failedRequest(RoutingContext ctx, Throwable failure) {
    failed(ctx, failure);
  }

  private static void failed(RoutingContext ctx, Throwable failure) {
    int code = BusClient.failureCode(failure);
    if (code >= 400 && code < 600) {
      error(ctx, code, failure.getMessage());
    } else {
      error(ctx, 503, "service unavailable: " + failure.getMessage());
    }
  }

  static void json(RoutingContext ctx, int status, JsonObject body) {
    ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body.encode());
  }

  static void error(RoutingContext ctx, int status, String message) {
    if (ctx.response().ended()) {
      return;
    }
    json(ctx, status, new JsonObject().put("error", message));
  }
}
