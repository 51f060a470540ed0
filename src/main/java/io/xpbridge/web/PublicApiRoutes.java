package io.xpbridge.web;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.xpbridge.bus.Bus;
import io.xpbridge.bus.BusClient;
import io.xpbridge.bus.BusJson;
import io.xpbridge.bus.Web;
import io.xpbridge.config.AppConfig;
import io.xpbridge.config.WebSettings;
import io.xpbridge.domain.InvalidRequestException;
import java.util.List;

/**
 * {@code GET /api/public/leaderboard?season=current|all|<id>&page=N&lang=ru|en}: the public leaderboard
 * as JSON ({@link Web.Standings}, the same data as the page), for communities that embed it. No token,
 * CORS open to every origin, and a token bucket per client address (web.publicApiRatePerSecond,
 * web.publicApiBurst) answering 429 with {@code Retry-After} beyond it. The address is the TCP peer's:
 * behind a reverse proxy every visitor shares the proxy's bucket, so raise the limits there.
 * 400 names a bad parameter, 404 an unknown season; both as {@code {"error": ...}}.
 */
public final class PublicApiRoutes {
  public static final String LEADERBOARD_PATH = "/api/public/leaderboard";

  private final BusClient bus;
  private final ClientRateLimiter limiter = new ClientRateLimiter(System::nanoTime);
  private volatile WebSettings settings;

  private PublicApiRoutes(BusClient bus, WebSettings settings) {
    this.bus = bus;
    this.settings = settings;
  }

  /** Mounts the public JSON on {@code router}; call only when {@code web.enabled}. */
  public static void mount(Vertx vertx, Router router, BusClient bus, AppConfig config) {
    PublicApiRoutes routes = new PublicApiRoutes(bus, config.web());
    vertx.eventBus().<AppConfig>localConsumer(Bus.CONFIG_CHANGED, msg -> routes.settings = msg.body().web());
    router.route(LEADERBOARD_PATH).handler(PublicApiRoutes::cors);
    router.route(LEADERBOARD_PATH).method(HttpMethod.OPTIONS).handler(PublicApiRoutes::preflight);
    router.get(LEADERBOARD_PATH).handler(routes::limit).handler(routes::leaderboard);
  }

  private static void cors(RoutingContext ctx) {
    ctx.response().putHeader("Access-Control-Allow-Origin", "*")
        .putHeader("Access-Control-Expose-Headers", "Retry-After");
    ctx.next();
  }

  private static void preflight(RoutingContext ctx) {
    ctx.response().setStatusCode(204)
        .putHeader("Access-Control-Allow-Methods", "GET, OPTIONS")
        .putHeader("Access-Control-Allow-Headers", "Content-Type, Accept, Accept-Language")
        .putHeader("Access-Control-Max-Age", "86400")
        .end();
  }

  private void limit(RoutingContext ctx) {
    WebSettings now = settings;
    String client = ctx.request().remoteAddress() == null ? "unknown" : ctx.request().remoteAddress().host();
    ClientRateLimiter.Verdict verdict = limiter.take(client, now.publicApiRatePerSecond(), now.publicApiBurst());
    if (verdict.allowed()) {
      ctx.next();
      return;
    }
    ctx.response().putHeader("Retry-After", Long.toString(verdict.retryAfterSeconds()));
    error(ctx, 429, "too many requests from " + client + "; try again in " + verdict.retryAfterSeconds() + " s");
  }

  private void leaderboard(RoutingContext ctx) {
    Web.StandingsQuery query;
    try {
      query = new Web.StandingsQuery(param(ctx, "season"), page(ctx), RequestLanguage.of(ctx, param(ctx, "lang")));
    } catch (InvalidRequestException e) {
      error(ctx, 400, e.getMessage());
      return;
    }
    bus.request(Bus.PUBLIC_STANDINGS, query, Web.Standings.class)
        .onSuccess(standings -> ctx.response().setStatusCode(200)
            .putHeader("Content-Type", "application/json; charset=utf-8")
            .putHeader("Vary", "Accept-Language")
            .putHeader("Cache-Control", "public, max-age=1")
            .end(BusJson.encode(withPublicAvatars(standings, settings.publicBaseUrl())).encode()))
        .onFailure(failure -> {
          int code = BusClient.failureCode(failure);
          // The bus names the field as the engine calls it; the public parameter is "lang".
          String text = code == 400 ? failure.getMessage().replace("'language'", "'lang'") : failure.getMessage();
          error(ctx, code == 400 || code == 404 ? code : 503, code == 400 || code == 404 ? text
              : "the leaderboard is not available right now; try again shortly");
        });
  }

  /**
   * Avatars as {@code /avatars/<publicId>.png} ({@link AvatarRoutes}; absolute under web.publicBaseUrl
   * when set): a custom avatar's CDN address holds the member's Discord id, which is never published.
   */
  static Web.Standings withPublicAvatars(Web.Standings standings, String publicBaseUrl) {
    String base = publicBaseUrl == null ? "" : publicBaseUrl;
    List<Web.Entry> players = standings.players().stream().map(entry -> new Web.Entry(entry.place(),
        entry.publicId(), entry.name(), Avatar.usable(entry.avatarUrl()) ? base + Avatar.path(entry.publicId()) : null,
        entry.xp(), entry.rank())).toList();
    return new Web.Standings(standings.scope(), standings.seasonId(), standings.seasonName(), standings.page(),
        standings.pageSize(), standings.total(), standings.pages(), players, standings.seasons());
  }

  private static Integer page(RoutingContext ctx) {
    String value = param(ctx, "page");
    if (value == null) {
      return null;
    }
    try {
      return Integer.valueOf(value.trim());
    } catch (NumberFormatException e) {
      throw new InvalidRequestException("'page' must be a whole number from 1, got '"
          + (value.length() <= 32 ? value : value.substring(0, 32) + "…") + "'");
    }
  }

  /** A parameter given at most once; null when absent. */
  private static String param(RoutingContext ctx, String name) {
    List<String> values = ctx.queryParam(name);
    if (values.size() > 1) {
      throw new InvalidRequestException("'" + name + "' is given " + values.size() + " times; give it once");
    }
    return values.isEmpty() ? null : values.get(0);
  }

  private static void error(RoutingContext ctx, int status, String message) {
    if (ctx.response().ended()) {
      return;
    }
    ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json; charset=utf-8")
        .end(new JsonObject().put("error", message).encode());
  }
}
