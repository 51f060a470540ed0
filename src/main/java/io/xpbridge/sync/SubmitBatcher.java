package io.xpbridge.sync;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.xpbridge.domain.PlayerRef;
import io.xpbridge.domain.SubmitRequest;
import io.xpbridge.store.SubmitResult;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.IntSupplier;

/**
 * Hands submits on in batches, several in flight at once, and never two at once that touch the same
 * player: a batch locks its players until it commits, so one that needed a player of another would
 * only wait for it. A submit whose player is free goes out at the end of the current event-loop turn
 * (no timer wait) if a batch slot is free; the others wait, in arrival order, and go out together as
 * soon as a batch in flight finishes. A player's events are applied in the order they arrived, as
 * long as they name the player the same way.
 *
 * <p>A player can also be held by another engine (or a /link merge). A batch passes over such players
 * and hands their events back ({@link ArrivalApplier.Intake#deferred()}); they go out again a moment
 * later, ahead of newer events, and after {@link #MAX_DEFERRALS} times their batch waits for their
 * players' locks, so they cannot starve. It waits for those players only: the rest of the batch still
 * passes over players held elsewhere, so one unlucky event does not make a large batch (and every
 * player it holds) wait for another engine's batch. While another batch of this engine is in flight
 * they do not go out on their own: they ride with the next batch of newer events, or go when no
 * batch is in flight.
 *
 * <p>Memory is bounded: beyond {@code maxWaiting} submits waiting, a new one is turned away at once
 * ({@link Full}), and a submit whose sender's deadline has passed is dropped before it costs a write
 * ({@link Expired}): its sender has given up and will retry with the same key.
 */
