package io.xpbridge.web;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;
import io.xpbridge.bus.Bus;
import io.xpbridge.bus.BusClient;
import io.xpbridge.bus.Web;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The public HTML pages, without a token: {@code GET /} and {@code /leaderboard}
 * ({@code ?season=current|all|<id>}, {@code ?page=N}, {@code ?lang=ru|en}), {@code GET /players/{publicId}},
 * and their stylesheet under {@code /static/}. Data comes from {@link Bus#PUBLIC_STANDINGS} and
 * {@link Bus#PUBLIC_PLAYER}; a malformed {@code page} or {@code season} is a 400 page naming it, an
 * unknown season, page or player a 404 page, a bus that does not answer a 503 page.
 */
public final class PageRoutes {
  private static final Logger LOG = LoggerFactory.getLogger(PageRoutes.class);
  /** Public ids are opaque and random; anything else is not one, and is answered without asking the bus. */
  private static final Pattern PUBLIC_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
  private static final Pattern SEASON_ID = Pattern.compile("[1-9][0-9]{0,8}");
  private static final Pattern PAGE = Pattern.compile("[1-9][0-9]{0,8}");
  // No script at all, styles only from our jar: an escaping slip could still not run anything.
  private static final String CONTENT_SECURITY_POLICY =
      "default-src 'none'; style-src 'self'; img-src 'self' https:; base-uri 'none'; form-action 'none'";
  static final long STATIC_MAX_AGE_SECONDS = 24 * 3600;
  static final int RETRY_AFTER_SECONDS = 30;

  private final BusClient bus;
  private final Pages pages;

  private PageRoutes(BusClient bus, Supplier<String> title) {
    this.bus = bus;
    this.pages = new Pages(title);
  }

  /** Mounts the pages (the caller checks {@code web.enabled}); {@code title} is {@code web.title} as it is now. */
  public static void mount(Router router, BusClient bus, Supplier<String> title) {
    PageRoutes routes = new PageRoutes(bus, title);
    router.get("/").handler(routes::leaderboard);
    router.get("/leaderboard").handler(routes::leaderboard);
    router.get("/players/:publicId").handler(routes::player);
    router.get("/static/*").handler(StaticHandler.create("web/static").setMaxAgeSeconds(STATIC_MAX_AGE_SECONDS));
  }

  private void leaderboard(RoutingContext ctx) {
    Pages.View view = view(ctx, "current");
    String season;
    String pageText;
    try {
      season = single(ctx, "season");
      pageText = single(ctx, "page");
    } catch (TwiceGiven twice) {
      page(ctx, 400, pages.error(400, view.texts().html("error.twice", twice.getMessage()), view));
      return;
    }
    if (season != null && !season.equals("current") && !season.equals("all") && !SEASON_ID.matcher(season).matches()) {
      page(ctx, 400, pages.error(400, view.texts().html("error.badSeason", shortened(season)), view));
      return;
    }
    if (pageText != null && !PAGE.matcher(pageText).matches()) {
      page(ctx, 400, pages.error(400, view.texts().html("error.badPage", shortened(pageText)), view));
      return;
    }
    Pages.View asked = new Pages.View(season == null ? "current" : season, view.explicitLanguage(), view.texts());
    int pageNumber = pageText == null ? 1 : Integer.parseInt(pageText);
    bus.request(Bus.PUBLIC_STANDINGS, new Web.StandingsQuery(asked.season(), pageNumber, asked.texts().language()),
            Web.Standings.class)
        .onSuccess(standings -> {
          if (standings.players().isEmpty() && pageNumber > Math.max(1, standings.pages())) {
            page(ctx, 404, pages.error(404, asked.texts().html("error.noPage", pageNumber,
                Math.max(1, standings.pages())), asked));
          } else {
            page(ctx, 200, pages.leaderboard(standings, asked));
          }
        })
        .onFailure(failure -> failed(ctx, failure, "error.noSeason", asked));
  }

  private void player(RoutingContext ctx) {
    Pages.View view = view(ctx, "current");
    String publicId = ctx.pathParam("publicId");
    if (publicId == null || !PUBLIC_ID.matcher(publicId).matches()) {
      page(ctx, 404, pages.error(404, view.texts().html("error.noPlayer"), view));
      return;
    }
    bus.request(Bus.PUBLIC_PLAYER, new Web.PlayerQuery(publicId, null, null, view.texts().language()),
            Web.Player.class)
        .onSuccess(player -> page(ctx, 200, pages.player(player, view)))
        .onFailure(failure -> failed(ctx, failure, "error.noPlayer", view));
  }

  private void failed(RoutingContext ctx, Throwable failure, String notFoundKey, Pages.View view) {
    int code = BusClient.failureCode(failure);
    if (code == 404) {
      page(ctx, 404, pages.error(404, view.texts().html(notFoundKey), view));
    } else if (code == 400) {
      // The producer names the bad field; its words are shown as text.
      page(ctx, 400, pages.error(400, Html.escape(failure.getMessage()), view));
    } else {
      LOG.warn("Public page {} not answered: {}", ctx.request().path(), String.valueOf(failure));
      ctx.response().putHeader("Retry-After", Integer.toString(RETRY_AFTER_SECONDS));
      page(ctx, 503, pages.error(503, view.texts().html("error.unavailable"), view));
    }
  }

  private static Pages.View view(RoutingContext ctx, String season) {
    String queryLang = ctx.queryParam("lang").isEmpty() ? null : ctx.queryParam("lang").get(0);
    String explicit = PageLanguage.supported(queryLang);
    String language = PageLanguage.choose(queryLang, ctx.request().getHeader("Accept-Language"));
    return new Pages.View(season, explicit, PageTexts.of(language));
  }

  private static String single(RoutingContext ctx, String name) {
    List<String> values = ctx.queryParam(name);
    if (values.size() > 1) {
      throw new TwiceGiven(name);
    }
    return values.isEmpty() ? null : values.get(0);
  }

  private static String shortened(String value) {
    return value.length() <= 32 ? value : value.substring(0, 32) + "…";
  }

  private static void page(RoutingContext ctx, int status, String html) {
    if (ctx.response().ended()) {
      return;
    }
    ctx.response().setStatusCode(status)
        .putHeader("Content-Type", "text/html; charset=utf-8")
        // Standings move with every message; a page is cheap to ask again, so nothing keeps a stale one.
        .putHeader("Cache-Control", "no-cache")
        .putHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        .putHeader("X-Content-Type-Options", "nosniff")
        .putHeader("Vary", "Accept-Language")
        .end(html);
  }

  private static final class TwiceGiven extends RuntimeException {
    TwiceGiven(String name) {
      super(name, null, false, false);
    }
  }
}
