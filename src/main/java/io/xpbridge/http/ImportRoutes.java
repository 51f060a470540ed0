package io.xpbridge.http;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.file.AsyncFile;
import io.vertx.core.file.OpenOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.xpbridge.domain.ImportTarget;
import io.xpbridge.domain.InvalidRequestException;
import io.xpbridge.importing.ImportFormat;
import io.xpbridge.importing.ImportOptions;
import io.xpbridge.importing.Importer;
import java.nio.file.Path;
import java.util.Set;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /api/v1/import?format=&mode=&dryRun=&skipInvalid=}: the body (the file) is streamed to
 * a temporary file as it arrives, never buffered in memory, and refused with 413 as soon as it
 * passes {@code http.importMaxBytes}; then {@link Importer} reads it on a worker thread. Mounted
 * before the {@code /api/v1/*} body handler, which would otherwise read the body into memory first.
 */
final class ImportRoutes {
  private static final Logger LOG = LoggerFactory.getLogger(ImportRoutes.class);
  /** How long a refused upload may go on being sent (and dropped) before the connection is closed. */
  static final long DRAIN_CEILING_MS = 10_000;
  private static final Set<String> PARAMETERS = Set.of("format", "mode", "dryRun", "skipInvalid");

  private final Vertx vertx;
  private final Importer importer;
  private final LongSupplier maxBytes;

  private ImportRoutes(Vertx vertx, LongSupplier maxBytes) {
    this.vertx = vertx;
    this.importer = new Importer(vertx);
    this.maxBytes = maxBytes;
  }

  static void mount(Router router, Vertx vertx, LongSupplier maxBytes) {
    ImportRoutes routes = new ImportRoutes(vertx, maxBytes);
    router.post("/api/v1/import").handler(routes::handle);
  }

  private void handle(RoutingContext ctx) {
    HttpServerRequest request = ctx.request();
    request.pause();
    ImportOptions options;
    try {
      options = options(ctx);
    } catch (InvalidRequestException | IllegalArgumentException e) {
      refuse(ctx, 400, e.getMessage());
      return;
    }
    long limit = maxBytes.getAsLong();
    String length = request.getHeader("Content-Length");
    if (length != null && length.matches("[0-9]{1,18}") && Long.parseLong(length) > limit) {
      refuse(ctx, 413, tooLarge(limit));
      return;
    }
    if ("100-continue".equalsIgnoreCase(request.getHeader("Expect"))) {
      // curl asks before sending a body over 1 KB: the parameters and the size were checked, go ahead.
      ctx.response().writeContinue();
    }
    vertx.fileSystem().createTempFile("xpbridge-import-", ".upload").compose(path -> receive(ctx, path, limit)
        .compose(received -> received ? importer.run(Path.of(path), options)
            .onSuccess(report -> HttpApiVerticle.json(ctx, report.refused() ? 400 : 200, report.toJson()))
            .mapEmpty() : Future.succeededFuture())
        .onComplete(ar -> vertx.fileSystem().delete(path)))
        .onFailure(failure -> {
          LOG.warn("import failed: {}", failure.toString());
          HttpApiVerticle.error(ctx, 503, "the import did not finish: " + failure.getMessage());
        });
  }

  /** Streams the body into {@code path}; false when it was refused (too large, or the client went away). */
  private Future<Boolean> receive(RoutingContext ctx, String path, long limit) {
    HttpServerRequest request = ctx.request();
    return vertx.fileSystem().open(path, new OpenOptions().setWrite(true).setTruncateExisting(true))
        .compose(file -> {
          io.vertx.core.Promise<Boolean> done = io.vertx.core.Promise.promise();
          long[] received = {0};
          request.handler(chunk -> {
            if (received[0] < 0) {
              return;
            }
            received[0] += chunk.length();
            if (received[0] > limit) {
              received[0] = -1;
              file.close();
              refuse(ctx, 413, tooLarge(limit));
              done.tryComplete(false);
              return;
            }
            file.write(chunk);
            if (file.writeQueueFull()) {
              request.pause();
              file.drainHandler(v -> request.resume());
            }
          });
          request.exceptionHandler(e -> {
            file.close();
            done.tryComplete(false);
          });
          request.endHandler(v -> {
            if (received[0] >= 0) {
              file.close().onComplete(closed -> done.tryComplete(closed.succeeded()));
            }
          });
          request.resume();
          return done.future();
        });
  }

  private static String tooLarge(long limit) {
    return "the file is larger than " + limit + " bytes (http.importMaxBytes); split it, or import it with the "
        + "command line: java -jar xpbridge.jar import";
  }

  /**
   * Answers, then closes the connection once the client has stopped sending (at most
   * {@link #DRAIN_CEILING_MS} later). Closing while the body still arrives makes the kernel reset the
   * connection, and a client that is still writing may lose the answer it has not read yet; the rest
   * of the body is read and dropped, never stored.
   */
  private static void refuse(RoutingContext ctx, int status, String message) {
    if (ctx.response().ended()) {
      return;
    }
    ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json")
        .putHeader("Connection", "close")
        .end(new JsonObject().put("error", message).encode())
        .onComplete(v -> closeAfterBody(ctx));
  }

  private static void closeAfterBody(RoutingContext ctx) {
    HttpServerRequest request = ctx.request();
    if (request.isEnded()) {
      request.connection().close();
      return;
    }
    long ceiling = ctx.vertx().setTimer(DRAIN_CEILING_MS, t -> request.connection().close());
    request.handler(dropped -> { });
    request.endHandler(v -> {
      ctx.vertx().cancelTimer(ceiling);
      request.connection().close();
    });
    request.resume();
  }

  private static ImportOptions options(RoutingContext ctx) {
    for (String name : ctx.queryParams().names()) {
      if (!PARAMETERS.contains(name)) {
        throw new InvalidRequestException("unknown parameter '" + name + "' (expected format, mode, dryRun, skipInvalid)");
      }
    }
    String format = ctx.queryParams().get("format");
    if (format == null) {
      throw new InvalidRequestException("'format' is required: mee6, polaris, csv or xpbridge");
    }
    String mode = ctx.queryParams().get("mode");
    return new ImportOptions(ImportFormat.fromWire(format),
        mode == null ? ImportTarget.Mode.MAX : ImportTarget.Mode.fromWire(mode),
        flag(ctx, "dryRun"), flag(ctx, "skipInvalid"));
  }

  private static boolean flag(RoutingContext ctx, String name) {
    String value = ctx.queryParams().get(name);
    if (value == null || value.equals("false")) {
      return false;
    }
    if (value.equals("true")) {
      return true;
    }
    throw new InvalidRequestException("'" + name + "' must be true or false");
  }
}
