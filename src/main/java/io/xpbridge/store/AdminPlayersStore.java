package io.xpbridge.store;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import io.xpbridge.bus.Admin;
import io.xpbridge.bus.HistoryCursor;
import io.xpbridge.domain.EventStatus;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The admin API's player tools: search by platform id or name, a player's history (events and audit
 * rows), the failed events and requeueing them all.
 */
public final class AdminPlayersStore {
  private static final String PLAYER_COLUMNS = """
      SELECT p.id, p.display_name, t.telegram_id, t.username, d.discord_id, d.username, p.xp, p.balance, p.created_at
        FROM players p
        LEFT JOIN telegram_identities t ON t.player_id = p.id
        LEFT JOIN discord_identities d ON d.player_id = p.id
      """;
  static final String BY_TELEGRAM = PLAYER_COLUMNS + " WHERE t.telegram_id = $1 ORDER BY p.id LIMIT $2 OFFSET $3";
  static final String BY_DISCORD = PLAYER_COLUMNS + " WHERE d.discord_id = $1 ORDER BY p.id LIMIT $2 OFFSET $3";
  /** Merged-away players are left out: their XP lives on in the player they were merged into. */
  static final String BY_NAME = PLAYER_COLUMNS + """
       WHERE p.merged_into IS NULL
         AND (p.display_name ILIKE $1 ESCAPE '\\' OR t.username ILIKE $1 ESCAPE '\\' OR d.username ILIKE $1 ESCAPE '\\')
       ORDER BY p.id LIMIT $2 OFFSET $3""";
  static final String PLAYER_EXISTS = "SELECT 1 FROM players WHERE id = $1";
  /**
   * Events and audit rows of one player, newest first; the cursor is (microseconds since the epoch,
   * kind, id) of the last row of the previous page.
   */
  static final String HISTORY = """
      WITH h AS (
        SELECT 'event' AS kind, id, created_at AS at, event_type AS type, source, xp_delta AS xp,
               balance_delta AS balance, status, error_message AS error, payload->>'reason' AS reason,
               NULL::bigint AS event_id
          FROM sync_events WHERE player_id = $1
        UNION ALL
        SELECT 'audit', id, created_at, type, source, delta_xp, delta_balance, NULL, NULL, reason, event_id
          FROM transactions WHERE player_id = $1)
      SELECT kind, id, at, type, source, xp, balance, status, error, reason, event_id,
             (extract(epoch FROM at) * 1000000)::bigint AS micros
        FROM h
       WHERE $2::bigint IS NULL OR ((extract(epoch FROM at) * 1000000)::bigint, kind, id) < ($2::bigint, $3::text, $4::bigint)
       ORDER BY micros DESC, kind DESC, id DESC
       LIMIT $5""";
  static final String XP_OF = "SELECT xp FROM players WHERE id = $1";
  static final String SET_XP_OF_EVENT = """
      SELECT (payload->>'setXp')::bigint, balance_delta, status, error_message FROM sync_events WHERE id = $1""";
  static final String FAILED = """
      SELECT id, event_type, source, player_id, xp_delta, balance_delta, retries, error_message, created_at
        FROM sync_events
       WHERE status = 'failed' AND ($1::text IS NULL OR event_type = $1) AND ($2::bigint IS NULL OR id < $2)
       ORDER BY id DESC
       LIMIT $3""";
  static final String REQUEUE_ALL = """
      UPDATE sync_events
         SET status = 'pending', retries = 0, next_attempt_at = now(), error_message = NULL,
             processed_at = NULL, claimed_by = NULL
       WHERE status = 'failed' AND ($1::text IS NULL OR event_type = $1)""";

  private final Pool pool;

  public AdminPlayersStore(Pool pool) {
    this.pool = pool;
  }

