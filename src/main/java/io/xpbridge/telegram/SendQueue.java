package io.xpbridge.telegram;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.botapimethods.PartialBotApiMethod;

/**
 * Outgoing Bot API calls paced to Telegram's limits instead of sent in a burst: at most
 * {@code sendRatePerSecond} calls overall and one call per {@code perChatIntervalMs} per chat.
 * Each chat is a FIFO lane (replies keep their order); lanes are served round-robin so one busy
 * chat cannot starve the others. A 429 pauses the lane for {@code retry_after}, 5xx and network
 * errors back off and retry; nothing is dropped unless it can never succeed (403, 400), it has
 * waited past its deadline, or it kept failing.
 *
 * <p>Not thread-safe: used from the verticle's event loop only.
 */
final class SendQueue {

  private static final Logger log = LoggerFactory.getLogger(SendQueue.class);

  static final int MAX_QUEUED = 10_000;
  static final int MAX_TRANSIENT_ATTEMPTS = 6;
  static final int MAX_RATE_LIMITED_ATTEMPTS = 30;
  private static final long BACKOFF_START_MS = 500;
  private static final long BACKOFF_MAX_MS = 30_000;

  private final Vertx vertx;
  private final TelegramApiClient client;
  private final Map<Long, Lane> lanes = new LinkedHashMap<>();
  private long globalIntervalMs;
  private long perChatIntervalMs;
  private long nextGlobalAt;
  private long timerId = -1;
  private long timerAt = Long.MAX_VALUE;
  private int queued;
  private boolean closed;

  SendQueue(Vertx vertx, TelegramApiClient client, int sendRatePerSecond, long perChatIntervalMs) {
    this.vertx = vertx;
    this.client = client;
    updateLimits(sendRatePerSecond, perChatIntervalMs);
  }

  void updateLimits(int sendRatePerSecond, long perChatIntervalMs) {
    // Rounded up so that N calls never take less than a second.
    this.globalIntervalMs = (1000 + sendRatePerSecond - 1) / Math.max(1, sendRatePerSecond);
    this.perChatIntervalMs = perChatIntervalMs;
  }

  /** Queues one call for {@code chatId}; no deadline. */
  <T extends Serializable> Future<T> submit(long chatId, PartialBotApiMethod<T> method) {
    return submit(chatId, method, 0);
  }

  /**
   * Queues one call for {@code chatId}. With {@code maxWaitMs > 0} the call is dropped (failed as
   * transient) if it could not be started within that time, for callers that will retry anyway.
   */
  <T extends Serializable> Future<T> submit(long chatId, PartialBotApiMethod<T> method, long maxWaitMs) {
    if (closed) {
      return Future.failedFuture(TelegramCallException.transientFailure(method.getMethod(), "bot is stopping", null));
    }
    if (queued >= MAX_QUEUED) {
      return Future.failedFuture(TelegramCallException.transientFailure(method.getMethod(),
          "send queue is full (" + MAX_QUEUED + " calls waiting); Telegram is slower than our traffic", null));
    }
    Job<T> job = new Job<>(method, Promise.promise(), maxWaitMs > 0 ? now() + maxWaitMs : 0);
    lanes.computeIfAbsent(chatId, id -> new Lane(id)).jobs.addLast(job);
    queued++;
    pump();
    return job.promise.future();
  }

  int size() {
    return queued;
  }

  void close() {
    closed = true;
    cancelTimer();
    for (Lane lane : lanes.values()) {
      for (Job<?> job : lane.jobs) {
        job.promise.tryFail(TelegramCallException.transientFailure(job.method.getMethod(), "bot stopped before sending", null));
      }
    }
    lanes.clear();
    queued = 0;
  }

  private void pump() {
    if (closed) {
      return;
    }
    long now = now();
    if (now < nextGlobalAt) {
      schedule(nextGlobalAt);
      return;
    }
    long earliest = Long.MAX_VALUE;
    for (Iterator<Lane> it = lanes.values().iterator(); it.hasNext(); ) {
      Lane lane = it.next();
      if (lane.busy) {
        continue;
      }
      if (lane.jobs.isEmpty()) {
        it.remove();
        continue;
      }
      if (lane.notBefore > now) {
        earliest = Math.min(earliest, lane.notBefore);
        continue;
      }
      // Round-robin: the lane just served goes to the back.
      it.remove();
      lanes.put(lane.chatId, lane);
      dispatch(lane, now);
      nextGlobalAt = now + globalIntervalMs;
      schedule(nextGlobalAt);
      return;
    }
    if (earliest != Long.MAX_VALUE) {
      schedule(earliest);
    }
  }

