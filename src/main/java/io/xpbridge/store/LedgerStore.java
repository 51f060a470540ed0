package io.xpbridge.store;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import io.xpbridge.domain.ApplyPlan;
import io.xpbridge.domain.ClaimedEvent;
import io.xpbridge.domain.EventStatus;
import io.xpbridge.domain.EventType;
import io.xpbridge.domain.PlayerState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * SQL of the apply transaction. Every method runs on the caller's connection inside one
 * transaction: the row locks taken by {@link QueueClaims#claimDue} are the claim, so a crash rolls the whole
 * batch back to pending and nothing is ever half-applied.
 */
public final class LedgerStore {
  private final EffectOutbox outbox = new EffectOutbox();

  static final String UPDATE_PLAYERS = """
      UPDATE players p
         SET xp = v.xp, balance = v.balance, daily_streak = v.streak, last_daily_day = v.day,
             activity_state = v.activity, season = v.season, season_xp = v.season_xp, last_season = v.last_season,
             last_season_xp = v.last_season_xp, updated_at = now()
        FROM unnest($1::bigint[], $2::bigint[], $3::bigint[], $4::int[], $5::date[], $6::text[], $7::int[],
                    $8::bigint[], $9::int[], $10::bigint[])
             AS v(id, xp, balance, streak, day, activity, season, season_xp, last_season, last_season_xp)
       WHERE p.id = v.id""";
  static final String INSERT_AUDIT = """
      INSERT INTO transactions (idempotency_key, event_id, player_id, source, type, delta_xp, delta_balance, reason,
                                metadata, base_xp, xp_multiplier)
      SELECT k, e, p, s, t, x, b, r, m::jsonb, bx, mx::numeric
        FROM unnest($1::text[], $2::bigint[], $3::bigint[], $4::text[], $5::text[], $6::bigint[], $7::bigint[],
                    $8::text[], $9::text[], $10::bigint[], $11::text[]) AS v(k, e, p, s, t, x, b, r, m, bx, mx)
      ON CONFLICT (idempotency_key) DO NOTHING""";
  static final String UNLOCK_ACHIEVEMENTS = """
      INSERT INTO player_achievements (player_id, code, event_id)
      SELECT * FROM unnest($1::bigint[], $2::text[], $3::bigint[])
      ON CONFLICT (player_id, code) DO NOTHING
      RETURNING player_id, code""";
  static final String FINISH_EVENTS = """
      UPDATE sync_events e
         SET status = v.status,
             applied_at = CASE WHEN v.status = 'failed' THEN NULL ELSE now() END,
             processed_at = CASE WHEN v.status = 'pending' THEN NULL ELSE now() END,
             processed_by = v.processed_by,
             error_message = v.error,
             next_attempt_at = now(),
             player_id = v.player_id
        FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::bigint[]) AS v(id, status, processed_by, error, player_id)
       WHERE e.id = v.id""";
  /**
   * Events applied on arrival: the ledger rows, the events with their final status and the audit rows
   * in one statement (PostgreSQL runs every data-modifying WITH to completion). The inserts are plain (no ON CONFLICT, which costs a speculative insertion per
   * row): the keys were checked after the players were locked, so a unique violation means a
   * concurrent batch spent a key since, and it aborts the batch, which the COMMIT sent behind this
   * statement then rolls back.
   */
  static final String WRITE_ARRIVED = """
      WITH changed AS (
        UPDATE players p
           SET xp = v.xp, balance = v.balance, daily_streak = v.streak, last_daily_day = v.day,
               activity_state = v.activity, season = v.season, season_xp = v.season_xp,
               last_season = v.last_season, last_season_xp = v.last_season_xp, updated_at = now()
          FROM unnest($1::bigint[], $2::bigint[], $3::bigint[], $4::int[], $5::date[], $28::text[], $29::int[],
                      $30::bigint[], $31::int[], $32::bigint[])
               AS v(id, xp, balance, streak, day, activity, season, season_xp, last_season, last_season_xp)
         WHERE p.id = v.id),
      events AS (
        INSERT INTO sync_events (id, idempotency_key, source, event_type, player_id, xp_delta, balance_delta, payload,
                                 status, processed_by, error_message, applied_at, processed_at)
        SELECT v.id, v.k, v.s, v.t, v.p, v.x, v.b, v.pl::jsonb, v.st, v.pb, v.err,
               CASE WHEN v.st = 'failed' THEN NULL ELSE now() END,
               CASE WHEN v.st = 'pending' THEN NULL ELSE now() END
          FROM unnest($6::bigint[], $7::text[], $8::text[], $9::text[], $10::bigint[], $11::bigint[], $12::bigint[],
                      $13::text[], $14::text[], $15::text[], $16::text[]) AS v(id, k, s, t, p, x, b, pl, st, pb, err))
      INSERT INTO transactions (idempotency_key, event_id, player_id, source, type, delta_xp, delta_balance, reason,
                                metadata, base_xp, xp_multiplier)
      SELECT k, e, p, s, t, x, b, r, m::jsonb, bx, mx::numeric
        FROM unnest($17::text[], $18::bigint[], $19::bigint[], $20::text[], $21::text[], $22::bigint[],
                    $23::bigint[], $24::text[], $25::text[], $26::bigint[], $27::text[])
             AS v(k, e, p, s, t, x, b, r, m, bx, mx)""";
  static final String UNIQUE_VIOLATION = "23505";
  static final String BEGIN = "BEGIN";
  static final String COMMIT = "COMMIT";
  static final String ROLLBACK = "ROLLBACK";
  /** Unfinished written as in {@link QueueClaims#CLAIM_ONE}, so the row is found by its id whatever the statistics say. */
  static final String RECORD_FAILURE = """
      UPDATE sync_events
         SET retries = retries + 1,
             error_message = $2,
             status = CASE WHEN retries + 1 > $3 THEN 'failed' ELSE 'pending' END,
             processed_at = CASE WHEN retries + 1 > $3 THEN now() END,
             next_attempt_at = now() + make_interval(secs => least($4::double precision * power(2, retries), $5::double precision) / 1000)
       WHERE id = $1 AND status NOT IN ('completed', 'failed') AND applied_at IS NULL
      RETURNING status""";

  static final String ASYNC_COMMIT = "SET LOCAL synchronous_commit TO OFF";

  /**
   * The apply transaction does not wait for its WAL flush. Safe for exactly-once: the ledger change,
   * audit row and event status commit (or vanish) together, so an apply lost in a crash leaves its
   * events pending and they are applied again; and nothing leaves the process on the strength of it,
   * because effects are sent only after the delivery claim's own synchronous commit, which flushes
   * the WAL up to and including this transaction. Submits stay synchronous: an accepted event is
   * durable before its sender hears so.
   */
  public Future<Void> relaxCommitFlush(SqlConnection conn) {
    return conn.query(ASYNC_COMMIT).execute().mapEmpty();
  }

  /** A spent key turned up while the batch was being written; the caller rolls back and tries again. */
  public static final class KeySpentMeanwhile extends RuntimeException {
    KeySpentMeanwhile(String what) {
      super(what, null, false, false);
    }
  }

  /**
   * Writes a computed plan for events claimed from the queue (their rows exist and are updated).
   * Returns how many of the events now wait for delivery of platform effects.
   */
  public Future<Integer> write(SqlConnection conn, ApplyPlan plan) {
    return unlockAchievements(conn, plan)
        .compose(unlocked -> outbox.queue(conn, plan.followUps(unlocked)).map(v -> unlocked))
        .compose(unlocked -> updatePlayers(conn, plan)
            .compose(v -> insertAudit(conn, plan))
            .compose(v -> finishEvents(conn, plan, unlocked)));
  }

  /**
   * Writes a computed plan for events that arrived in this transaction and have no row yet, and
   * commits: each event is inserted once, already with its final status ({@code payloads} by event
   * id). The write and the COMMIT go out in one round trip; a write that fails aborts the
   * transaction, which that COMMIT then ends as a rollback. Fails with {@link KeySpentMeanwhile}
   * when another transaction spent one of the keys since they were checked. Returns how many of the
   * events wait for delivery of platform effects.
   */
  public Future<Integer> writeArrivedAndCommit(SqlConnection conn, ApplyPlan plan, Map<Long, String> payloads) {
    return unlockAchievements(conn, plan).compose(unlocked -> {
      Future<Integer> written = writeArrived(conn, plan, payloads, unlocked);
      Future<?> committed = conn.query(COMMIT).execute();
      return Future.all(written, committed).map(v -> written.result());
    });
  }

  /**
   * As {@link #writeArrivedAndCommit}, inside a transaction the caller ends: for changes made with
   * other writes of their own, such as the identity moves of a /link.
   */
  public Future<Integer> writeArrived(SqlConnection conn, ApplyPlan plan, Map<Long, String> payloads) {
    return unlockAchievements(conn, plan).compose(unlocked -> writeArrived(conn, plan, payloads, unlocked));
  }

  private Future<Integer> writeArrived(SqlConnection conn, ApplyPlan plan, Map<Long, String> payloads,
      Set<String> unlocked) {
    LedgerColumns.EventColumns events = LedgerColumns.EventColumns.of(plan, unlocked);
    Tuple params = Tuple.tuple();
    LedgerColumns.addPlayerColumns(params, plan);
    events.addInsertColumns(params, payloads);
    LedgerColumns.addAuditColumns(params, plan);
    LedgerColumns.addActivityColumn(params, plan);
    LedgerColumns.addSeasonColumns(params, plan);
    Future<Void> followUps = outbox.queue(conn, plan.followUps(unlocked));
    Future<?> written = conn.preparedQuery(WRITE_ARRIVED).execute(params)
        .recover(failure -> Future.failedFuture(isKeySpentMeanwhile(failure)
            ? new KeySpentMeanwhile(failure.getMessage()) : failure));
    return Future.all(followUps, written).map(v -> events.awaitingDelivery);
  }

  private static boolean isKeySpentMeanwhile(Throwable failure) {
    return failure instanceof io.vertx.pgclient.PgException pg && UNIQUE_VIOLATION.equals(pg.getSqlState())
        && pg.getConstraint() != null && pg.getConstraint().endsWith("idempotency_key_unique");
  }

  /**
   * Starts a transaction without waiting for the answer: the BEGIN travels with the statements sent
   * right after it. A failed BEGIN fails them too.
   */
  public static Future<Void> begin(SqlConnection conn) {
    return conn.query(BEGIN).execute().mapEmpty();
  }

  /** Ends whatever transaction {@code conn} is in; harmless when there is none. */
  public static Future<Void> rollback(SqlConnection conn) {
    return conn.query(ROLLBACK).execute().mapEmpty();
  }

  private Future<Void> updatePlayers(SqlConnection conn, ApplyPlan plan) {
    if (plan.changedPlayers().isEmpty()) {
      return Future.succeededFuture();
    }
    Tuple params = Tuple.tuple();
    LedgerColumns.addPlayerColumns(params, plan);
    LedgerColumns.addActivityColumn(params, plan);
    LedgerColumns.addSeasonColumns(params, plan);
    return conn.preparedQuery(UPDATE_PLAYERS).execute(params).mapEmpty();
  }

  private Future<Void> insertAudit(SqlConnection conn, ApplyPlan plan) {
    if (plan.audits().isEmpty()) {
      return Future.succeededFuture();
    }
    Tuple params = Tuple.tuple();
    LedgerColumns.addAuditColumns(params, plan);
    return conn.preparedQuery(INSERT_AUDIT).execute(params).mapEmpty();
  }

  /** Inserts candidate unlocks; the database says which are new ("player:code"). */
  private Future<Set<String>> unlockAchievements(SqlConnection conn, ApplyPlan plan) {
    Set<String> unlocked = new HashSet<>();
    if (plan.achievementCandidates().isEmpty()) {
      return Future.succeededFuture(unlocked);
    }
    List<ApplyPlan.AchievementCandidate> candidates = plan.achievementCandidates();
    Long[] players = candidates.stream().map(ApplyPlan.AchievementCandidate::playerId).toArray(Long[]::new);
    String[] codes = candidates.stream().map(ApplyPlan.AchievementCandidate::code).toArray(String[]::new);
    Long[] causes = candidates.stream().map(c -> c.cause().id()).toArray(Long[]::new);
    return conn.preparedQuery(UNLOCK_ACHIEVEMENTS)
        .execute(Tuple.tuple().addArrayOfLong(players).addArrayOfString(codes).addArrayOfLong(causes))
        .map(rows -> {
          for (Row row : rows) {
            unlocked.add(row.getLong(0) + ":" + row.getString(1));
          }
          return unlocked;
        });
  }

  private Future<Integer> finishEvents(SqlConnection conn, ApplyPlan plan, Set<String> unlocked) {
    LedgerColumns.EventColumns events = LedgerColumns.EventColumns.of(plan, unlocked);
    return conn.preparedQuery(FINISH_EVENTS)
        .execute(Tuple.tuple().addArrayOfLong(events.ids).addArrayOfString(events.statuses)
            .addArrayOfString(events.processedBy).addArrayOfString(events.errors).addArrayOfLong(events.players))
        .map(rows -> events.awaitingDelivery);
  }

  /**
   * Counts a failed attempt outside any batch transaction. Returns the new status: pending (will be
   * retried after the backoff) or failed (retries exhausted); null when the event is no longer due.
   */
  public Future<EventStatus> recordFailure(SqlConnection conn, long eventId, String error, int maxRetries,
      long backoffMs, long backoffMaxMs) {
    return conn.preparedQuery(RECORD_FAILURE)
        .execute(Tuple.of(eventId, truncate(error), maxRetries, backoffMs, backoffMaxMs))
        .map(rows -> rows.size() == 0 ? null : EventStatus.fromWire(rows.iterator().next().getString(0)));
  }

  static String truncate(String error) {
    if (error == null) {
      return "unknown error";
    }
    return error.length() <= 2_000 ? error : error.substring(0, 2_000) + "…";
  }
}
