package io.xpbridge.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SnapshotTest {
  final AtomicLong clock = new AtomicLong(10_000);
  final List<Promise<String>> reads = new ArrayList<>();

  private Future<String> read() {
    Promise<String> read = Promise.promise();
    reads.add(read);
    return read.future();
  }

  @Test
  void servingStaleAnswersTheExpiredValueWhileItsRefreshRuns() {
    Snapshot<String> snapshot = new Snapshot<>(this::read, clock::get, 1_000, true);
    Future<String> first = snapshot.get();
    assertFalse(first.isComplete(), "nothing to serve yet: the first reader waits");
    reads.get(0).complete("v1");
    assertEquals("v1", snapshot.get().result());

    clock.addAndGet(1_000);
    Future<String> during = snapshot.get();
    assertTrue(during.isComplete(), "expired, but served while the refresh runs");
    assertEquals("v1", during.result());
    assertEquals(2, reads.size(), "one refresh started");
    assertEquals("v1", snapshot.get().result());
    assertEquals(2, reads.size(), "readers during the refresh start no other");
    reads.get(1).complete("v2");
    assertEquals("v2", snapshot.get().result());
  }

  @Test
  void afterForgetReadersWaitForAFreshValue() {
    Snapshot<String> snapshot = new Snapshot<>(this::read, clock::get, 1_000, true);
    snapshot.get();
    reads.get(0).complete("v1");
    snapshot.forget();
    assertFalse(snapshot.get().isComplete());
  }

  @Test
  void withoutServingStaleAnExpiredValueIsNotAnswered() {
    Snapshot<String> snapshot = new Snapshot<>(this::read, clock::get, 1_000);
    snapshot.get();
    reads.get(0).complete("v1");
    clock.addAndGet(1_000);
    assertFalse(snapshot.get().isComplete());
  }
}
