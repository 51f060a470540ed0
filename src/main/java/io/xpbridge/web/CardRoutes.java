package io.xpbridge.web;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.xpbridge.bus.Bus;
import io.xpbridge.bus.BusClient;
import io.xpbridge.bus.BusServer;
import io.xpbridge.bus.Web;
import java.util.Base64;

/**
 * {@code GET /cards/{publicId}.png} (no token) and {@link Bus#RANK_CARD} for the bots, both from
 * the same {@link RankCards} cache. The player comes from {@link Bus#PUBLIC_PLAYER} on every request
 * (its answer decides the ETag), so a 304 costs one bus round trip and no drawing.
 */
public final class CardRoutes {
  /** Public ids are opaque random strings; anything else is not a card. */
  static final String PATH = "/cards/([A-Za-z0-9_-]{1,64})\\.png";

  private final BusClient bus;
  private final RankCards cards;

  private CardRoutes(BusClient bus, RankCards cards) {
    this.bus = bus;
    this.cards = cards;
  }

  /**
   * Starts the card cache and answers {@link Bus#RANK_CARD}, which the bots' {@code /rank} needs even
   * with the web pages off ({@code web.enabled} false); {@link #mount} adds the public route. Once per
   * HTTP verticle, on its context.
   */
  public static CardRoutes start(Vertx vertx, BusClient bus) {
    CardRoutes routes = new CardRoutes(bus, new RankCards(vertx, new AvatarFetcher(vertx)));
    BusServer.serve(vertx.eventBus(), Bus.RANK_CARD, Web.PlayerQuery.class, routes::busCard);
    return routes;
  }

  /** Mounts {@code GET /cards/{publicId}.png}; returns the cache it serves from. */
  public RankCards mount(Router router) {
    router.getWithRegex(PATH).handler(this::card);
    return cards;
  }

  private void card(RoutingContext ctx) {
    String language = CardLanguage.of(ctx);
    String publicId = ctx.pathParam("param0");
    player(new Web.PlayerQuery(publicId, null, null, language)).onSuccess(player -> {
      String etag = RankCards.etag(player, language);
      if (matches(ctx.request().getHeader("If-None-Match"), etag)) {
        headers(ctx, etag).setStatusCode(304).end();
        return;
      }
      cards.card(player, language).onSuccess(card -> headers(ctx, card.etag())
              .putHeader("Content-Type", "image/png")
              .end(Buffer.buffer(card.png())))
          .onFailure(ctx::fail);
    }).onFailure(failure -> error(ctx, failure));
  }

  private Future<Web.Card> busCard(Web.PlayerQuery query) {
    String language = CardLanguage.normalize(query.language());
    Web.PlayerQuery asked = new Web.PlayerQuery(query.publicId(), query.telegramId(), query.discordId(), language);
    return player(asked).compose(player -> cards.card(player, language).map(card ->
        new Web.Card(player.publicId(), card.etag(), Base64.getEncoder().encodeToString(card.png()))));
  }

  private Future<Web.Player> player(Web.PlayerQuery query) {
    return bus.request(Bus.PUBLIC_PLAYER, query, Web.Player.class);
  }

  private static io.vertx.core.http.HttpServerResponse headers(RoutingContext ctx, String etag) {
    // Short: the card changes with every XP gain; the ETag makes the revalidation cheap.
    return ctx.response().putHeader("ETag", etag).putHeader("Cache-Control", "public, max-age=60");
  }

  /** If-None-Match uses the weak comparison (RFC 9110 13.1.2): a W/ prefix does not matter. */
  static boolean matches(String ifNoneMatch, String etag) {
    if (ifNoneMatch == null) {
      return false;
    }
    for (String candidate : ifNoneMatch.split(",")) {
      String tag = candidate.trim();
      if (tag.equals("*") || (tag.startsWith("W/") ? tag.substring(2) : tag).equals(etag)) {
        return true;
      }
    }
    return false;
  }

  private static void error(RoutingContext ctx, Throwable failure) {
    int code = BusClient.failureCode(failure);
    boolean timeout = failure instanceof ReplyException reply && reply.failureType() == ReplyFailure.TIMEOUT;
    int status = code == 404 || code == 400 ? code : 503;
    String message = code == 404 ? "no such player" : code == 400 ? failure.getMessage()
        : "service unavailable" + (timeout ? ": no answer in time" : "");
    ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json")
        .end(new JsonObject().put("error", message).encode());
  }
}
