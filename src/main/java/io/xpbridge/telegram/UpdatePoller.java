package io.xpbridge.telegram;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * Long polling of getUpdates, forever, on the event loop. An update is confirmed (the next offset
 * passes it) only after its handler finished, so a crash re-delivers it and its idempotency keys
 * make that harmless. Updates of one batch run in parallel across chats and in order within a
 * chat. 429 waits {@code retry_after}; 5xx, network errors and conflicts back off exponentially.
 */
final class UpdatePoller {

  private static final Logger log = LoggerFactory.getLogger(UpdatePoller.class);
  private static final int BATCH_LIMIT = 100;
  private static final long BACKOFF_START_MS = 1_000;
  private static final long BACKOFF_MAX_MS = 60_000;
  /** Extra time over the long-poll timeout before we call the request dead. */
  private static final long HTTP_GRACE_MS = 10_000;

  private final Vertx vertx;
  private final TelegramApiClient client;
  private final UpdateBatchParser parser = new UpdateBatchParser();
  private final Function<Update, Future<Void>> handler;
  private final IntSupplier pollTimeoutSeconds;
  private final Runnable onHealthy;

  private long offset;
  private boolean running;
  private boolean healthy;
  private long failuresInARow;
  private long timerId = -1;

  UpdatePoller(Vertx vertx, TelegramApiClient client, Function<Update, Future<Void>> handler,
               IntSupplier pollTimeoutSeconds, Runnable onHealthy) {
    this.vertx = vertx;
    this.client = client;
    this.handler = handler;
    this.pollTimeoutSeconds = pollTimeoutSeconds;
    this.onHealthy = onHealthy;
  }

  void start() {
    running = true;
    // The first poll is short so that we can announce PLATFORM_READY without waiting a long-poll out.
    poll(0);
  }

  /** Stops polling and confirms what was handled, so a restart does not see it again. */
  Future<Void> stop() {
    running = false;
    if (timerId >= 0) {
      vertx.cancelTimer(timerId);
    }
    if (offset == 0) {
      return Future.succeededFuture();
    }
    GetUpdates confirm = GetUpdates.builder().offset((int) offset).limit(1).timeout(0).build();
    return client.post(confirm, 2_000).<Void>mapEmpty().recover(error -> {
      log.info("Could not confirm handled Telegram updates on stop (they may be re-delivered, harmlessly): {}", error.getMessage());
      return Future.succeededFuture();
    });
  }

  long offset() {
    return offset;
  }

  private void poll(int timeoutSeconds) {
    if (!running) {
      return;
    }
    GetUpdates request = GetUpdates.builder()
        .offset((int) offset)
        .limit(BATCH_LIMIT)
        .timeout(timeoutSeconds)
        .allowedUpdate("message")
        .build();
    client.post(request, timeoutSeconds * 1000L + HTTP_GRACE_MS)
        .compose(answer -> parser.parse(request, answer))
        .compose(this::handleBatch)
        .onComplete(result -> {
          if (result.succeeded()) {
            markHealthy();
            timerId = -1;
            vertx.runOnContext(v -> poll(pollTimeoutSeconds.getAsInt()));
          } else {
            retryLater(result.cause());
          }
        });
  }

  private Future<Void> handleBatch(List<UpdateBatchParser.Incoming> batch) {
    Map<Long, List<UpdateBatchParser.Incoming>> byChat = new LinkedHashMap<>();
    Set<Long> seen = new HashSet<>();
    long nextOffset = offset;
    for (UpdateBatchParser.Incoming incoming : batch) {
      long id = incoming.updateId();
      if (id >= 0 && (id < offset || !seen.add(id))) {
        log.debug("Skipping Telegram update {}: already handled", id);
        continue;
      }
      nextOffset = Math.max(nextOffset, id + 1);
      if (incoming.update() == null) {
        log.warn("Skipping Telegram update {}: the library cannot read it ({})", id, incoming.error());
        continue;
      }
      byChat.computeIfAbsent(chatOf(incoming.update()), chat -> new ArrayList<>()).add(incoming);
    }
    List<Future<Void>> chats = new ArrayList<>();
    for (List<UpdateBatchParser.Incoming> updates : byChat.values()) {
      Future<Void> chain = Future.succeededFuture();
      for (UpdateBatchParser.Incoming incoming : updates) {
        chain = chain.compose(v -> safely(incoming.update()));
      }
      chats.add(chain);
    }
    long confirmedUpTo = nextOffset;
    return Future.join(chats).<Void>mapEmpty().onComplete(done -> offset = confirmedUpTo);
  }

  /** A handler must not stop polling: exceptions and failed futures are logged and the update counts as handled. */
  private Future<Void> safely(Update update) {
    try {
      Future<Void> result = handler.apply(update);
      return (result == null ? Future.<Void>succeededFuture() : result).recover(error -> {
        log.warn("Telegram update {} failed in its handler; skipped", update.getUpdateId(), error);
        return Future.succeededFuture();
      });
    } catch (RuntimeException e) {
      log.warn("Telegram update {} failed in its handler; skipped", update.getUpdateId(), e);
      return Future.succeededFuture();
    }
  }

  private void retryLater(Throwable cause) {
    if (!running) {
      return;
    }
    failuresInARow++;
    long delay;
    TelegramCallException error = cause instanceof TelegramCallException e ? e : null;
    if (error != null && error.kind() == TelegramCallException.Kind.RATE_LIMITED) {
      delay = error.retryAfterMs();
      log.info("Telegram asked us to slow down polling: retrying in {} ms", delay);
    } else {
      delay = Math.min(BACKOFF_MAX_MS, BACKOFF_START_MS << Math.min(failuresInARow - 1, 16));
      boolean firstOrRare = failuresInARow == 1 || failuresInARow % 10 == 0;
      String advice = advice(error);
      if (firstOrRare) {
        log.warn("Telegram polling failed ({} in a row), retrying in {} ms: {}{}", failuresInARow, delay,
            cause.getMessage(), advice);
      } else {
        log.debug("Telegram polling failed ({} in a row), retrying in {} ms: {}", failuresInARow, delay, cause.getMessage());
      }
    }
    if (healthy && failuresInARow >= 3) {
      healthy = false;
    }
    timerId = vertx.setTimer(Math.max(1, delay), id -> {
      timerId = -1;
      poll(pollTimeoutSeconds.getAsInt());
    });
  }

  private static String advice(TelegramCallException error) {
    if (error == null) {
      return "";
    }
    return switch (error.kind()) {
      case UNAUTHORIZED -> " — Telegram does not accept the bot token; check telegram.token / TELEGRAM_BOT_TOKEN";
      case CONFLICT -> " — another process polls with this token, or a webhook is set; stop the other instance";
      default -> "";
    };
  }

  private void markHealthy() {
    if (failuresInARow > 0) {
      log.info("Telegram polling recovered after {} failed attempt(s)", failuresInARow);
    }
    failuresInARow = 0;
    if (!healthy) {
      healthy = true;
      onHealthy.run();
    }
  }

  private static long chatOf(Update update) {
    if (update.getMessage() != null && update.getMessage().getChat() != null) {
      return update.getMessage().getChatId();
    }
    return 0;
  }
}
