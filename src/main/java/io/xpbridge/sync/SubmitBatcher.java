package io.xpbridge.sync;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.xpbridge.domain.SubmitRequest;
import io.xpbridge.store.SubmitResult;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntSupplier;

/**
 * Hands submits on in batches, several in flight at once, and never two at once that touch the same
 * player: a batch locks its players until it commits, so one that needed a player of another would
 * only wait for it. A submit whose player is free goes out at the end of the current event-loop turn
 * (no timer wait) if a batch slot is free; the others wait, in arrival order, and go out together as
 * soon as a batch in flight finishes. A player's events are applied in the order they arrived, as
 * long as they name the player the same way.
 */
final class SubmitBatcher {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SubmitBatcher.class);

  private record Pending(SubmitRequest request, Promise<SubmitResult> promise) {}

  private final Context context;
  private final Function<List<SubmitRequest>, Future<ArrivalApplier.Intake>> sink;
  private final IntSupplier maxBatch;
  private final int maxInFlight;
  private final Consumer<ArrivalApplier.Intake> afterFlush;
  private final RememberedPlayers players = new RememberedPlayers();
  private final ArrayDeque<Pending> waiting = new ArrayDeque<>();
  /** Players (or references, see {@link RememberedPlayers}) of the batches in flight. */
  private final Set<Object> busy = new HashSet<>();
  private int inFlight;
  private boolean flushScheduled;

  SubmitBatcher(Context context, Function<List<SubmitRequest>, Future<ArrivalApplier.Intake>> sink,
      IntSupplier maxBatch, int maxInFlight, Consumer<ArrivalApplier.Intake> afterFlush) {
    this.context = context;
    this.sink = sink;
    this.maxBatch = maxBatch;
    this.maxInFlight = maxInFlight;
    this.afterFlush = afterFlush;
  }

  Future<SubmitResult> submit(SubmitRequest request) {
    Promise<SubmitResult> promise = Promise.promise();
    waiting.add(new Pending(request, promise));
    if (!flushScheduled) {
      flushScheduled = true;
      context.runOnContext(v -> {
        flushScheduled = false;
        flush();
      });
    }
    return promise.future();
  }

  /** Sends batches while slots are free and waiting submits have free players. */
  private void flush() {
    while (inFlight < maxInFlight && !waiting.isEmpty()) {
      List<Pending> batch = new ArrayList<>();
      Set<Object> keys = new HashSet<>();
      Set<Object> skipped = new HashSet<>();
      int max = maxBatch.getAsInt();
      for (Iterator<Pending> it = waiting.iterator(); it.hasNext() && batch.size() < max; ) {
        Pending pending = it.next();
        Object key = players.keyOf(pending.request().player());
        // A player with an event left behind keeps its later events behind too: order per player.
        if (busy.contains(key) || skipped.contains(key)) {
          skipped.add(key);
          continue;
        }
        it.remove();
        batch.add(pending);
        keys.add(key);
      }
      if (batch.isEmpty()) {
        return;
      }
      send(batch, keys);
    }
  }

  private void send(List<Pending> batch, Set<Object> keys) {
    inFlight++;
    busy.addAll(keys);
    sink.apply(batch.stream().map(Pending::request).toList()).onComplete(ar -> {
      inFlight--;
      busy.removeAll(keys);
      if (ar.succeeded()) {
        ArrivalApplier.Intake intake = ar.result();
        players.remember(intake.players());
        for (int i = 0; i < batch.size(); i++) {
          batch.get(i).promise().complete(intake.results().get(i));
        }
        afterFlush.accept(intake);
      } else {
        LOG.warn("could not store {} submitted events, senders are told to retry: {}", batch.size(),
            ar.cause().toString());
        batch.forEach(p -> p.promise().fail(ar.cause()));
      }
      flush();
    });
  }
}
