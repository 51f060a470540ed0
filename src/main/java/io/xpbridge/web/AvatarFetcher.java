package io.xpbridge.web;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.util.Set;
import javax.imageio.ImageIO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches the Discord avatar for a card, briefly: a card without the avatar (initials instead) is
 * better than a slow card. Only Discord's CDN over HTTPS is asked, so a stored URL can never make
 * the server call somewhere else; every failure (timeout, no network, not an image) gives null.
 */
public class AvatarFetcher {
  private static final Logger LOG = LoggerFactory.getLogger(AvatarFetcher.class);
  static final Set<String> HOSTS = Set.of("cdn.discordapp.com", "media.discordapp.net");
  private static final long TIMEOUT_MS = 1_500;
  private static final int MAX_BYTES = 1024 * 1024;

  private final Vertx vertx;
  private final WebClient web;

  public AvatarFetcher(Vertx vertx) {
    this.vertx = vertx;
    this.web = WebClient.create(vertx, new WebClientOptions().setConnectTimeout((int) TIMEOUT_MS)
        .setUserAgent("xpbridge-rank-card"));
  }

  /** The avatar image, or null when there is none to show. */
  public Future<BufferedImage> fetch(String avatarUrl) {
    URI uri = allowed(avatarUrl);
    if (uri == null) {
      return Future.succeededFuture(null);
    }
    // Discord serves any size asked for; 256 px is plenty for a 160 px circle.
    String sized = avatarUrl.contains("?") ? avatarUrl : avatarUrl + "?size=256";
    return web.getAbs(sized).timeout(TIMEOUT_MS).send()
        .compose(response -> {
          if (response.statusCode() != 200 || response.body() == null || response.body().length() > MAX_BYTES) {
            return Future.<BufferedImage>succeededFuture(null);
          }
          byte[] bytes = response.body().getBytes();
          return vertx.executeBlocking(() -> ImageIO.read(new ByteArrayInputStream(bytes)), false);
        })
        .recover(failure -> {
          LOG.debug("No avatar from {} for a rank card: {}", uri.getHost(), failure.toString());
          return Future.succeededFuture(null);
        });
  }

  static URI allowed(String avatarUrl) {
    if (avatarUrl == null || avatarUrl.isBlank()) {
      return null;
    }
    try {
      URI uri = URI.create(avatarUrl);
      return "https".equals(uri.getScheme()) && HOSTS.contains(uri.getHost()) ? uri : null;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
