package io.xpbridge.web;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.xpbridge.bus.Bus;
import io.xpbridge.bus.BusClient;
import io.xpbridge.bus.Web;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /avatars/{publicId}.png}: the player's Discord avatar served under their public id. A
 * custom avatar's CDN address holds the member's Discord user id, which must not appear in a public
 * page, so the pages link here instead and this route fetches the image from Discord's CDN (only
 * there, see {@link AvatarFetcher}). Fetched avatars are kept by their CDN address (a new avatar has a
 * new address) in a small LRU. A player without an avatar, or one the CDN does not give in time, gets
 * their initials as a small SVG, so the page never shows a broken image. Event-loop only.
 */
public final class AvatarRoutes {
  static final String PATH = "/avatars/([A-Za-z0-9_-]{1,64})\\.png";
  /** Avatars kept; at Discord's 128 px each is a few KB. */
  static final int CACHED = 1_000;
  static final int SIZE = 128;

  private final BusClient bus;
  private final AvatarFetcher fetcher;
  private final Map<String, AvatarFetcher.Fetched> cache = new LinkedHashMap<>(64, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, AvatarFetcher.Fetched> eldest) {
      return size() > CACHED;
    }
  };

  AvatarRoutes(BusClient bus, AvatarFetcher fetcher) {
    this.bus = bus;
    this.fetcher = fetcher;
  }

  public static void mount(Vertx vertx, Router router, BusClient bus) {
    new AvatarRoutes(bus, new AvatarFetcher(vertx)).mount(router);
  }

  void mount(Router router) {
    router.getWithRegex(PATH).handler(this::avatar);
  }

  private void avatar(RoutingContext ctx) {
    String publicId = ctx.pathParam("param0");
    bus.request(Bus.PUBLIC_PLAYER, new Web.PlayerQuery(publicId, null, null, null), Web.Player.class)
        .onSuccess(player -> image(player.avatarUrl()).onSuccess(fetched -> {
          if (fetched == null) {
            initials(ctx, player);
            return;
          }
          String etag = etag(player.avatarUrl());
          ctx.response().putHeader("ETag", etag).putHeader("Cache-Control", "public, max-age=3600");
          if (etag.equals(ctx.request().getHeader("If-None-Match"))) {
            ctx.response().setStatusCode(304).end();
          } else {
            ctx.response().putHeader("Content-Type", fetched.contentType()).end(fetched.bytes());
          }
        }))
        .onFailure(failure -> {
          int status = failure instanceof ReplyException reply && reply.failureType() == ReplyFailure.RECIPIENT_FAILURE
              && reply.failureCode() == 404 ? 404 : 503;
          ctx.response().setStatusCode(status).putHeader("Cache-Control", "no-store").end();
        });
  }

  private Future<AvatarFetcher.Fetched> image(String avatarUrl) {
    if (avatarUrl == null) {
      return Future.succeededFuture(null);
    }
    AvatarFetcher.Fetched cached = cache.get(avatarUrl);
    if (cached != null) {
      return Future.succeededFuture(cached);
    }
    return fetcher.fetchBytes(avatarUrl, SIZE).onSuccess(fetched -> {
      if (fetched != null) {
        cache.put(avatarUrl, fetched);
      }
    });
  }

  /** Not cached long: the avatar may be fetchable at the next try. */
  private static void initials(RoutingContext ctx, Web.Player player) {
    String svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + SIZE + "\" height=\"" + SIZE
        + "\" viewBox=\"0 0 100 100\"><circle cx=\"50\" cy=\"50\" r=\"50\" fill=\"#5865f2\"/>"
        + "<text x=\"50\" y=\"50\" dy=\".35em\" text-anchor=\"middle\" font-family=\"sans-serif\" font-size=\"40\" "
        + "fill=\"#fff\">" + Html.escape(Avatar.initials(player.name())) + "</text></svg>";
    ctx.response().putHeader("Content-Type", "image/svg+xml; charset=utf-8")
        .putHeader("Cache-Control", "public, max-age=60")
        .end(Buffer.buffer(svg.getBytes(StandardCharsets.UTF_8)));
  }

  private static String etag(String avatarUrl) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(avatarUrl.getBytes(StandardCharsets.UTF_8));
      return "\"" + HexFormat.of().formatHex(hash, 0, 12) + "\"";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
