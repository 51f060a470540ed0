package io.xpbridge.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.xpbridge.domain.EventType;
import io.xpbridge.domain.Platform;
import io.xpbridge.domain.PlayerRef;
import io.xpbridge.domain.SubmitRequest;
import io.xpbridge.store.SubmitResult;
import io.xpbridge.support.Await;
import io.xpbridge.support.Still;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Which submits travel together, and which wait: the batcher's scheduling, with batches the test completes. */
class SubmitBatcherTest {
  record Sent(List<SubmitRequest> requests, List<SubmitRequest> waitFor, Promise<ArrivalApplier.Intake> done) {}

  Vertx vertx;
  Context context;
  List<Sent> sent = new CopyOnWriteArrayList<>();
  SubmitBatcher batcher;

  static final int MAX_WAITING = 10;
  /** Batches in flight at most; a test may change it while the batcher runs. */
  volatile int slots = 2;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    context = vertx.getOrCreateContext();
    batcher = new SubmitBatcher(context, (requests, waitFor) -> {
      Promise<ArrivalApplier.Intake> done = Promise.promise();
      sent.add(new Sent(requests, waitFor, done));
      return done.future();
    }, () -> 3, () -> MAX_WAITING, () -> slots, intake -> { });
  }

  @AfterEach
  void stop() {
    Await.result(vertx.close());
  }

  private static SubmitRequest event(long telegramId, String key) {
    return new SubmitRequest(Platform.TELEGRAM, EventType.XP_CHANGE, new PlayerRef(PlayerRef.Kind.TELEGRAM, telegramId),
        1, 0, null, key, null, "{}");
  }

  private List<Future<SubmitResult>> submit(SubmitRequest... requests) {
    Promise<List<Future<SubmitResult>>> submitted = Promise.promise();
    context.runOnContext(v -> {
      List<Future<SubmitResult>> futures = new ArrayList<>();
      for (SubmitRequest request : requests) {
        futures.add(batcher.submit(request));
      }
      submitted.complete(futures);
    });
    return Await.result(submitted.future());
  }

  /** Completes batch {@code index}; every reference in it is player {@code telegramId + 1000}. */
  private void finish(int index) {
    finish(index, Set.of());
  }

  /** As {@link #finish(int)}, handing back the requests at {@code deferred} (their player was held elsewhere). */
  private void finish(int index, Set<Integer> deferred) {
    Sent batch = sent.get(index);
    List<SubmitResult> results = batch.requests().stream().map(r -> new SubmitResult(1, false, io.xpbridge.domain.EventStatus.COMPLETED, null)).toList();
    Map<PlayerRef, Long> players = batch.requests().stream().map(SubmitRequest::player).distinct()
        .collect(Collectors.toMap(ref -> ref, ref -> ref.id() + 1000));
    context.runOnContext(v -> batch.done().complete(new ArrivalApplier.Intake(results, LedgerApplier.Report.EMPTY,
        false, players, deferred)));
  }

  private static List<String> keys(Sent batch) {
    return batch.requests().stream().map(SubmitRequest::idempotencyKey).toList();
  }

  @Test
  void aLoneSubmitGoesOutAtOnce() {
    List<Future<SubmitResult>> replies = submit(event(1, "a1"));
    Await.until("sent", () -> sent.size() == 1);
    assertEquals(List.of("a1"), keys(sent.get(0)));
    finish(0);
    assertEquals(1, Await.result(replies.get(0)).eventId());
  }

  @Test
  void batchesInFlightNeverShareAPlayerAndAPlayersEventsKeepTheirOrder() {
    submit(event(1, "a1"), event(2, "b1"), event(1, "a2"), event(3, "c1"), event(1, "a3"), event(4, "d1"));
    Await.until("first batch sent", () -> sent.size() >= 1);
    // The first batch takes three events as they came; the second may not touch player 1.
    Await.until("second batch sent", () -> sent.size() == 2);
    assertEquals(List.of("a1", "b1", "a2"), keys(sent.get(0)));
    assertEquals(List.of("c1", "d1"), keys(sent.get(1)), "a3 waits: player 1 is in flight");

    finish(1);
    Still.holdsFor(Duration.ofMillis(200), "a3 still waits while player 1 is in flight", () -> sent.size() == 2);
    finish(0);
    Await.until("a3 sent once player 1 is free", () -> sent.size() == 3);
    assertEquals(List.of("a3"), keys(sent.get(2)));
  }

  @Test
  void theBatchesInFlightFollowTheSlotsWhenTheyChange() {
    submit(event(1, "a1"), event(2, "b1"), event(3, "c1"), event(4, "d1"), event(5, "e1"), event(6, "f1"),
        event(7, "g1"));
    Await.until("two batches sent", () -> sent.size() == 2);
    Still.holdsFor(Duration.ofMillis(200), "g1 waits: both slots are taken", () -> sent.size() == 2);

    slots = 1;
    finish(0);
    Still.holdsFor(Duration.ofMillis(200), "one slot now, and one batch still holds it", () -> sent.size() == 2);
    finish(1);
    Await.until("g1 sent once no batch is in flight", () -> sent.size() == 3);
    assertEquals(List.of("g1"), keys(sent.get(2)));

    slots = 3;
    submit(event(8, "h1"), event(9, "i1"), event(10, "j1"), event(11, "k1"), event(12, "l1"), event(13, "m1"),
        event(14, "n1"));
    Await.until("two more batches beside g1's", () -> sent.size() == 5);
    Still.holdsFor(Duration.ofMillis(200), "n1 waits: three batches in flight", () -> sent.size() == 5);
    assertEquals(List.of("h1", "i1", "j1"), keys(sent.get(3)));
    assertEquals(List.of("k1", "l1", "m1"), keys(sent.get(4)));
  }

  @Test
  void aPlayerNamedByAnotherReferenceIsRecognisedOnceABatchHasResolvedIt() {
    submit(event(5, "e1"));
    Await.until("sent", () -> sent.size() == 1);
    finish(0);
    // Player 1005 is now known behind telegram id 5: a playerId reference to it names the same player.
    SubmitRequest byId = new SubmitRequest(Platform.SYSTEM, EventType.XP_CHANGE, new PlayerRef(PlayerRef.Kind.PLAYER, 1005),
        1, 0, null, "e2", null, "{}");
    submit(event(5, "e1b"));
    Await.until("next batch sent", () -> sent.size() == 2);
    submit(byId, event(7, "g1"));
    Await.until("third batch sent", () -> sent.size() == 3);
    assertEquals(List.of("g1"), keys(sent.get(2)), "the playerId event waits for the batch holding telegram id 5");
    finish(1);
    Await.until("the playerId event sent once its player is free", () -> sent.size() == 4);
    assertEquals(List.of("e2"), keys(sent.get(3)));
  }

  @Test
  void eventsHandedBackGoOutAgainBeforeNewerOnesAndFinallyWaitForTheLock() {
    List<Future<SubmitResult>> first = submit(event(8, "h1"), event(9, "i1"));
    Await.until("sent", () -> sent.size() == 1);
    assertEquals(List.of(), sent.get(0).waitFor(), "a first try passes over players held elsewhere");
    finish(0, positionsOf(sent.get(0), 8));
    assertEquals(1, Await.result(first.get(1)).eventId(), "the event whose player was free is answered");
    List<Future<SubmitResult>> later = submit(event(8, "h2"));
    for (int round = 1; round <= SubmitBatcher.MAX_DEFERRALS; round++) {
      int index = round;
      Await.until("h1 sent again", () -> sent.size() == index + 1);
      List<String> keys = keys(sent.get(index));
      assertEquals("h1", keys.get(0), "the handed-back event goes first");
      assertFalse(later.get(0).isComplete(), "h2 is not answered before h1");
      if (round < SubmitBatcher.MAX_DEFERRALS) {
        assertEquals(List.of(), sent.get(index).waitFor());
        finish(index, positionsOf(sent.get(index), 8));
      } else {
        assertEquals(List.of("h1"), keysOf(sent.get(index).waitFor()),
            "after " + SubmitBatcher.MAX_DEFERRALS + " hand-backs the batch waits for h1's lock");
        finish(index);
      }
    }
    assertEquals(1, Await.result(first.get(0)).eventId());
    Await.result(later.get(0));
  }

  @Test
  void handedBackEventsRideWithTheNextBatchWhileAnotherIsInFlight() {
    submit(event(8, "h1"), event(9, "i1"), event(10, "j1"));
    submit(event(11, "k1"));
    Await.until("two batches sent", () -> sent.size() == 2);
    finish(0, positionsOf(sent.get(0), 8));
    Still.holdsFor(Duration.ofMillis(200), "h1 does not go alone while k1's batch is in flight", () -> sent.size() == 2);
    submit(event(12, "l1"));
    Await.until("a third batch", () -> sent.size() == 3);
    assertEquals(List.of("h1", "l1"), keys(sent.get(2)), "h1 rides with the next batch, ahead of it");

    finish(2, positionsOf(sent.get(2), 8));
    Still.holdsFor(Duration.ofMillis(200), "h1 waits again", () -> sent.size() == 3);
    finish(1);
    Await.until("h1 goes once no batch is in flight", () -> sent.size() == 4);
    assertEquals(List.of("h1"), keys(sent.get(3)));
  }

  @Test
  void aBatchWaitsOnlyForThePlayersOfEventsHandedBackTooOften() {
    submit(event(8, "h1"), event(9, "i1"));
    submit(event(11, "k1"));
    Await.until("two batches sent", () -> sent.size() == 2);
    finish(0, positionsOf(sent.get(0), 8));
    // k1's batch stays in flight, so h1 rides with each next batch (see the test above).
    for (int round = 1; round <= SubmitBatcher.MAX_DEFERRALS; round++) {
      int batches = sent.size();
      String newer = "n" + round;
      Still.holdsFor(Duration.ofMillis(50), "h1 does not go alone while k1's batch is in flight",
          () -> sent.size() == batches);
      submit(event(20 + round, newer));
      Await.until("the next batch", () -> sent.size() == batches + 1);
      Sent batch = sent.get(batches);
      assertEquals(List.of("h1", newer), keys(batch));
      if (round < SubmitBatcher.MAX_DEFERRALS) {
        assertEquals(List.of(), batch.waitFor(), "h1 handed back " + round + " time(s) may still be passed over");
        finish(batches, positionsOf(batch, 8));
      } else {
        assertEquals(List.of("h1"), keysOf(batch.waitFor()),
            "the batch waits for h1's player only; " + newer + "'s may still be passed over");
        finish(batches);
      }
    }
    finish(1);
  }

  private static List<String> keysOf(List<SubmitRequest> requests) {
    return requests.stream().map(SubmitRequest::idempotencyKey).toList();
  }

  /** Positions in a batch of the events of one player, as the applier hands them back together. */
  private static Set<Integer> positionsOf(Sent batch, long telegramId) {
    Set<Integer> positions = new java.util.HashSet<>();
    for (int i = 0; i < batch.requests().size(); i++) {
      if (batch.requests().get(i).player().id() == telegramId) {
        positions.add(i);
      }
    }
    return positions;
  }

  @Test
  void aStopWaitsUntilTheBatchesInFlightAreAnswered() {
    List<Future<SubmitResult>> replies = submit(event(10, "j1"));
    Await.until("sent", () -> sent.size() == 1);
    Promise<Future<Void>> asked = Promise.promise();
    context.runOnContext(v -> asked.complete(batcher.drained(60_000)));
    Future<Void> drained = Await.result(asked.future());
    Still.holdsFor(Duration.ofMillis(200), "not drained while j1 is in flight", () -> !drained.isComplete());
    finish(0);
    Await.result(drained);
    assertTrue(replies.get(0).isComplete(), "j1 was answered before the stop went on");
  }

  @Test
  void beyondTheRoomForWaitingSubmitsANewOneIsTurnedAwayAtOnceAndTheOthersAreKept() {
    // Player 1 in flight holds back the rest of its events, which wait in memory.
    submit(event(1, "held0"));
    Await.until("first sent", () -> sent.size() == 1);
    SubmitRequest[] waiting = new SubmitRequest[MAX_WAITING];
    for (int i = 0; i < MAX_WAITING; i++) {
      waiting[i] = event(1, "held" + (i + 1));
    }
    List<Future<SubmitResult>> kept = submit(waiting);
    assertEquals(MAX_WAITING, batcher.waitingCount());

    Future<SubmitResult> turnedAway = submit(event(2, "one_too_many")).get(0);
    assertTrue(turnedAway.failed() && turnedAway.cause() instanceof SubmitBatcher.Full, String.valueOf(turnedAway.cause()));

    // Three a batch, one batch at a time for one player: four batches carry the ten kept ones.
    for (int batch = 0; batch <= 4; batch++) {
      int next = batch + 1;
      finish(batch);
      if (next <= 4) {
        Await.until("batch " + next + " sent", () -> sent.size() == next + 1);
      }
    }
    for (Future<SubmitResult> reply : kept) {
      assertEquals(1, Await.result(reply).eventId());
    }
    assertEquals(0, batcher.waitingCount());
  }

  @Test
  void aSubmitWhoseSenderHasGivenUpIsDroppedBeforeItCostsAWrite() {
    submit(event(1, "busy"));
    Await.until("first sent", () -> sent.size() == 1);
    Promise<Future<SubmitResult>> stale = Promise.promise();
    context.runOnContext(v -> stale.complete(batcher.submit(event(1, "stale"), System.currentTimeMillis() + 50)));
    Future<SubmitResult> dropped = Await.result(stale.future());
    List<Future<SubmitResult>> fresh = submit(event(1, "fresh"));
    Still.holdsFor(Duration.ofMillis(150), "both wait while player 1 is in flight", () -> sent.size() == 1);

    finish(0);

    Await.until("the fresh one sent", () -> sent.size() == 2);
    assertEquals(List.of("fresh"), keys(sent.get(1)), "the stale one never reached the database");
    assertTrue(dropped.failed() && dropped.cause() instanceof SubmitBatcher.Expired, String.valueOf(dropped.cause()));
    finish(1);
    assertEquals(1, Await.result(fresh.get(0)).eventId());
  }

  @Test
  void aBatchTheDatabaseNeverFinishesIsFailedAfterTheCeilingAndItsSlotServesAgain() {
    Promise<SubmitBatcher> made = Promise.promise();
    context.runOnContext(v -> made.complete(new SubmitBatcher(context, (requests, waitFor) -> {
      Promise<ArrivalApplier.Intake> never = Promise.promise();
      sent.add(new Sent(requests, waitFor, never));
      return never.future();
    }, () -> 3, () -> MAX_WAITING, () -> 1, intake -> { }, 200)));
    SubmitBatcher stuckEngine = Await.result(made.future());
    Promise<Future<SubmitResult>> first = Promise.promise();
    context.runOnContext(v -> first.complete(stuckEngine.submit(event(1, "stuck"))));
    Future<SubmitResult> stuck = Await.result(first.future());
    Await.until("the first batch is sent", () -> sent.size() == 1);
    Promise<Future<SubmitResult>> second = Promise.promise();
    context.runOnContext(v -> second.complete(stuckEngine.submit(event(2, "behind"))));
    Await.result(second.future());
    assertEquals(1, sent.size(), "the only slot is taken by the stuck batch");

    Await.until("the stuck batch is failed", stuck::failed);
    assertTrue(stuck.cause() instanceof SubmitBatcher.TimedOut, String.valueOf(stuck.cause()));
    Await.until("the next batch goes out on the freed slot", () -> sent.size() == 2);
    assertEquals(List.of("behind"), keys(sent.get(1)));
  }
}
