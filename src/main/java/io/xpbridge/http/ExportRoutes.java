package io.xpbridge.http;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.xpbridge.bus.Bus;
import io.xpbridge.bus.BusClient;
import io.xpbridge.bus.BusJson;
import io.xpbridge.bus.Export;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /api/v1/export}: every player as JSON Lines ({@link Export.PlayerLine}), streamed. Pages of
 * {@link Export#DEFAULT_PAGE} players are asked of {@code Bus.EXPORT_PAGE} one after another, each written
 * as it arrives; the next is asked only once the response can take more (its write queue drained), so a
 * slow client holds at most about a page in memory, never the whole export.
 */
final class ExportRoutes {
  static final String PATH = "/api/v1/export";
  static final String CONTENT_TYPE = "application/x-ndjson";
  private static final Logger LOG = LoggerFactory.getLogger(ExportRoutes.class);

  private final BusClient bus;

  private ExportRoutes(BusClient bus) {
    this.bus = bus;
  }

  static void mount(Router router, BusClient bus) {
    router.get(PATH).handler(new ExportRoutes(bus)::export);
  }

  private void export(RoutingContext ctx) {
    new Stream(ctx).next(null);
  }

  /** One export in progress: its cursor and its response. */
  private final class Stream {
    private final RoutingContext ctx;
    private final HttpServerResponse response;
    private long players;

    Stream(RoutingContext ctx) {
      this.ctx = ctx;
      this.response = ctx.response();
    }

    void next(Long afterId) {
      if (response.closed()) {
        LOG.info("export stopped by the client after {} players", players);
        return;
      }
      bus.request(Bus.EXPORT_PAGE, new Export.PageQuery(afterId, Export.DEFAULT_PAGE), Export.Page.class)
          .compose(this::write)
          .onFailure(this::failed);
    }

    private Future<Void> write(Export.Page page) {
      if (response.closed()) {
        LOG.info("export stopped by the client after {} players", players);
        return Future.succeededFuture();
      }
      if (!response.headWritten()) {
        response.setStatusCode(200).setChunked(true).putHeader("Content-Type", CONTENT_TYPE);
      }
      Buffer chunk = Buffer.buffer(page.players().size() * 256);
      for (Export.PlayerLine line : page.players()) {
        chunk.appendString(BusJson.encode(line).encode()).appendByte((byte) '\n');
      }
      players += page.players().size();
      if (page.last()) {
        return response.end(chunk);
      }
      Long cursor = page.players().get(page.players().size() - 1).playerId();
      response.write(chunk);
      if (response.writeQueueFull()) {
        response.drainHandler(v -> {
          response.drainHandler(null);
          next(cursor);
        });
      } else {
        next(cursor);
      }
      return Future.succeededFuture();
    }

    private void failed(Throwable failure) {
      if (!response.headWritten()) {
        HttpApiVerticle.failedRequest(ctx, failure);
        return;
      }
      // Part of the export is out: end the connection without the last chunk, so the client sees a
      // broken transfer rather than a complete-looking file with players missing.
      LOG.warn("export broken off after {} players: {}", players, failure.toString());
      response.reset();
    }
  }
}
