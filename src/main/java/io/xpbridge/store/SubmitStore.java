package io.xpbridge.store;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import io.xpbridge.domain.EventStatus;
import io.xpbridge.domain.PlayerRef;
import io.xpbridge.domain.PlayerState;
import io.xpbridge.domain.SubmitRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SQL of the intake: which player each submit names (creating players for new platform ids), which
 * keys are already spent (the "store as pending" fallback is {@link PendingStore}). A key is spent by
 * a queued event or by an audit row, which is kept forever. Every method runs on the caller's
 * connection, inside its transaction.
 */
public final class SubmitStore {
  static final String RESOLVE_PLAYERS =
      "SELECT platform_id, player_id FROM resolve_players($1, $2::bigint[])";
  /** Known identities and players of a whole batch in one round trip; only unknown platform ids go to resolve_players. */
  static final String KNOWN_PLAYERS = """
      SELECT 1 AS kind, telegram_id AS ref, player_id FROM telegram_identities WHERE telegram_id = ANY($1::bigint[])
      UNION ALL
      SELECT 2, discord_id, player_id FROM discord_identities WHERE discord_id = ANY($2::bigint[])
      UNION ALL
      SELECT 3, id, id FROM players WHERE id = ANY($3::bigint[])""";
  /**
   * The players of a batch's known identities (kinds 1-3: reference to player) and, in the same round
   * trip, their ledger rows locked in id order (kind 4), as {@link PlayerLocks#lockPlayerIds} locks them;
   * the columns are named as that method's rows are.
   */
  static final String LOCK_KNOWN_PLAYERS = """
      WITH refs AS (
        SELECT 1 AS kind, telegram_id AS ref, player_id FROM telegram_identities WHERE telegram_id = ANY($1::bigint[])
        UNION ALL
        SELECT 2, discord_id, player_id FROM discord_identities WHERE discord_id = ANY($2::bigint[])
        UNION ALL
        SELECT 3, id, id FROM players WHERE id = ANY($3::bigint[])),
      locked AS (
        SELECT id, xp, balance, daily_streak, last_daily_day, merged_into, activity_state,
               season, season_xp, last_season, last_season_xp FROM players
         WHERE id IN (SELECT player_id FROM refs) ORDER BY id FOR NO KEY UPDATE)
      SELECT kind, ref AS id, player_id, NULL::bigint AS xp, NULL::bigint AS balance, NULL::int AS daily_streak,
             NULL::date AS last_daily_day, NULL::bigint AS merged_into, NULL::text AS activity_state,
             NULL::int AS season, NULL::bigint AS season_xp, NULL::int AS last_season, NULL::bigint AS last_season_xp,
             NULL::int AS running_season FROM refs
      UNION ALL
      SELECT 4, id, id, xp, balance, daily_streak, last_daily_day, merged_into, activity_state,
             season, season_xp, last_season, last_season_xp, %s FROM locked""".formatted(SeasonLock.RUNNING_SEASON);
  /**
   * As {@link #LOCK_KNOWN_PLAYERS}, passing over players another transaction holds: their events are
   * handed back to wait for a later batch instead of making this whole batch wait.
   */
  static final String LOCK_FREE_KNOWN_PLAYERS = LOCK_KNOWN_PLAYERS.replace("FOR NO KEY UPDATE)",
      "FOR NO KEY UPDATE SKIP LOCKED)");
  /**
   * Spent keys (kind 0, with the id of their event) and {@code $2} fresh event ids (kind 1) in one
   * round trip: events applied on arrival are inserted with their final status, so their ids are
   * drawn before the ledger plan that refers to them is made.
   */
  static final String SPENT_KEYS_AND_NEW_IDS = """
      SELECT 0 AS kind, idempotency_key, %s FROM sync_events WHERE idempotency_key = ANY($1::text[])
      UNION ALL
      SELECT 0, idempotency_key, %s FROM transactions WHERE idempotency_key = ANY($1::text[])
      UNION ALL
      SELECT 1, NULL, nextval('sync_events_id_seq'), %s FROM generate_series(1, $2)"""
      .formatted(SpentKey.COLUMNS_OF_EVENT, SpentKey.COLUMNS_OF_AUDIT, SpentKey.NO_COLUMNS);
  /**
   * As {@link #SPENT_KEYS_AND_NEW_IDS}, looking in the queue only. A key whose event row is gone
   * (cleaned up after its retention) is spent by its audit row alone; a batch that misses it fails
   * on the audit table's unique key and is tried again with the full check.
   */
  static final String QUEUED_KEYS_AND_NEW_IDS = """
      SELECT 0 AS kind, idempotency_key, %s FROM sync_events WHERE idempotency_key = ANY($1::text[])
      UNION ALL
      SELECT 1, NULL, nextval('sync_events_id_seq'), %s FROM generate_series(1, $2)"""
      .formatted(SpentKey.COLUMNS_OF_EVENT, SpentKey.NO_COLUMNS);

