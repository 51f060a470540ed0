package io.xpbridge.web;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.xpbridge.bus.Web;
import java.awt.image.BufferedImage;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Rank cards, rendered on a small worker pool (never on the event loop) and kept in an LRU of
 * {@link #CAPACITY} cards keyed by {@link CardKey}. A card asked for again while it is being drawn
 * joins that rendering instead of starting another. Used from one event-loop context only (the HTTP
 * verticle's), so its maps need no locks.
 */
public final class RankCards {
  static final int CAPACITY = 1_000;
  /** Two threads: rendering takes milliseconds and must not crowd out the database workers. */
  private static final int RENDER_THREADS = 2;

  /** A drawn card and its ETag. */
  public record Rendered(String etag, byte[] png) {}

  private final RankCardRenderer renderer = new RankCardRenderer();
  private final WorkerExecutor workers;
  private final AvatarFetcher avatars;
  private final Map<CardKey, Rendered> cache = new LinkedHashMap<>(256, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<CardKey, Rendered> eldest) {
      return size() > CAPACITY;
    }
  };
  private final Map<CardKey, Future<Rendered>> drawing = new HashMap<>();
  private final AtomicLong renders = new AtomicLong();

  public RankCards(Vertx vertx, AvatarFetcher avatars) {
    this.workers = vertx.createSharedWorkerExecutor("xpbridge-rank-cards", RENDER_THREADS);
    this.avatars = avatars;
  }

  /** The ETag the card of {@code player} has, without drawing it: enough to answer a 304. */
  public static String etag(Web.Player player, String language) {
    return CardKey.of(player, language).etag();
  }

  public Future<Rendered> card(Web.Player player, String language) {
    CardKey key = CardKey.of(player, language);
    Rendered cached = cache.get(key);
    if (cached != null) {
      return Future.succeededFuture(cached);
    }
    Future<Rendered> running = drawing.get(key);
    if (running != null) {
      return running;
    }
    Future<Rendered> drawn = avatars.fetch(player.avatarUrl())
        .compose(avatar -> draw(player, language, avatar, key.etag()))
        .andThen(done -> {
          drawing.remove(key);
          if (done.succeeded()) {
            cache.put(key, done.result());
          }
        });
    // A future that completed at once has run andThen already and must not stay in "drawing".
    if (!drawn.isComplete()) {
      drawing.put(key, drawn);
    }
    return drawn;
  }

  private Future<Rendered> draw(Web.Player player, String language, BufferedImage avatar, String etag) {
    return workers.executeBlocking(() -> {
      renders.incrementAndGet();
      return new Rendered(etag, renderer.render(player, language, avatar));
    }, false);
  }

  /** How many cards were drawn since start: tests tell a cache hit from a rendering by it. */
  public long renders() {
    return renders.get();
  }

  public void close() {
    workers.close();
  }
}
