package io.xpbridge.sync;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.xpbridge.domain.ApplyPlan;
import io.xpbridge.domain.ClaimedEvent;
import io.xpbridge.domain.EventStatus;
import io.xpbridge.store.LedgerStore;
import io.xpbridge.store.QueueClaims;
import io.xpbridge.store.PlayerLocks;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies due events to the ledger, one batch per transaction. When a batch transaction fails for
 * a reason the rules did not foresee (a database error), each of its events is tried alone so one
 * bad event cannot hold back the others; the bad one is retried with backoff and ends as failed.
 */
final class LedgerApplier {
  private static final Logger LOG = LoggerFactory.getLogger(LedgerApplier.class);

  /** Counts of one step, for the worker's log line and metrics. */
  record Report(int claimed, int applied, int failed, int awaitingDelivery, List<ClaimedEvent> appliedEvents) {
    static final Report EMPTY = new Report(0, 0, 0, 0, List.of());

    /** What applying {@code plan} did; {@code waiting}: its events that now wait for effect delivery. */
    static Report of(ApplyPlan plan, int waiting) {
      List<ClaimedEvent> applied = new ArrayList<>();
      int failed = 0;
      for (ApplyPlan.Outcome outcome : plan.outcomes()) {
        if (outcome.applied()) {
          applied.add(outcome.event());
        } else {
          failed++;
        }
      }
      return new Report(plan.outcomes().size(), applied.size(), failed, waiting + plan.rankChanges().size(), applied);
    }
  }

  /**
   * While a backlog waits (the last claim came back full), batches grow to this many times
   * {@code sync.batchSize}: a commit, its flush and the round trips then serve ten times as many
   * events. A trickle keeps the configured size (and a batch that fails as a whole is retried one
   * event at a time, so a bigger batch only makes that rare fallback longer).
   */
  static final int BACKLOG_BATCH_FACTOR = 10;
  static final int MAX_BATCH = 10_000;

  private final Pool pool;
  private final LedgerStore store = new LedgerStore();
  private final Supplier<EngineRules> rules;
  private boolean backlog;

  LedgerApplier(Pool pool, Supplier<EngineRules> rules) {
    this.pool = pool;
    this.rules = rules;
  }

  /** Must be called on the owning verticle's context. */
  Future<Report> applyDue() {
    EngineRules current = rules.get();
    int batchSize = current.sync().batchSize();
    int limit = backlog ? Math.min(batchSize * BACKLOG_BATCH_FACTOR, Math.max(batchSize, MAX_BATCH)) : batchSize;
    List<Long> claimedIds = new ArrayList<>();
    return applyInTransaction(current, limit, null, claimedIds)
        .onComplete(ar -> backlog = ar.succeeded() && claimedIds.size() >= limit)
        .recover(failure -> {
          if (claimedIds.isEmpty()) {
            return Future.failedFuture(failure);
          }
          LOG.warn("batch of {} events failed as a whole ({}); applying them one by one", claimedIds.size(),
              failure.toString());
          return applyOneByOne(current, claimedIds);
        });
  }

  private Future<Report> applyInTransaction(EngineRules current, int limit, Long onlyId, List<Long> claimedIds) {
    return pool.withTransaction(conn -> store.relaxCommitFlush(conn)
        .compose(v -> QueueClaims.claimDue(conn, limit, onlyId)).compose(claim -> {
      if (claim.isEmpty()) {
        return Future.succeededFuture(Report.EMPTY);
      }
      List<ClaimedEvent> events = claim.events();
      events.forEach(e -> claimedIds.add(e.id()));
      claimedIds.addAll(claim.unreadable().keySet());
      claim.unreadable().forEach((id, reason) -> LOG.warn("event {} {}", id, reason));
      Report unreadable = new Report(claim.unreadable().size(), 0, claim.unreadable().size(), 0, List.of());
      Future<Void> failed = QueueClaims.failUnreadable(conn, claim.unreadable());
      if (events.isEmpty()) {
        return failed.map(unreadable);
      }
      return failed.compose(v -> PlayerLocks.lockPlayers(conn, events)).compose(locked -> {
        List<ClaimedEvent> redirected = events.stream()
            .map(e -> locked.redirects().containsKey(e.playerId()) ? e.redirectedTo(locked.survivor(e.playerId())) : e)
            .toList();
        ApplyPlan plan = current.calculator().plan(redirected, locked.states());
        return store.write(conn, plan).map(waiting -> merge(Report.of(plan, waiting), unreadable));
      });
    }));
  }

  private Future<Report> applyOneByOne(EngineRules current, List<Long> ids) {
    Future<Report> chain = Future.succeededFuture(new Report(0, 0, 0, 0, new ArrayList<>()));
    for (Long id : ids) {
      chain = chain.compose(total -> applyInTransaction(current, 1, id, new ArrayList<>())
          .map(single -> merge(total, single))
          .recover(failure -> pool.withConnection(conn -> store.recordFailure(conn, id,
                  failure.getMessage(), current.sync().maxRetries(),
                  current.sync().retryBackoffMs(), current.sync().retryBackoffMaxMs()))
              .map(status -> {
                LOG.warn("event {} failed to apply ({}); now {}", id, failure.getMessage(), status);
                return merge(total, new Report(1, 0, status == EventStatus.FAILED ? 1 : 0, 0, List.of()));
              })));
    }
    return chain;
  }

  private static Report merge(Report a, Report b) {
    List<ClaimedEvent> applied = new ArrayList<>(a.appliedEvents());
    applied.addAll(b.appliedEvents());
    return new Report(a.claimed() + b.claimed(), a.applied() + b.applied(), a.failed() + b.failed(),
        a.awaitingDelivery() + b.awaitingDelivery(), applied);
  }
}