  public Future<Admin.PlayerMatches> search(Admin.PlayerSearch q) {
    Future<RowSet<Row>> rows;
    if (q.telegramId() != null) {
      rows = pool.preparedQuery(BY_TELEGRAM).execute(Tuple.of(q.telegramId(), q.limit(), q.offset()));
    } else if (q.discordId() != null) {
      rows = pool.preparedQuery(BY_DISCORD).execute(Tuple.of(q.discordId(), q.limit(), q.offset()));
    } else {
      rows = pool.preparedQuery(BY_NAME).execute(Tuple.of("%" + likeEscape(q.name()) + "%", q.limit(), q.offset()));
    }
    return rows.map(set -> {
      List<Admin.PlayerMatch> players = new ArrayList<>();
      for (Row r : set) {
        players.add(new Admin.PlayerMatch(r.getLong(0), r.getString(1), r.getLong(2), r.getString(3), r.getLong(4),
            r.getString(5), r.getLong(6), r.getLong(7), iso(r.getOffsetDateTime(8))));
      }
      return new Admin.PlayerMatches(players, q.limit(), q.offset());
    });
  }

  /** Null when there is no such player. */
  public Future<Admin.History> history(long playerId, int limit, HistoryCursor before) {
    return pool.preparedQuery(PLAYER_EXISTS).execute(Tuple.of(playerId)).compose(exists -> {
      if (exists.size() == 0) {
        return Future.succeededFuture(null);
      }
      Tuple args = before == null ? Tuple.of(playerId, null, null, null, limit + 1)
          : Tuple.of(playerId, before.micros(), before.kind(), before.id(), limit + 1);
      return pool.preparedQuery(HISTORY).execute(args).map(set -> {
        List<Admin.HistoryItem> items = new ArrayList<>();
        String next = null;
        String lastCursor = null;
        for (Row r : set) {
          if (items.size() == limit) {
            next = lastCursor;
            break;
          }
          items.add(new Admin.HistoryItem(r.getString(0), r.getLong(1), iso(r.getOffsetDateTime(2)), r.getString(3),
              r.getString(4), r.getLong(5), r.getLong(6), r.getString(7), r.getString(8), r.getString(9),
              r.getLong(10)));
          lastCursor = new HistoryCursor(r.getLong(11), r.getString(0), r.getLong(1)).toString();
        }
        return new Admin.History(playerId, items, next);
      });
    });
  }

  public Future<Admin.FailedEvents> failed(Admin.FailedEventsQuery q) {
    return pool.preparedQuery(FAILED).execute(Tuple.of(q.type(), q.before(), q.limit() + 1)).map(set -> {
      List<Admin.FailedEvent> events = new ArrayList<>();
      Long next = null;
      for (Row r : set) {
        if (events.size() == q.limit()) {
          next = events.get(events.size() - 1).id();
          break;
        }
        events.add(new Admin.FailedEvent(r.getLong(0), r.getString(1), r.getString(2), r.getLong(3), r.getLong(4),
            r.getLong(5), r.getInteger(6), r.getString(7), iso(r.getOffsetDateTime(8))));
      }
      return new Admin.FailedEvents(events, next);
    });
  }

  /** How many failed events went back to pending. */
  public Future<Long> requeueAll(String type) {
    return pool.preparedQuery(REQUEUE_ALL).execute(Tuple.of(type)).map(set -> (long) set.rowCount());
  }

  static String likeEscape(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  private static String iso(OffsetDateTime time) {
    return time == null ? null : time.toInstant().toString();
  }

  /** The player's XP now; null when there is no such player. */
  public Future<Long> xpOf(long playerId) {
    return pool.preparedQuery(XP_OF).execute(Tuple.of(playerId))
        .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getLong(0));
  }

  /** What an admin's setXp event asked for; null when the event does not exist. */
  public Future<StoredSetXp> setXpOfEvent(long eventId) {
    return pool.preparedQuery(SET_XP_OF_EVENT).execute(Tuple.of(eventId)).map(rows -> {
      if (rows.size() == 0) {
        return null;
      }
      Row r = rows.iterator().next();
      return new StoredSetXp(r.getLong(0), r.getLong(1), EventStatus.fromWire(r.getString(2)),
          r.getString(3));
    });
  }

  public record StoredSetXp(Long setXp, long balance, EventStatus status, String error) {}
}
