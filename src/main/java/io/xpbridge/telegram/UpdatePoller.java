package io.xpbridge.telegram;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * Long polling of getUpdates, forever, on the event loop.
 *
 * <p>An update is confirmed (the offset we send passes it) only after its handler finished, so a
 * crash re-delivers it and its idempotency keys make that harmless. Handling does not hold
 * polling back: updates run in order within a chat and in parallel across chats, and the offset
 * we send is the lowest update still being handled. Telegram then sends the unfinished ones again
 * with the new ones; they are recognised and skipped. Up to {@link #MAX_IN_FLIGHT} updates run at
 * once. 429 waits {@code retry_after}; 5xx, network errors and conflicts back off exponentially,
 * and each of them is reported ({@code onFailing}) until a poll succeeds again ({@code onHealthy}).
 *
 * <p>The confirmed offset is also kept in the database ({@link ConfirmedOffsets}) as soon as handled
 * updates move it, one write at a time, and polling starts from the kept one: in a cluster the poller
 * moves between nodes, and the next owner continues where this one's work was done.
 */
final class UpdatePoller {

  private static final Logger log = LoggerFactory.getLogger(UpdatePoller.class);
  static final int BATCH_LIMIT = 100;
  static final int MAX_IN_FLIGHT = BATCH_LIMIT;
  private static final long BACKOFF_START_MS = 1_000;
  private static final long BACKOFF_MAX_MS = 60_000;
  /** While updates are in flight Telegram answers at once (it re-sends them): poll at most this often. */
  private static final long BUSY_POLL_INTERVAL_MS = 1_000;
  /** Extra time over the long-poll timeout before we call the request dead. */
  private static final long HTTP_GRACE_MS = 10_000;

  private final Vertx vertx;
  private final TelegramApiClient client;
  private final UpdateBatchParser parser = new UpdateBatchParser();
  private final Function<Update, Future<Void>> handler;
  private final IntSupplier pollTimeoutSeconds;
  private final Runnable onHealthy;
  private final Consumer<String> onFailing;
  private final ConfirmedOffsets offsets;
  /** Highest offset written to {@link #offsets} (or read from it at start). */
  private long keptOffset;
  private boolean keeping;

  /** Highest update id received so far (handled, in flight or skipped). */
  private long highestSeen = -1;
  private final TreeSet<Long> unfinished = new TreeSet<>();
  private final Map<Long, Future<Void>> chatTails = new HashMap<>();
  private Promise<Void> progress;
  private boolean running;
  private boolean healthy;
  private long failuresInARow;
  private long timerId = -1;

  UpdatePoller(Vertx vertx, TelegramApiClient client, Function<Update, Future<Void>> handler,
               IntSupplier pollTimeoutSeconds, Runnable onHealthy, Consumer<String> onFailing, ConfirmedOffsets offsets) {
    this.vertx = vertx;
    this.client = client;
    this.handler = handler;
    this.pollTimeoutSeconds = pollTimeoutSeconds;
    this.onHealthy = onHealthy;
    this.onFailing = onFailing;
    this.offsets = offsets;
  }

  /** Starts from the kept offset (the previous owner's, in a cluster); completes when polling has begun. */
  Future<Void> start() {
    running = true;
    return offsets.load().recover(error -> {
      log.warn("Could not read the kept Telegram offset, starting from Telegram's own: {}", error.getMessage());
      return Future.succeededFuture(0L);
    }).map(kept -> {
      if (kept > 0 && highestSeen < kept - 1) {
        highestSeen = kept - 1;
        keptOffset = kept;
        log.info("Telegram polling continues from the kept offset {}", kept);
      }
      // The first poll is short so that PLATFORM_READY does not wait for a long poll to time out.
      poll(0);
      return null;
    });
  }

  /**
   * Stops polling and keeps the offset of what was handled (in the database; with Telegram itself
   * when there is none), so a restart does not see it again.
   */
  Future<Void> stop() {
    running = false;
    cancelTimer();
    long offset = confirmableOffset();
    if (offset <= 0) {
      return Future.succeededFuture();
    }
    Future<Void> kept = offsets.save(offset).recover(error -> {
      log.info("Could not keep the Telegram offset on stop (the next poller may see some updates again, harmlessly): {}",
          error.getMessage());
      return Future.succeededFuture();
    });
    if (offsets.kept()) {
      return kept;
    }
    GetUpdates confirm = GetUpdates.builder().offset((int) offset).limit(1).timeout(0).build();
    return kept.compose(v -> client.post(confirm, 2_000).<Void>mapEmpty().recover(error -> {
      log.info("Could not confirm handled Telegram updates on stop (they may be re-delivered, harmlessly): {}", error.getMessage());
      return Future.succeededFuture();
    }));
  }

  /** Writes the confirmable offset when it moved, one write at a time (the last one catches up). */
  private void keepOffset() {
    long offset = confirmableOffset();
    if (keeping || !running || offset <= keptOffset) {
      return;
    }
    keeping = true;
    offsets.save(offset).onComplete(ar -> {
      keeping = false;
      if (ar.succeeded()) {
        keptOffset = Math.max(keptOffset, offset);
        keepOffset();
      } else {
        log.debug("Could not keep the Telegram offset {} (tried again after the next update): {}", offset,
            ar.cause().getMessage());
      }
    });
  }

  /** The offset to send: every update below it is handled. */
  long confirmableOffset() {
    return unfinished.isEmpty() ? highestSeen + 1 : unfinished.first();
  }

  int inFlight() {
    return unfinished.size();
  }

  private void poll(int timeoutSeconds) {
    if (!running) {
      return;
    }
    if (unfinished.size() >= MAX_IN_FLIGHT) {
      progress().onComplete(v -> poll(timeoutSeconds));
      return;
    }
    GetUpdates request = GetUpdates.builder()
        .offset((int) confirmableOffset())
        .limit(BATCH_LIMIT)
        .timeout(timeoutSeconds)
        .allowedUpdate("message")
        .build();
    client.post(request, timeoutSeconds * 1000L + HTTP_GRACE_MS)
        .compose(answer -> parser.parse(request, answer))
        .onComplete(result -> {
          if (result.failed()) {
            retryLater(result.cause());
            return;
          }
          markHealthy();
          List<UpdateBatchParser.Incoming> batch = result.result();
          int fresh = accept(batch);
          if (fresh == 0 && !batch.isEmpty()) {
            // Only updates we are still handling came back (Telegram answers at once while any are
            // unconfirmed): wait for one to finish, or a moment, instead of spinning.
            waitForProgressOr(BUSY_POLL_INTERVAL_MS);
          } else {
            vertx.runOnContext(v -> poll(pollTimeoutSeconds.getAsInt()));
          }
        });
  }

  /** Starts handling the updates not seen before; returns how many there were. */
  private int accept(List<UpdateBatchParser.Incoming> batch) {
    int fresh = 0;
    for (UpdateBatchParser.Incoming incoming : batch) {
      long id = incoming.updateId();
      if (id < 0) {
        log.warn("Skipping a Telegram update without update_id ({})", incoming.error());
        continue;
      }
      if (id <= highestSeen) {
        continue;
      }
      highestSeen = id;
      fresh++;
      if (incoming.update() == null) {
        log.warn("Skipping Telegram update {}: the library cannot read it ({})", id, incoming.error());
        continue;
      }
      handleInChatOrder(id, incoming.update());
    }
    return fresh;
  }

  private void handleInChatOrder(long id, Update update) {
    long chat = chatOf(update);
    unfinished.add(id);
    Future<Void> previous = chatTails.getOrDefault(chat, Future.succeededFuture());
    Future<Void> mine = previous.transform(ignored -> safely(update));
    chatTails.put(chat, mine);
    mine.onComplete(ignored -> {
      unfinished.remove(id);
      chatTails.remove(chat, mine);
      keepOffset();
      signalProgress();
    });
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

  private Future<Void> progress() {
    if (progress == null) {
      progress = Promise.promise();
    }
    return progress.future();
  }

  private void signalProgress() {
    if (progress != null) {
      Promise<Void> waiting = progress;
      progress = null;
      waiting.complete();
    }
  }

  private void waitForProgressOr(long maxWaitMs) {
    boolean[] fired = {false};
    Runnable next = () -> {
      if (!fired[0]) {
        fired[0] = true;
        cancelTimer();
        poll(pollTimeoutSeconds.getAsInt());
      }
    };
    timerId = vertx.setTimer(maxWaitMs, id -> {
      timerId = -1;
      next.run();
    });
    progress().onComplete(v -> next.run());
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
      if (failuresInARow == 1 || failuresInARow % 10 == 0) {
        log.warn("Telegram polling failed ({} in a row), retrying in {} ms: {}{}", failuresInARow, delay,
            cause.getMessage(), advice(error));
      } else {
        log.debug("Telegram polling failed ({} in a row), retrying in {} ms: {}", failuresInARow, delay, cause.getMessage());
      }
    }
    boolean rateLimited = error != null && error.kind() == TelegramCallException.Kind.RATE_LIMITED;
    if (!rateLimited) {
      // Telegram did not answer, or refused to: polling is down from the first failure (readiness
      // allows a grace period), and the next successful poll announces it up again.
      healthy = false;
      onFailing.accept(String.valueOf(cause.getMessage()));
    } else if (failuresInARow >= 3) {
      // Announced again once polling works, so effects that waited for us are retried.
      healthy = false;
    }
    timerId = vertx.setTimer(Math.max(1, delay), id -> {
      timerId = -1;
      // Short, like the first poll: a long poll that works would only tell us once it times out.
      poll(0);
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

  private void cancelTimer() {
    if (timerId >= 0) {
      vertx.cancelTimer(timerId);
      timerId = -1;
    }
  }

  private static long chatOf(Update update) {
    if (update.getMessage() != null && update.getMessage().getChat() != null) {
      return update.getMessage().getChatId();
    }
    return 0;
  }
}