final class SubmitBatcher {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SubmitBatcher.class);
  static final int MAX_DEFERRALS = 3;
  /** How long a deferred event waits before it is sent again: about one batch of another engine. */
  static final long DEFER_MS = 2;

  /**
   * Applies a batch, passing over players held elsewhere except those of {@code waitFor} (some of
   * {@code requests}), whose locks it waits for.
   */
  interface Sink {
    Future<ArrivalApplier.Intake> apply(List<SubmitRequest> requests, List<SubmitRequest> waitFor);
  }

  /** Too many submits wait already: the sender should retry in a moment. */
  static final class Full extends RuntimeException {
    Full(int waiting) {
      super("the engine is saturated (" + waiting + " submits waiting); retry in a moment", null, false, false);
    }
  }

  /**
   * A batch did not finish within {@link #batchCeilingMs}: its senders are told to retry (same keys,
   * so whatever the stuck transaction does, each event applies once) and its slot serves again, so a
   * database call that never completes cannot stall the intake for good.
   */
  static final class TimedOut extends RuntimeException {
    TimedOut(long ms) {
      super("the database did not finish the batch within " + ms + " ms; retry", null, false, false);
    }
  }

  /** The sender's deadline passed before the submit could be sent: nobody would hear the answer. */
  static final class Expired extends RuntimeException {
    Expired() {
      super("the sender's deadline passed before the event could be stored; retry with the same key", null, false,
          false);
    }
  }

  /**
   * {@code deferrals}: how often it was handed back; {@code notBeforeNanos}: when it may go out again;
   * {@code deadlineMs}: epoch ms after which its sender no longer waits (0: none known).
   */
  private record Pending(SubmitRequest request, Promise<SubmitResult> promise, int deferrals, long notBeforeNanos,
      long deadlineMs) {

    Pending deferred(long nowNanos) {
      return new Pending(request, promise, deferrals + 1, nowNanos + DEFER_MS * 1_000_000, deadlineMs);
    }
  }

  private final Context context;
  private final Sink sink;
  private final IntSupplier maxBatch;
  private final IntSupplier maxWaiting;
  private final long batchCeilingMs;
  /** Read at each flush: the share of the cluster's intake budget can change while it runs ({@link IntakeSlots}). */
  private final IntSupplier maxInFlight;
  private final Consumer<ArrivalApplier.Intake> afterFlush;
  private final RememberedPlayers players = new RememberedPlayers();
  private final ArrayDeque<Pending> waiting = new ArrayDeque<>();
  /**
   * Players of the batches in flight, by every name known for them when they were sent: the reference
   * and, when known, the player id (a reference learned later must still meet a batch sent before).
   */
  private final PlayerNames busy = new PlayerNames();
  private int inFlight;
  private boolean flushScheduled;
  private boolean retryTimerSet;
  private Promise<Void> drained;
  /** {@code waiting.size()} for readers on other threads (stats, metrics, readiness). */
  private volatile int waitingCount;

  /** Longer than any lock wait a healthy engine sees (a stalled database is answered 503 long before). */
  static final long DEFAULT_BATCH_CEILING_MS = 60_000;

  SubmitBatcher(Context context, Sink sink, IntSupplier maxBatch, IntSupplier maxWaiting, IntSupplier maxInFlight,
      Consumer<ArrivalApplier.Intake> afterFlush) {
    this(context, sink, maxBatch, maxWaiting, maxInFlight, afterFlush, DEFAULT_BATCH_CEILING_MS);
  }

  SubmitBatcher(Context context, Sink sink, IntSupplier maxBatch, IntSupplier maxWaiting, IntSupplier maxInFlight,
      Consumer<ArrivalApplier.Intake> afterFlush, long batchCeilingMs) {
    this.batchCeilingMs = batchCeilingMs;
    this.context = context;
    this.sink = sink;
    this.maxBatch = maxBatch;
    this.maxWaiting = maxWaiting;
    this.maxInFlight = maxInFlight;
    this.afterFlush = afterFlush;
  }

  /** Submits waiting for a batch slot (not those in flight). Any thread. */
  int waitingCount() {
    return waitingCount;
  }

  Future<SubmitResult> submit(SubmitRequest request) {
    return submit(request, 0);
  }

  /** @param deadlineMs epoch ms after which the sender no longer waits for the answer, 0 when unknown */
  Future<SubmitResult> submit(SubmitRequest request, long deadlineMs) {
    if (waiting.size() >= maxWaiting.getAsInt()) {
      return Future.failedFuture(new Full(waiting.size()));
    }
    Promise<SubmitResult> promise = Promise.promise();
    waiting.add(new Pending(request, promise, 0, 0, deadlineMs));
    waitingCount = waiting.size();
    if (!flushScheduled) {
      flushScheduled = true;
      context.runOnContext(v -> {
        flushScheduled = false;
        flush();
      });
    }
    return promise.future();
  }

  /**
   * Completes once every submit taken so far is answered (the batches in flight committed or failed,
   * the ones handed back sent again), or after {@code ceilingMs}. For a graceful stop, after intake
   * has closed.
   */
  Future<Void> drained(long ceilingMs) {
    if (drained == null) {
      drained = Promise.promise();
      context.owner().setTimer(ceilingMs, t -> drained.tryComplete());
    }
    checkDrained();
    return drained.future();
  }

  private void checkDrained() {
    if (drained != null && inFlight == 0 && waiting.isEmpty()) {
      drained.tryComplete();
    }
  }

  /** Sends batches while slots are free and waiting submits have free players. */
  private void flush() {
    long now = System.nanoTime();
    long nowMs = System.currentTimeMillis();
    boolean heldBack = false;
    while (inFlight < maxInFlight.getAsInt() && !waiting.isEmpty()) {
      List<Pending> batch = new ArrayList<>();
      PlayerNames keys = new PlayerNames();
      PlayerNames skipped = new PlayerNames();
      int max = maxBatch.getAsInt();
      for (Iterator<Pending> it = waiting.iterator(); it.hasNext() && batch.size() < max; ) {
        Pending pending = it.next();
        if (pending.deadlineMs() > 0 && pending.deadlineMs() < nowMs) {
          it.remove();
          pending.promise().fail(new Expired());
          continue;
        }
        PlayerRef ref = pending.request().player();
        Long id = players.idOf(ref);
        // A player with an event left behind keeps its later events behind too: order per player.
        if (busy.contains(ref, id) || skipped.contains(ref, id) || pending.notBeforeNanos() > now) {
          heldBack |= pending.notBeforeNanos() > now;
          skipped.add(ref, id);
          continue;
        }
        it.remove();
        batch.add(pending);
        keys.add(ref, id);
      }
      if (batch.isEmpty()) {
        break;
      }
      if (inFlight > 0 && batch.stream().allMatch(p -> p.deferrals() > 0)) {
        // Only handed-back events: they wait to ride with the next batch (or go once none is in
        // flight) instead of costing a transaction of their own, a few events each (issue 17).
        for (int i = batch.size() - 1; i >= 0; i--) {
          waiting.addFirst(batch.get(i));
        }
        break;
      }
      send(batch, keys);
    }
    waitingCount = waiting.size();
    if (heldBack && !retryTimerSet) {
      retryTimerSet = true;
      context.owner().setTimer(DEFER_MS, t -> {
        retryTimerSet = false;
        flush();
      });
    }
  }

  private void send(List<Pending> batch, PlayerNames keys) {
    inFlight++;
    busy.addAll(keys);
    Promise<ArrivalApplier.Intake> settled = Promise.promise();
    long watchdog = context.owner().setTimer(batchCeilingMs, t -> settled.tryFail(new TimedOut(batchCeilingMs)));
    List<SubmitRequest> waitFor = batch.stream().filter(p -> p.deferrals() >= MAX_DEFERRALS).map(Pending::request)
        .toList();
    sink.apply(batch.stream().map(Pending::request).toList(), waitFor).onComplete(ar -> {
      context.owner().cancelTimer(watchdog);
      if (ar.succeeded()) {
        settled.tryComplete(ar.result());
      } else {
        settled.tryFail(ar.cause());
      }
    });
    settled.future().onComplete(ar -> {
      inFlight--;
      busy.removeAll(keys);
      if (ar.succeeded()) {
        ArrivalApplier.Intake intake = ar.result();
        players.remember(intake.players());
        List<Pending> again = new ArrayList<>();
        long now = System.nanoTime();
        for (int i = 0; i < batch.size(); i++) {
          if (intake.deferred().contains(i)) {
            again.add(batch.get(i).deferred(now));
          } else {
            batch.get(i).promise().complete(intake.results().get(i));
          }
        }
        // Back at the head, in their order: they are older than everything still waiting.
        for (int i = again.size() - 1; i >= 0; i--) {
          waiting.addFirst(again.get(i));
        }
        afterFlush.accept(intake);
      } else {
        LOG.warn("could not store {} submitted events, senders are told to retry: {}", batch.size(),
            ar.cause().toString());
        batch.forEach(p -> p.promise().fail(ar.cause()));
      }
      flush();
      checkDrained();
    });
  }
}
