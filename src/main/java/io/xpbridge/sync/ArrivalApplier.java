package io.xpbridge.sync;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import io.xpbridge.domain.ApplyPlan;
import io.xpbridge.domain.ClaimedEvent;
import io.xpbridge.domain.EventStatus;
import io.xpbridge.domain.PlayerRef;
import io.xpbridge.domain.SubmitRequest;
import io.xpbridge.store.LedgerStore;
import io.xpbridge.store.PendingStore;
import io.xpbridge.store.QueueClaims;
import io.xpbridge.store.PlayerLocks;
import io.xpbridge.store.SpentKey;
import io.xpbridge.store.SubmitResult;
import io.xpbridge.store.SubmitStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies submitted events in the transaction that stores them: players resolved and locked, spent
 * keys answered as duplicates, the ledger plan computed, and each new event inserted once with its
 * final status next to its audit row, with one synchronous commit. A sender hears back only after
 * that commit, so an accepted event is durable and already applied.
 *
 * <p>When that transaction fails for any other reason than a key spent meanwhile (retried here), the
 * batch is stored as pending instead and the queue worker ({@link LedgerApplier}) applies it, one
 * event at a time if need be: an event the ledger cannot take never holds back the rest.
 */
final class ArrivalApplier {
  private static final Logger LOG = LoggerFactory.getLogger(ArrivalApplier.class);
  /** Keys spent by a concurrent batch between the check and the insert: this many tries in all. */
  static final int MAX_ATTEMPTS = 3;

  /**
   * Answers in the order of the requests; {@code queued}: stored as pending for the queue worker;
   * {@code players}: the player behind each reference, as this batch found it; {@code deferred}: the
   * positions of requests left out because another transaction held their player (no answer yet:
   * send them again in a later batch).
   */
  record Intake(List<SubmitResult> results, LedgerApplier.Report report, boolean queued,
      Map<PlayerRef, Long> players, Set<Integer> deferred) {

    Intake(List<SubmitResult> results, LedgerApplier.Report report, boolean queued, Map<PlayerRef, Long> players) {
      this(results, report, queued, players, Set.of());
    }
  }

  private final Pool pool;
  private final SubmitStore submits;
  private final PendingStore pending;
  private final LedgerStore ledger = new LedgerStore();
  private final Supplier<EngineRules> rules;

  ArrivalApplier(Pool pool, SubmitStore submits, Supplier<EngineRules> rules) {
    this.pool = pool;
    this.submits = submits;
    this.pending = new PendingStore(pool, submits);
    this.rules = rules;
  }

  /**
   * Leaves out (defers) the requests whose player another transaction holds instead of waiting for
   * it, except {@code waitFor} (some of {@code requests}, passed over often enough): their players are
   * waited for.
   */
  Future<Intake> submit(List<SubmitRequest> requests, List<SubmitRequest> waitFor) {
    long receivedAtMs = System.currentTimeMillis();
    return attempt(requests, receivedAtMs, waitFor, 1).recover(failure -> {
      LOG.warn("could not apply {} submitted events on arrival ({}); storing them for the queue worker",
          requests.size(), failure.toString());
      return pending.storePending(requests)
          .map(results -> new Intake(results, LedgerApplier.Report.EMPTY, true, Map.of()));
    });
  }

  private Future<Intake> attempt(List<SubmitRequest> requests, long receivedAtMs, List<SubmitRequest> waitFor,
      int attempt) {
    // Only a retry looks for keys spent by audit rows alone: they are rare (events past retention
    // submitted again), and a batch that meets one fails on the audit table's unique key.
    boolean withAudit = attempt > 1;
    return pool.withConnection(conn -> applyAndCommit(conn, requests, receivedAtMs, withAudit, waitFor)
            .recover(failure -> LedgerStore.rollback(conn).transform(ignored -> Future.failedFuture(failure))))
        .recover(failure -> {
          if (failure instanceof LedgerStore.KeySpentMeanwhile && attempt < MAX_ATTEMPTS) {
            LOG.debug("batch of {}: {}; trying again", requests.size(), failure.getMessage());
            return attempt(requests, receivedAtMs, waitFor, attempt + 1);
          }
          return Future.failedFuture(failure);
        });
  }

