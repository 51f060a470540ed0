package io.xpbridge.sync;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.xpbridge.domain.SubmitRequest;
import io.xpbridge.store.SubmitResult;
import io.xpbridge.store.SubmitStore;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;

/**
 * Collects submits that arrive close together and stores them with one statement. Under light load
 * a submit is written at the end of the current event-loop turn (no timer wait); under heavy load
 * submits queue up behind the write in flight and go out together.
 */
final class SubmitBatcher {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SubmitBatcher.class);
  private record Pending(SubmitRequest request, Promise<SubmitResult> promise) {}

  private final Context context;
  private final SubmitStore store;
  private final IntSupplier maxBatch;
  private final Runnable afterFlush;
  private List<Pending> buffer = new ArrayList<>();
  private int inFlight;
  private boolean flushScheduled;
  private static final int MAX_IN_FLIGHT = 2;

  SubmitBatcher(Context context, SubmitStore store, IntSupplier maxBatch, Runnable afterFlush) {
    this.context = context;
    this.store = store;
    this.maxBatch = maxBatch;
    this.afterFlush = afterFlush;
  }

  Future<SubmitResult> submit(SubmitRequest request) {
    Promise<SubmitResult> promise = Promise.promise();
    buffer.add(new Pending(request, promise));
    if (buffer.size() >= maxBatch.getAsInt()) {
      flush();
    } else if (!flushScheduled) {
      flushScheduled = true;
      context.runOnContext(v -> {
        flushScheduled = false;
        flush();
      });
    }
    return promise.future();
  }

  private void flush() {
    if (buffer.isEmpty() || inFlight >= MAX_IN_FLIGHT) {
      return;
    }
    List<Pending> batch = buffer;
    buffer = new ArrayList<>();
    inFlight++;
    store.submit(batch.stream().map(Pending::request).toList()).onComplete(ar -> {
      inFlight--;
      if (ar.succeeded()) {
        List<SubmitResult> results = ar.result();
        for (int i = 0; i < batch.size(); i++) {
          batch.get(i).promise().complete(results.get(i));
        }
        afterFlush.run();
      } else {
        LOG.warn("could not store {} submitted events, senders are told to retry: {}", batch.size(),
            ar.cause().toString());
        batch.forEach(p -> p.promise().fail(ar.cause()));
      }
      flush();
    });
  }
}