  private <T extends Serializable> void dispatch(Lane lane, long now) {
    @SuppressWarnings("unchecked")
    Job<T> job = (Job<T>) lane.jobs.peekFirst();
    if (job.deadline > 0 && now > job.deadline) {
      finish(lane, job);
      String why = "not sent: still waiting in the send queue after its deadline";
      // Held back by Telegram's 429s rather than by our own pacing: the caller should wait, not count a failure.
      job.promise.fail(lane.rateLimited
          ? TelegramCallException.rateLimited(job.method.getMethod(), why + " (Telegram answered 429)")
          : TelegramCallException.transientFailure(job.method.getMethod(), why + " (send rate limits)", null));
      return;
    }
    lane.busy = true;
    job.attempts++;
    client.execute(job.method).onComplete(result -> {
      lane.busy = false;
      lane.rateLimited = result.failed() && result.cause() instanceof TelegramCallException e
          && e.kind() == TelegramCallException.Kind.RATE_LIMITED;
      long doneAt = now();
      // Counted from the answer, not the request, so Telegram itself sees the gap between two calls.
      lane.notBefore = doneAt + perChatIntervalMs;
      if (result.succeeded()) {
        finish(lane, job);
        // try*: close() may already have failed it while the call was in flight.
        job.promise.tryComplete(result.result());
      } else {
        onFailure(lane, job, result.cause(), doneAt);
      }
      pump();
    });
  }

  private void onFailure(Lane lane, Job<?> job, Throwable cause, long now) {
    TelegramCallException error = cause instanceof TelegramCallException e ? e
        : TelegramCallException.transientFailure(job.method.getMethod(), String.valueOf(cause), cause);
    if (error.kind() == TelegramCallException.Kind.RATE_LIMITED && job.deadline > 0
        && now + error.retryAfterMs() > job.deadline) {
      // Telegram's pause outlasts what the caller waits for: hand it back now as a wait, not later as a timeout.
      lane.notBefore = Math.max(lane.notBefore, now + error.retryAfterMs());
      finish(lane, job);
      job.promise.tryFail(error);
      return;
    }
    if (error.kind() == TelegramCallException.Kind.RATE_LIMITED && job.attempts < MAX_RATE_LIMITED_ATTEMPTS) {
      lane.notBefore = Math.max(lane.notBefore, now + error.retryAfterMs());
      log.debug("Telegram asked to slow down for chat {}: retry in {} ms", lane.chatId, error.retryAfterMs());
      return;
    }
    if (error.kind() == TelegramCallException.Kind.TRANSIENT && job.transientAttempts++ < MAX_TRANSIENT_ATTEMPTS) {
      long backoff = Math.min(BACKOFF_MAX_MS, BACKOFF_START_MS << Math.min(job.transientAttempts - 1, 10));
      lane.notBefore = Math.max(lane.notBefore, now + backoff);
      log.debug("Telegram {} for chat {} failed, retry in {} ms: {}", job.method.getMethod(), lane.chatId, backoff, error.getMessage());
      return;
    }
    finish(lane, job);
    job.promise.tryFail(error);
  }

  private void finish(Lane lane, Job<?> job) {
    if (lane.jobs.remove(job)) {
      queued--;
    }
  }

  private void schedule(long at) {
    if (timerId >= 0 && timerAt <= at) {
      return;
    }
    cancelTimer();
    timerAt = at;
    timerId = vertx.setTimer(Math.max(1, at - now()), id -> {
      timerId = -1;
      timerAt = Long.MAX_VALUE;
      pump();
    });
  }

  private void cancelTimer() {
    if (timerId >= 0) {
      vertx.cancelTimer(timerId);
      timerId = -1;
      timerAt = Long.MAX_VALUE;
    }
  }

  private static long now() {
    return System.nanoTime() / 1_000_000;
  }

  private static final class Lane {
    final long chatId;
    final ArrayDeque<Job<?>> jobs = new ArrayDeque<>();
    long notBefore;
    boolean busy;
    /** Whether Telegram answered the lane's last call with 429. */
    boolean rateLimited;

    Lane(long chatId) {
      this.chatId = chatId;
    }
  }

  private static final class Job<T extends Serializable> {
    final PartialBotApiMethod<T> method;
    final Promise<T> promise;
    final long deadline;
    int attempts;
    int transientAttempts;

    Job(PartialBotApiMethod<T> method, Promise<T> promise, long deadline) {
      this.method = method;
      this.promise = promise;
      this.deadline = deadline;
    }
  }
}
