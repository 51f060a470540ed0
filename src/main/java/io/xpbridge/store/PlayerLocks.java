package io.xpbridge.store;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import io.xpbridge.domain.ActivityState;
import io.xpbridge.domain.ClaimedEvent;
import io.xpbridge.domain.PlayerState;
import io.xpbridge.domain.SeasonTally;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The row locks every writer of the ledger takes on the players it changes (the engine's batches,
 * the queue worker, /link), always in id order, and the redirects of players merged away on /link.
 */
public final class PlayerLocks {
  // FOR NO KEY UPDATE, not FOR UPDATE: it serialises appliers, intake batches and /link merges on a
  // player (all take this same lock, in id order), and the ledger update it guards changes no key
  // column, so nothing needs the stronger lock.
  static final String LOCK_PLAYERS = """
      SELECT id, xp, balance, daily_streak, last_daily_day, merged_into, activity_state,
             season, season_xp, last_season, last_season_xp, %s AS running_season
        FROM players WHERE id = ANY($1::bigint[]) ORDER BY id FOR NO KEY UPDATE""".formatted(SeasonLock.RUNNING_SEASON);

  private PlayerLocks() {}

  /**
   * Locks the players the events touch, in id order so concurrent batches cannot deadlock, and
   * follows players merged away on /link to the survivor. Returns the states and the redirects.
   */
  public static Future<LockedPlayers> lockPlayers(SqlConnection conn, List<ClaimedEvent> events) {
    return lockPlayerIds(conn, events.stream().map(ClaimedEvent::playerId).toList());
  }

  /** As {@link #lockPlayers}, for player ids; follows chains of merges a few hops deep. */
  public static Future<LockedPlayers> lockPlayerIds(SqlConnection conn, java.util.Collection<Long> playerIds) {
    LockedPlayers locked = new LockedPlayers(new HashMap<>(), new HashMap<>());
    Future<Void> season = SeasonLock.holdShared(conn);
    return Future.all(season, lockMore(conn, locked, playerIds)).map(locked);
  }

  /**
   * Locks {@code playerIds} into {@code locked}, then the survivors of any of them merged away that
   * are not locked yet. Each round locks in id order; across rounds the order can differ from another
   * batch's, so two batches can deadlock right after a /link merge. PostgreSQL then aborts one of them,
   * which is handled like any failed batch (stored as pending, or retried one event at a time).
   */
  public static Future<Void> lockMore(SqlConnection conn, LockedPlayers locked, java.util.Collection<Long> playerIds) {
    return lockRound(conn, locked, playerIds, 0);
  }

  private static Future<Void> lockRound(SqlConnection conn, LockedPlayers locked, java.util.Collection<Long> playerIds,
      int round) {
    Long[] ids = playerIds.stream().filter(id -> !locked.states().containsKey(id) && !locked.redirects().containsKey(id))
        .distinct().sorted().toArray(Long[]::new);
    if (ids.length == 0 || round >= 8) {
      return Future.succeededFuture();
    }
    return conn.preparedQuery(LOCK_PLAYERS).execute(Tuple.tuple().addArrayOfLong(ids)).compose(rows -> {
      for (Row row : rows) {
        readLocked(row, locked.states(), locked.redirects());
      }
      return lockRound(conn, locked, locked.redirects().values(), round + 1);
    });
  }

  /** One locked players row: a ledger state, or a redirect when the player was merged away. */
  static void readLocked(Row row, Map<Long, PlayerState> states, Map<Long, Long> redirects) {
    Long mergedInto = row.getLong("merged_into");
    long id = row.getLong("id");
    if (mergedInto != null) {
      redirects.put(id, mergedInto);
    } else {
      states.put(id, new PlayerState(id, row.getLong("xp"), row.getLong("balance"),
          row.getInteger("daily_streak"), row.getLocalDate("last_daily_day"),
          ActivityState.parse(row.getString("activity_state")), seasonOf(row)));
    }
  }

  /** The row's season XP as it stands in the running season (read under {@link SeasonLock#holdShared}). */
  private static SeasonTally seasonOf(Row row) {
    SeasonTally stored = new SeasonTally(row.getInteger("season"), row.getLong("season_xp"),
        row.getInteger("last_season"), row.getLong("last_season_xp"));
    Integer running = row.getInteger("running_season");
    return running == null ? stored : stored.in(running);
  }

  /** Locked ledger rows, plus merged-away player id to survivor id. */
  public record LockedPlayers(Map<Long, PlayerState> states, Map<Long, Long> redirects) {

    /** The player an event for {@code playerId} changes: itself, or where a /link merge moved it. */
    public long survivor(long playerId) {
      long id = playerId;
      for (int hops = 0; redirects.containsKey(id) && hops < 8; hops++) {
        id = redirects.get(id);
      }
      return id;
    }
  }
}