  /**
   * Two round trips when every player is known: BEGIN, the players' lock and the key check go out
   * together; then the write goes out together with COMMIT.
   */
  private Future<Intake> applyAndCommit(SqlConnection conn, List<SubmitRequest> requests, long receivedAtMs,
      boolean withAudit, List<SubmitRequest> waitFor) {
    EngineRules current = rules.get();
    List<String> keys = requests.stream().map(SubmitRequest::idempotencyKey).distinct().toList();
    Future<Void> begun = LedgerStore.begin(conn);
    Future<SubmitStore.KnownPlayers> known = submits.lockKnownPlayers(conn, requests, waitFor);
    Future<SubmitStore.KeyCheck> checked = submits.checkKeys(conn, keys, keys.size(), withAudit);
    return Future.all(begun, known, checked)
        .compose(v -> lockNewPlayers(conn, requests, known.result()))
        .compose(players -> {
          SubmitStore.KeyCheck check = checked.result();
          Map<PlayerRef, Long> refs = players.refs();
          PlayerLocks.LockedPlayers locked = players.locked();
          Set<Integer> deferred = heldElsewhere(requests, refs, locked);
          // First request per key wins; later copies in the same batch are duplicates of it.
          Map<String, Integer> firstByKey = new LinkedHashMap<>();
          for (int i = 0; i < requests.size(); i++) {
            if (refs.containsKey(requests.get(i).player()) && !deferred.contains(i)) {
              firstByKey.putIfAbsent(requests.get(i).idempotencyKey(), i);
            }
          }
          List<ClaimedEvent> events = new ArrayList<>();
          Map<Long, String> payloads = new HashMap<>();
          int next = 0;
          for (Map.Entry<String, Integer> first : firstByKey.entrySet()) {
            if (check.spent().containsKey(first.getKey())) {
              continue;
            }
            SubmitRequest request = requests.get(first.getValue());
            long id = check.newIds()[next++];
            events.add(QueueClaims.arrived(id, request, locked.survivor(refs.get(request.player())), receivedAtMs));
            payloads.put(id, request.payloadJson());
          }
          if (events.isEmpty()) {
            List<SubmitResult> answers = answers(requests, refs, firstByKey, Map.of(), check.spent(), deferred, locked);
            return LedgerStore.rollback(conn)
                .map(v -> new Intake(answers, LedgerApplier.Report.EMPTY, false, refs, deferred));
          }
          ApplyPlan plan = current.calculator().plan(events, locked.states());
          Map<String, SubmitResult> fresh = new HashMap<>();
          for (ApplyPlan.Outcome outcome : plan.outcomes()) {
            fresh.put(outcome.event().idempotencyKey(), outcome.applied()
                ? SubmitResult.applied(outcome.event().id(), outcome.xp(), outcome.withheldBy())
                : new SubmitResult(outcome.event().id(), false, EventStatus.FAILED, outcome.error()));
          }
          List<SubmitResult> answers = answers(requests, refs, firstByKey, fresh, check.spent(), deferred, locked);
          return ledger.writeArrivedAndCommit(conn, plan, payloads)
              .map(waiting -> new Intake(answers, LedgerApplier.Report.of(plan, waiting), false, refs, deferred));
        });
  }

  /** Positions of the requests whose player exists but was not locked: another transaction holds it. */
  private static Set<Integer> heldElsewhere(List<SubmitRequest> requests, Map<PlayerRef, Long> refs,
      PlayerLocks.LockedPlayers locked) {
    Set<Integer> deferred = new HashSet<>();
    for (int i = 0; i < requests.size(); i++) {
      Long player = refs.get(requests.get(i).player());
      if (player != null && !locked.states().containsKey(player) && !locked.redirects().containsKey(player)) {
        deferred.add(i);
      }
    }
    return deferred;
  }

  /** Players for platform ids seen for the first time, and survivors of merged players, locked too. */
  private Future<SubmitStore.KnownPlayers> lockNewPlayers(SqlConnection conn, List<SubmitRequest> requests,
      SubmitStore.KnownPlayers known) {
    PlayerLocks.LockedPlayers locked = known.locked();
    boolean survivorsMissing = locked.redirects().values().stream()
        .anyMatch(id -> !locked.states().containsKey(id) && !locked.redirects().containsKey(id));
    boolean refsMissing = requests.stream().anyMatch(r -> r.player().kind() != PlayerRef.Kind.PLAYER
        && !known.refs().containsKey(r.player()));
    if (!survivorsMissing && !refsMissing) {
      return Future.succeededFuture(known);
    }
    return submits.resolveNew(conn, requests, known.refs())
        .compose(created -> {
          List<Long> toLock = new ArrayList<>(created);
          toLock.addAll(locked.redirects().values());
          return PlayerLocks.lockMore(conn, locked, toLock);
        })
        .map(v -> known);
  }

  /** {@code fresh}: the result of each key stored by this batch; {@code spent}: keys spent before it. */
  private static List<SubmitResult> answers(List<SubmitRequest> requests, Map<PlayerRef, Long> players,
      Map<String, Integer> firstByKey, Map<String, SubmitResult> fresh, Map<String, SpentKey> spent,
      Set<Integer> deferred, PlayerLocks.LockedPlayers locked) {
    List<SubmitResult> answers = new ArrayList<>(requests.size());
    for (int i = 0; i < requests.size(); i++) {
      SubmitRequest request = requests.get(i);
      if (deferred.contains(i)) {
        answers.add(null);
        continue;
      }
      if (!players.containsKey(request.player())) {
        answers.add(SubmitStore.unknownPlayer(request));
        continue;
      }
      String key = request.idempotencyKey();
      SubmitResult stored = fresh.get(key);
      int first = firstByKey.get(key);
      if (stored == null) {
        answers.add(spent.get(key).answer(locked.survivor(players.get(request.player())), request.type(),
            request.xpDelta(), request.balanceDelta()));
      } else if (first == i) {
        answers.add(stored);
      } else {
        answers.add(SubmitStore.sameRequest(request, requests.get(first), players) ? stored.asDuplicate()
            : SubmitResult.keyReused(stored.eventId()));
      }
    }
    return answers;
  }
}