  /** The player behind each known reference, with the locked ledger rows of those players. */
  public record KnownPlayers(Map<PlayerRef, Long> refs, PlayerLocks.LockedPlayers locked) {}

  /** Spent keys with their event ids, and fresh ids for the events about to be inserted. */
  public record KeyCheck(Map<String, SpentKey> spent, long[] newIds) {}

  /**
   * Finds the players of the requests' references that exist already and locks their ledger rows, in
   * one statement. Platform ids seen for the first time are missing from the result: see
   * {@link #resolveNew}. Players another transaction holds are neither waited for nor returned as
   * locked, except those of {@code waitFor} (requests of the batch that must not be passed over again):
   * they are locked first, waiting if need be, in a statement of their own in the same round trip.
   * While it waits the transaction holds only the season lock (shared) and the rows of {@code waitFor}
   * taken so far, in id order, so two batches waiting this way cannot deadlock; and a batch never
   * waits for the players it could pass over.
   */
  public Future<KnownPlayers> lockKnownPlayers(SqlConnection conn, List<SubmitRequest> requests,
      List<SubmitRequest> waitFor) {
    Tuple ids = referenceIds(requests);
    Future<Void> season = SeasonLock.holdShared(conn);
    Future<?> waited = waitFor.isEmpty() ? Future.succeededFuture()
        : conn.preparedQuery(LOCK_KNOWN_PLAYERS).execute(referenceIds(waitFor));
    // A row this transaction locked already is not "held by another": the statement returns it.
    Future<io.vertx.sqlclient.RowSet<Row>> lockedRows = conn.preparedQuery(LOCK_FREE_KNOWN_PLAYERS).execute(ids);
    return Future.all(season, waited, lockedRows).map(v -> lockedRows.result()).map(rows -> {
      Map<PlayerRef, Long> refs = new HashMap<>();
      Map<Long, PlayerState> states = new HashMap<>();
      Map<Long, Long> redirects = new HashMap<>();
      for (Row row : rows) {
        int kind = row.getInteger(0);
        if (kind == 4) {
          PlayerLocks.readLocked(row, states, redirects);
        } else {
          refs.put(new PlayerRef(kindOf(kind), row.getLong(1)), row.getLong(2));
        }
      }
      return new KnownPlayers(refs, new PlayerLocks.LockedPlayers(states, redirects));
    });
  }

  /**
   * Creates players for the requests' platform ids that {@code known} lacks (or finds the ones a
   * concurrent submit just created) and adds them to {@code known}. Returns the new player ids.
   */
  public Future<List<Long>> resolveNew(SqlConnection conn, List<SubmitRequest> requests, Map<PlayerRef, Long> known) {
    List<Long> newTelegram = unknown(distinctIds(requests, PlayerRef.Kind.TELEGRAM), PlayerRef.Kind.TELEGRAM, known);
    List<Long> newDiscord = unknown(distinctIds(requests, PlayerRef.Kind.DISCORD), PlayerRef.Kind.DISCORD, known);
    Future<Void> chain = Future.succeededFuture();
    if (!newTelegram.isEmpty()) {
      chain = chain.compose(v -> resolve(conn, "telegram", PlayerRef.Kind.TELEGRAM, newTelegram, known));
    }
    if (!newDiscord.isEmpty()) {
      chain = chain.compose(v -> resolve(conn, "discord", PlayerRef.Kind.DISCORD, newDiscord, known));
    }
    return chain.map(v -> {
      List<Long> created = new ArrayList<>();
      newTelegram.forEach(id -> created.add(known.get(new PlayerRef(PlayerRef.Kind.TELEGRAM, id))));
      newDiscord.forEach(id -> created.add(known.get(new PlayerRef(PlayerRef.Kind.DISCORD, id))));
      return created;
    });
  }

  private static PlayerRef.Kind kindOf(int kind) {
    return switch (kind) {
      case 1 -> PlayerRef.Kind.TELEGRAM;
      case 2 -> PlayerRef.Kind.DISCORD;
      default -> PlayerRef.Kind.PLAYER;
    };
  }

