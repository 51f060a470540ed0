package io.xpbridge.http;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.xpbridge.bus.Bus;
import io.xpbridge.bus.BusClient;
import io.xpbridge.bus.Seasons;
import io.xpbridge.domain.InvalidRequestException;
import java.util.List;

/**
 * {@code GET /api/v1/leaderboard?season=current|all|<id>&limit=N&offset=M&language=xx}: a page of
 * standings, checked and answered by {@code Bus.LEADERBOARD} (400 naming the bad parameter, 404 for a
 * season that does not exist). Here only the numbers are read out of the query string.
 */
final class LeaderboardRoutes {
  static final String PATH = "/api/v1/leaderboard";

  private final BusClient bus;

  private LeaderboardRoutes(BusClient bus) {
    this.bus = bus;
  }

  static void mount(Router router, BusClient bus) {
    router.get(PATH).handler(new LeaderboardRoutes(bus)::leaderboard);
  }

  private void leaderboard(RoutingContext ctx) {
    HttpApiVerticle.respond(ctx, () -> bus.request(Bus.LEADERBOARD, new Seasons.LeaderboardQuery(
        text(ctx, "season"), number(ctx, "limit"), number(ctx, "offset"), text(ctx, "language")),
        Seasons.Leaderboard.class), 200);
  }

  /** A parameter given at most once; null when absent. */
  private static String text(RoutingContext ctx, String name) {
    List<String> values = ctx.queryParam(name);
    if (values.size() > 1) {
      throw new InvalidRequestException("'" + name + "' is given " + values.size() + " times; give it once");
    }
    return values.isEmpty() ? null : values.get(0);
  }

  private static Integer number(RoutingContext ctx, String name) {
    String value = text(ctx, name);
    if (value == null) {
      return null;
    }
    try {
      return Integer.valueOf(value.trim());
    } catch (NumberFormatException e) {
      throw new InvalidRequestException("'" + name + "' must be a whole number, got '"
          + (value.length() <= 32 ? value : value.substring(0, 32) + "…") + "'");
    }
  }
}
