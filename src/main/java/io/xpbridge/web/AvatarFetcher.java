package io.xpbridge.web;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.util.Set;
import java.util.function.Predicate;
import javax.imageio.ImageIO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches a Discord avatar for a card or for the pages' avatar route, briefly: initials instead of
 * the avatar are better than a slow card or page. Only Discord's CDN over HTTPS is asked, so a stored URL can never make
 * the server call somewhere else; every failure (timeout, no network, not an image) gives null.
 */
public class AvatarFetcher {
  private static final Logger LOG = LoggerFactory.getLogger(AvatarFetcher.class);
  static final Set<String> HOSTS = Set.of("cdn.discordapp.com", "media.discordapp.net");
  private static final long TIMEOUT_MS = 1_500;
  private static final int MAX_BYTES = 1024 * 1024;

  /** An avatar as Discord's CDN sent it: the bytes and their image content type. */
  public record Fetched(Buffer bytes, String contentType) {}

  private final Vertx vertx;
  private final WebClient web;
  private final Predicate<URI> allowed;

  public AvatarFetcher(Vertx vertx) {
    this(vertx, AvatarFetcher::isDiscordsCdn);
  }

  /** {@code allowed} decides which addresses may be fetched: Discord's CDN, or a local server in tests. */
  AvatarFetcher(Vertx vertx, Predicate<URI> allowed) {
    this.vertx = vertx;
    this.allowed = allowed;
    this.web = WebClient.create(vertx, new WebClientOptions().setConnectTimeout((int) TIMEOUT_MS)
        .setUserAgent("xpbridge"));
  }

  /** The avatar image, or null when there is none to show. */
  public Future<BufferedImage> fetch(String avatarUrl) {
    return fetchBytes(avatarUrl, 256).compose(fetched -> fetched == null ? Future.succeededFuture(null)
        : vertx.executeBlocking(() -> ImageIO.read(new ByteArrayInputStream(fetched.bytes().getBytes())), false));
  }

  /**
   * The avatar as sent, {@code size} px (Discord serves any power of two asked for), or null when
   * there is none, it is not an image, or the CDN does not answer in time.
   */
  public Future<Fetched> fetchBytes(String avatarUrl, int size) {
    URI uri = allowed(avatarUrl);
    if (uri == null) {
      return Future.succeededFuture(null);
    }
    String sized = avatarUrl.contains("?") ? avatarUrl : avatarUrl + "?size=" + size;
    return web.getAbs(sized).timeout(TIMEOUT_MS).send()
        .map(response -> {
          String type = response.getHeader("Content-Type");
          if (response.statusCode() != 200 || response.body() == null || response.body().length() > MAX_BYTES
              || type == null || !type.startsWith("image/") || type.contains("svg")) {
            return (Fetched) null;
          }
          return new Fetched(response.body(), type);
        })
        .recover(failure -> {
          LOG.debug("No avatar from {}: {}", uri.getHost(), failure.toString());
          return Future.succeededFuture(null);
        });
  }

  /** The address when it may be fetched, else null. */
  URI allowed(String avatarUrl) {
    URI uri = parse(avatarUrl);
    return uri != null && allowed.test(uri) ? uri : null;
  }

  /** Discord's CDN over HTTPS, nothing else: a stored URL must not make the server call anywhere. */
  static boolean isDiscordsCdn(URI uri) {
    return "https".equals(uri.getScheme()) && HOSTS.contains(uri.getHost());
  }

  /** The address of an avatar Discord's CDN serves, else null. */
  public static URI onDiscordsCdn(String avatarUrl) {
    URI uri = parse(avatarUrl);
    return uri != null && isDiscordsCdn(uri) ? uri : null;
  }

  private static URI parse(String avatarUrl) {
    if (avatarUrl == null || avatarUrl.isBlank()) {
      return null;
    }
    try {
      return URI.create(avatarUrl);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