  /**
   * The player behind each request's reference; platform ids seen for the first time get a new
   * player. A request whose {@code playerId} does not exist is absent from the map.
   */
  public Future<Map<PlayerRef, Long>> resolvePlayers(SqlConnection conn, List<SubmitRequest> requests) {
    Map<PlayerRef, Long> resolved = new HashMap<>();
    Tuple ids = referenceIds(requests);
    return conn.preparedQuery(KNOWN_PLAYERS).execute(ids).compose(rows -> {
      for (Row row : rows) {
        resolved.put(new PlayerRef(kindOf(row.getInteger(0)), row.getLong(1)), row.getLong(2));
      }
      return resolveNew(conn, requests, resolved).map(created -> resolved);
    });
  }

  /**
   * Which of {@code keys} are spent, plus {@code newIds} fresh event ids. Send it after the statement
   * that locks the players (it may go in the same round trip): under READ COMMITTED it then sees every
   * event a concurrent batch committed for those players while this one waited for their locks.
   * {@code withAudit}: also look in the audit table (see {@link #QUEUED_KEYS_AND_NEW_IDS}).
   */
  public Future<KeyCheck> checkKeys(SqlConnection conn, List<String> keys, int newIds, boolean withAudit) {
    return conn.preparedQuery(withAudit ? SPENT_KEYS_AND_NEW_IDS : QUEUED_KEYS_AND_NEW_IDS)
        .execute(Tuple.tuple().addArrayOfString(keys.toArray(new String[0])).addInteger(newIds))
        .map(rows -> {
          Map<String, SpentKey> spent = new HashMap<>();
          long[] ids = new long[newIds];
          int next = 0;
          for (Row row : rows) {
            if (row.getInteger(0) == 0) {
              spent.merge(row.getString(1), SpentKey.read(row, 2), SpentKey::preferEvent);
            } else {
              ids[next++] = row.getLong(2);
            }
          }
          return new KeyCheck(spent, ids);
        });
  }

  private static List<Long> unknown(List<Long> ids, PlayerRef.Kind kind, Map<PlayerRef, Long> resolved) {
    return ids.stream().filter(id -> !resolved.containsKey(new PlayerRef(kind, id))).toList();
  }

  private Future<Void> resolve(SqlConnection conn, String platform, PlayerRef.Kind kind, List<Long> ids,
      Map<PlayerRef, Long> resolved) {
    // Sorted ids make concurrent submitters create identities in the same order: no deadlocks.
    Long[] sorted = ids.stream().sorted().toArray(Long[]::new);
    return conn.preparedQuery(RESOLVE_PLAYERS)
        .execute(Tuple.tuple().addString(platform).addArrayOfLong(sorted))
        .map(rows -> {
          for (Row row : rows) {
            resolved.put(new PlayerRef(kind, row.getLong(0)), row.getLong(1));
          }
          return null;
        });
  }

  /** Whether two submits of one key ask for the same change (then the second is a retry of the first). */
  public static boolean sameRequest(SubmitRequest a, SubmitRequest b, Map<PlayerRef, Long> players) {
    return a.type() == b.type() && a.xpDelta() == b.xpDelta() && a.balanceDelta() == b.balanceDelta()
        && java.util.Objects.equals(players.get(a.player()), players.get(b.player()));
  }

  public static SubmitResult unknownPlayer(SubmitRequest request) {
    return SubmitResult.notStored("no player with " + request.player().kind().field() + " " + request.player().id());
  }

  /** $1 Telegram ids, $2 Discord ids, $3 player ids the requests name, each once. */
  private static Tuple referenceIds(List<SubmitRequest> requests) {
    return Tuple.tuple()
        .addArrayOfLong(distinctIds(requests, PlayerRef.Kind.TELEGRAM).toArray(new Long[0]))
        .addArrayOfLong(distinctIds(requests, PlayerRef.Kind.DISCORD).toArray(new Long[0]))
        .addArrayOfLong(distinctIds(requests, PlayerRef.Kind.PLAYER).toArray(new Long[0]));
  }

  private static List<Long> distinctIds(List<SubmitRequest> requests, PlayerRef.Kind kind) {
    return requests.stream().map(SubmitRequest::player).filter(p -> p.kind() == kind)
        .map(PlayerRef::id).distinct().toList();
  }
}
