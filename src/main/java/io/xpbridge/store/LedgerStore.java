package io.xpbridge.store;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import io.xpbridge.domain.ApplyPlan;
import io.xpbridge.domain.ClaimedEvent;
import io.xpbridge.domain.EventType;
import io.xpbridge.domain.Platform;
import io.xpbridge.domain.PlayerState;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * SQL of the apply transaction. Every method runs on the caller's connection inside one
 * transaction: the row locks taken by {@link #claimDue} are the claim, so a crash rolls the whole
 * batch back to pending and nothing is ever half-applied.
 */
public final class LedgerStore {
  static final String CLAIM_DUE = """
      SELECT id, idempotency_key, source, event_type, player_id, xp_delta, balance_delta, payload, created_at
        FROM sync_events
       WHERE status IN ('pending', 'processing') AND applied_at IS NULL AND next_attempt_at <= now()
       ORDER BY next_attempt_at, id
       LIMIT $1
         FOR UPDATE SKIP LOCKED""";
  static final String CLAIM_ONE = """
      SELECT id, idempotency_key, source, event_type, player_id, xp_delta, balance_delta, payload, created_at
        FROM sync_events
       WHERE id = $1 AND status IN ('pending', 'processing') AND applied_at IS NULL
         FOR UPDATE SKIP LOCKED""";
  // FOR NO KEY UPDATE, not FOR UPDATE: it still serialises appliers and /link merges on a player,
  // but does not block (or deadlock with) submits whose foreign-key checks take KEY SHARE locks on
  // players in arrival order.
  static final String LOCK_PLAYERS = """
      SELECT id, xp, balance, daily_streak, last_daily_day, merged_into
        FROM players WHERE id = ANY($1::bigint[]) ORDER BY id FOR NO KEY UPDATE""";
  static final String UPDATE_PLAYERS = """
      UPDATE players p
         SET xp = v.xp, balance = v.balance, daily_streak = v.streak, last_daily_day = v.day, updated_at = now()
        FROM unnest($1::bigint[], $2::bigint[], $3::bigint[], $4::int[], $5::date[]) AS v(id, xp, balance, streak, day)
       WHERE p.id = v.id""";
  static final String INSERT_AUDIT = """
      INSERT INTO transactions (idempotency_key, event_id, player_id, source, type, delta_xp, delta_balance, reason)
      SELECT * FROM unnest($1::text[], $2::bigint[], $3::bigint[], $4::text[], $5::text[], $6::bigint[], $7::bigint[], $8::text[])
      ON CONFLICT (idempotency_key) DO NOTHING""";
  static final String UNLOCK_ACHIEVEMENTS = """
      INSERT INTO player_achievements (player_id, code, event_id)
      SELECT * FROM unnest($1::bigint[], $2::text[], $3::bigint[])
      ON CONFLICT (player_id, code) DO NOTHING
      RETURNING player_id, code""";
  static final String INSERT_FOLLOW_UPS = """
      INSERT INTO sync_events (idempotency_key, source, event_type, player_id, payload, applied_at)
      SELECT v.k, v.s, v.t, v.p, v.pl::jsonb, now()
        FROM unnest($1::text[], $2::text[], $3::text[], $4::bigint[], $5::text[]) AS v(k, s, t, p, pl)
      ON CONFLICT (idempotency_key) DO NOTHING""";
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
  static final String RECORD_FAILURE = """
      UPDATE sync_events
         SET retries = retries + 1,
             error_message = $2,
             status = CASE WHEN retries + 1 > $3 THEN 'failed' ELSE 'pending' END,
             processed_at = CASE WHEN retries + 1 > $3 THEN now() END,
             next_attempt_at = now() + make_interval(secs => least($4::double precision * power(2, retries), $5::double precision) / 1000)
       WHERE id = $1 AND status IN ('pending', 'processing') AND applied_at IS NULL
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

  /** Claims up to {@code limit} due events, or the single event {@code onlyId} when it is not null. */
  public Future<List<ClaimedEvent>> claimDue(SqlConnection conn, int limit, Long onlyId) {
    Future<io.vertx.sqlclient.RowSet<Row>> rows = onlyId == null
        ? conn.preparedQuery(CLAIM_DUE).execute(Tuple.of(limit))
        : conn.preparedQuery(CLAIM_ONE).execute(Tuple.of(onlyId));
    return rows.map(set -> {
      List<ClaimedEvent> events = new ArrayList<>(set.size());
      for (Row row : set) {
        events.add(toEvent(row));
      }
      return events;
    });
  }

  private static ClaimedEvent toEvent(Row row) {
    JsonObject payload = row.getJsonObject("payload");
    JsonObject daily = payload == null ? null : payload.getJsonObject("data") == null ? null
        : payload.getJsonObject("data").getJsonObject("daily");
    LocalDate day = daily == null || daily.getString("day") == null ? null : LocalDate.parse(daily.getString("day"));
    Integer streak = daily == null ? null : daily.getInteger("streak");
    return new ClaimedEvent(
        row.getLong("id"),
        row.getString("idempotency_key"),
        Platform.fromWire(row.getString("source")),
        EventType.fromWire(row.getString("event_type")),
        row.getLong("player_id"),
        row.getLong("xp_delta"),
        row.getLong("balance_delta"),
        payload == null ? null : payload.getString("achievement"),
        payload == null ? null : payload.getString("reason"),
        day,
        streak,
        row.getOffsetDateTime("created_at").toInstant().toEpochMilli());
  }

  /**
   * Locks the players the events touch, in id order so concurrent batches cannot deadlock, and
   * follows players merged away on /link to the survivor. Returns the states and the redirects.
   */
  public Future<LockedPlayers> lockPlayers(SqlConnection conn, List<ClaimedEvent> events) {
    Long[] ids = events.stream().map(ClaimedEvent::playerId).distinct().sorted().toArray(Long[]::new);
    Map<Long, PlayerState> states = new HashMap<>();
    Map<Long, Long> redirects = new HashMap<>();
    return lock(conn, ids, states, redirects).compose(v -> {
      Long[] survivors = redirects.values().stream().filter(id -> !states.containsKey(id)).distinct().sorted()
          .toArray(Long[]::new);
      return survivors.length == 0 ? Future.succeededFuture() : lock(conn, survivors, states, redirects);
    }).map(v -> new LockedPlayers(states, redirects));
  }

  private Future<Void> lock(SqlConnection conn, Long[] ids, Map<Long, PlayerState> states, Map<Long, Long> redirects) {
    return conn.preparedQuery(LOCK_PLAYERS).execute(Tuple.tuple().addArrayOfLong(ids)).map(rows -> {
      for (Row row : rows) {
        Long mergedInto = row.getLong("merged_into");
        if (mergedInto != null) {
          redirects.put(row.getLong("id"), mergedInto);
        } else {
          states.put(row.getLong("id"), new PlayerState(row.getLong("id"), row.getLong("xp"), row.getLong("balance"),
              row.getInteger("daily_streak"), row.getLocalDate("last_daily_day")));
        }
      }
      return null;
    });
  }

  /** Locked ledger rows, plus merged-away player id to survivor id. */
  public record LockedPlayers(Map<Long, PlayerState> states, Map<Long, Long> redirects) {}

  /** Writes a computed plan. Returns the events that now wait for delivery of platform effects. */
  public Future<Integer> write(SqlConnection conn, ApplyPlan plan) {
    return updatePlayers(conn, plan)
        .compose(v -> insertAudit(conn, plan))
        .compose(v -> unlockAchievements(conn, plan))
        .compose(unlocked -> insertFollowUps(conn, plan, unlocked).map(followUps -> unlocked))
        .compose(unlocked -> finishEvents(conn, plan, unlocked));
  }

  private Future<Void> updatePlayers(SqlConnection conn, ApplyPlan plan) {
    if (plan.changedPlayers().isEmpty()) {
      return Future.succeededFuture();
    }
    int n = plan.changedPlayers().size();
    Long[] ids = new Long[n];
    Long[] xp = new Long[n];
    Long[] balance = new Long[n];
    Integer[] streak = new Integer[n];
    LocalDate[] day = new LocalDate[n];
    int i = 0;
    for (PlayerState state : plan.changedPlayers().values()) {
      ids[i] = state.playerId();
      xp[i] = state.xp();
      balance[i] = state.balance();
      streak[i] = state.dailyStreak();
      day[i] = state.lastDailyDay();
      i++;
    }
    return conn.preparedQuery(UPDATE_PLAYERS)
        .execute(Tuple.tuple().addArrayOfLong(ids).addArrayOfLong(xp).addArrayOfLong(balance)
            .addArrayOfInteger(streak).addArrayOfLocalDate(day))
        .mapEmpty();
  }

  private Future<Void> insertAudit(SqlConnection conn, ApplyPlan plan) {
    if (plan.audits().isEmpty()) {
      return Future.succeededFuture();
    }
    int n = plan.audits().size();
    String[] keys = new String[n];
    Long[] eventIds = new Long[n];
    Long[] players = new Long[n];
    String[] sources = new String[n];
    String[] types = new String[n];
    Long[] xp = new Long[n];
    Long[] balance = new Long[n];
    String[] reasons = new String[n];
    for (int i = 0; i < n; i++) {
      ApplyPlan.AuditRow audit = plan.audits().get(i);
      keys[i] = audit.event().idempotencyKey();
      eventIds[i] = audit.event().id();
      players[i] = audit.playerId();
      sources[i] = audit.event().source().wireName();
      types[i] = audit.event().type().auditType();
      xp[i] = audit.deltaXp();
      balance[i] = audit.deltaBalance();
      reasons[i] = audit.event().reason();
    }
    return conn.preparedQuery(INSERT_AUDIT)
        .execute(Tuple.tuple().addArrayOfString(keys).addArrayOfLong(eventIds).addArrayOfLong(players)
            .addArrayOfString(sources).addArrayOfString(types).addArrayOfLong(xp).addArrayOfLong(balance)
            .addArrayOfString(reasons))
        .mapEmpty();
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

  private Future<Void> insertFollowUps(SqlConnection conn, ApplyPlan plan, Set<String> unlocked) {
    List<String> keys = new ArrayList<>();
    List<String> sources = new ArrayList<>();
    List<String> types = new ArrayList<>();
    List<Long> players = new ArrayList<>();
    List<String> payloads = new ArrayList<>();
    for (ApplyPlan.RankChange change : plan.rankChanges()) {
      keys.add(io.xpbridge.domain.IdempotencyKeys.rankChange(change.cause().idempotencyKey(), change.toRank()));
      sources.add(change.cause().source().wireName());
      types.add(EventType.RANK_CHANGE.wireName());
      players.add(change.playerId());
      payloads.add(new JsonObject().put("rank", change.toRank()).put("previousRank", change.fromRank())
          .put("causeEventId", change.cause().id()).encode());
    }
    for (ApplyPlan.AchievementCandidate candidate : plan.achievementCandidates()) {
      if (!candidate.explicit() && unlocked.contains(candidate.playerId() + ":" + candidate.code())) {
        keys.add(io.xpbridge.domain.IdempotencyKeys.achievement(candidate.cause().idempotencyKey(), candidate.code()));
        sources.add(candidate.cause().source().wireName());
        types.add(EventType.ACHIEVEMENT_UNLOCK.wireName());
        players.add(candidate.playerId());
        payloads.add(new JsonObject().put("achievement", candidate.code())
            .put("causeEventId", candidate.cause().id()).encode());
      }
    }
    if (keys.isEmpty()) {
      return Future.succeededFuture();
    }
    return conn.preparedQuery(INSERT_FOLLOW_UPS)
        .execute(Tuple.tuple().addArrayOfString(keys.toArray(new String[0]))
            .addArrayOfString(sources.toArray(new String[0])).addArrayOfString(types.toArray(new String[0]))
            .addArrayOfLong(players.toArray(new Long[0])).addArrayOfString(payloads.toArray(new String[0])))
        .mapEmpty();
  }

  private Future<Integer> finishEvents(SqlConnection conn, ApplyPlan plan, Set<String> unlocked) {
    int n = plan.outcomes().size();
    Long[] ids = new Long[n];
    String[] statuses = new String[n];
    String[] processedBy = new String[n];
    String[] errors = new String[n];
    Long[] players = new Long[n];
    int awaitingDelivery = 0;
    for (int i = 0; i < n; i++) {
      ApplyPlan.Outcome outcome = plan.outcomes().get(i);
      ClaimedEvent event = outcome.event();
      ids[i] = event.id();
      players[i] = event.playerId();
      if (!outcome.applied()) {
        statuses[i] = "failed";
        errors[i] = outcome.error();
      } else if (event.type() == EventType.ACHIEVEMENT_UNLOCK
          && unlocked.contains(event.playerId() + ":" + event.achievement())) {
        statuses[i] = "pending";
        awaitingDelivery++;
      } else {
        statuses[i] = "completed";
        processedBy[i] = outcome.processedBy();
      }
    }
    int waiting = awaitingDelivery;
    return conn.preparedQuery(FINISH_EVENTS)
        .execute(Tuple.tuple().addArrayOfLong(ids).addArrayOfString(statuses).addArrayOfString(processedBy)
            .addArrayOfString(errors).addArrayOfLong(players))
        .map(rows -> waiting);
  }

  /**
   * Counts a failed attempt outside any batch transaction. Returns the new status: "pending" (will be
   * retried after the backoff) or "failed" (retries exhausted).
   */
  public Future<String> recordFailure(SqlConnection conn, long eventId, String error, int maxRetries,
      long backoffMs, long backoffMaxMs) {
    return conn.preparedQuery(RECORD_FAILURE)
        .execute(Tuple.of(eventId, truncate(error), maxRetries, backoffMs, backoffMaxMs))
        .map(rows -> rows.size() == 0 ? "gone" : rows.iterator().next().getString(0));
  }

  static String truncate(String error) {
    if (error == null) {
      return "unknown error";
    }
    return error.length() <= 2_000 ? error : error.substring(0, 2_000) + "…";
  }
}
