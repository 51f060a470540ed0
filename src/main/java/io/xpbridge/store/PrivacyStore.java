package io.xpbridge.store;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import io.xpbridge.domain.IdempotencyKeys;
import io.xpbridge.domain.MirrorTarget;
import io.xpbridge.domain.Platform;
import io.xpbridge.domain.QueuedEffect;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongToIntFunction;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A player's own data (/privacy): what is kept, the Discord role-sync choice, the pending delete
 * confirmation and the erasure itself. The export reads through {@link ExportStore} and
 * {@link AdminPlayersStore#history}, so the player's file shows exactly what admins see.
 */
public final class PrivacyStore {
  static final String OVERVIEW = """
      SELECT p.id, p.public_id, p.display_name, p.xp, p.balance, p.hidden, p.created_at,
             t.telegram_id, t.username AS telegram_username, t.language_code,
             d.discord_id, d.username AS discord_username,
             d.sync_enabled,
             (SELECT count(*) FROM player_achievements a WHERE a.player_id = p.id) AS achievements,
             (SELECT count(*) FROM transactions x WHERE x.player_id = p.id)
               + (SELECT count(*) FROM sync_events e WHERE e.player_id = p.id) AS history_rows
        FROM players p
        LEFT JOIN telegram_identities t ON t.player_id = p.id
        LEFT JOIN discord_identities d ON d.player_id = p.id
       WHERE p.id = $1""";
  /**
   * $1 the player, $2 on or off. Changes the row only when the choice differs, so a repeat writes and
   * queues nothing; the stamp keys the effects the change queues.
   */
  static final String SET_SYNC = """
      UPDATE discord_identities SET sync_enabled = $2, sync_changed_at = clock_timestamp()
       WHERE player_id = $1 AND sync_enabled <> $2
      RETURNING (extract(epoch FROM sync_changed_at) * 1000000)::bigint AS stamp""";
  static final String SYNC_OF = "SELECT sync_enabled FROM discord_identities WHERE player_id = $1";
  static final String XP_AND_ACHIEVEMENTS = """
      SELECT p.xp, ARRAY(SELECT a.code FROM player_achievements a WHERE a.player_id = p.id ORDER BY a.code) AS codes
        FROM players p WHERE p.id = $1""";

  /** $1 the player, $2 the platform asked on, $3 seconds. A live request is consumed; else one is (re)started. */
  static final String TAKE_LIVE_REQUEST = """
      DELETE FROM privacy_delete_requests WHERE player_id = $1 AND expires_at > now() RETURNING player_id""";
  /** Not for a player erased meanwhile (two asks at once on two nodes): no request is left behind for it. */
  static final String START_REQUEST = """
      INSERT INTO privacy_delete_requests (player_id, asked_on, asked_at, expires_at)
      SELECT id, $2, now(), now() + make_interval(secs => $3) FROM players WHERE id = $1 AND erased_at IS NULL
      ON CONFLICT (player_id) DO UPDATE SET asked_on = EXCLUDED.asked_on, asked_at = EXCLUDED.asked_at,
                                            expires_at = EXCLUDED.expires_at""";

  // ---- erasure ----
  static final String ERASED_AT = "SELECT erased_at FROM players WHERE id = $1";
  /** The player and every player merged into it on /link (their rows hold the names they had). */
  static final String SCOPE = """
      WITH RECURSIVE scope(id) AS (
        SELECT $1::bigint
        UNION
        SELECT p.id FROM players p JOIN scope s ON p.merged_into = s.id)
      SELECT id FROM scope""";
  static final String DROP_TELEGRAM = "DELETE FROM telegram_identities WHERE player_id = ANY($1::bigint[]) RETURNING telegram_id";
  static final String DROP_DISCORD = "DELETE FROM discord_identities WHERE player_id = ANY($1::bigint[]) RETURNING discord_id";
  /**
   * Hidden, so every standing and public page (which all leave hidden players out) drops them; a new
   * public id, so an old link to their page leads nowhere.
   */
  static final String CLEAR_PLAYERS = """
      UPDATE players
         SET display_name = NULL, activity_state = NULL, hidden = true,
             public_id = substr(replace(gen_random_uuid()::text, '-', ''), 1, 16),
             erased_at = coalesce(erased_at, now()), updated_at = now()
       WHERE id = ANY($1::bigint[])
      RETURNING id, erased_at""";
  static final String DROP_LINK_CODES = "DELETE FROM link_codes WHERE player_id = ANY($1::bigint[])";
  static final String FORGET_CODE_USERS = "UPDATE link_codes SET used_by = NULL WHERE used_by = ANY($1::bigint[])";
  static final String DROP_LINK_ATTEMPTS = """
      DELETE FROM link_attempts
       WHERE (platform = 'telegram' AND platform_user = ANY($1::bigint[]))
          OR (platform = 'discord' AND platform_user = ANY($2::bigint[]))""";
  static final String DROP_DELETE_REQUESTS = "DELETE FROM privacy_delete_requests WHERE player_id = ANY($1::bigint[])";
  static final String DROP_SEASON_ROWS = "DELETE FROM season_standings WHERE player_id = ANY($1::bigint[])";
  /**
   * Effects still to be delivered end as completed (a terminal state no requeue touches) with the reason;
   * a deliverer holding one under claim finds it no longer 'processing' under its name and leaves it.
   */
  static final String CANCEL_EFFECTS = """
      UPDATE sync_events
         SET status = 'completed', processed_by = 'none', error_message = $2, processed_at = now(),
             claimed_by = NULL, next_attempt_at = now()
       WHERE player_id = ANY($1::bigint[]) AND status IN ('pending', 'processing') AND applied_at IS NOT NULL""";
  static final String CANCELLED = "cancelled: the player's data was erased (/privacy delete)";
  /**
   * $2 a regular expression matching any of the player's platform ids as a whole number. A key that
   * holds one is replaced by one naming only the row ('erased:tx:<id>', which no client key can be: ':'
   * is reserved for keys the engine derives); a reason or metadata that holds one is dropped.
   */
  static final String SCRUB_AUDIT = """
      UPDATE transactions
         SET idempotency_key = CASE WHEN idempotency_key ~ $2 THEN 'erased:tx:' || id ELSE idempotency_key END,
             reason = CASE WHEN reason ~ $2 THEN NULL ELSE reason END,
             metadata = CASE WHEN metadata::text ~ $2 THEN NULL ELSE metadata END
       WHERE player_id = ANY($1::bigint[]) AND (idempotency_key ~ $2 OR reason ~ $2 OR metadata::text ~ $2)""";
  static final String SCRUB_EVENTS = """
      UPDATE sync_events
         SET idempotency_key = CASE WHEN idempotency_key ~ $2 THEN 'erased:ev:' || id ELSE idempotency_key END,
             payload = CASE WHEN payload::text ~ $2
                            THEN payload - 'reason' - 'data' - 'entityId' - 'winners' - 'username' - 'name'
                            ELSE payload END
       WHERE player_id = ANY($1::bigint[]) AND (idempotency_key ~ $2 OR payload::text ~ $2)""";

  private final Pool pool;
  private final EffectOutbox outbox = new EffectOutbox();

  public PrivacyStore(Pool pool) {
    this.pool = pool;
  }

  /** {@code languageCode}: the Telegram account's, for names of ranks; null without one. */
  public record OverviewRow(long playerId, String publicId, String displayName, Long telegramId,
      String telegramUsername, String languageCode, Long discordId, String discordUsername, long xp, long balance, boolean hidden,
      Boolean rolesSync, int achievements, long historyRows, OffsetDateTime createdAt) {}

  /** Null when there is no such player. */
  public Future<OverviewRow> overview(long playerId) {
    return pool.preparedQuery(OVERVIEW).execute(Tuple.of(playerId)).map(rows -> {
      if (rows.size() == 0) {
        return null;
      }
      Row r = rows.iterator().next();
      return new OverviewRow(r.getLong("id"), r.getString("public_id"), r.getString("display_name"),
          r.getLong("telegram_id"), r.getString("telegram_username"), r.getString("language_code"),
          r.getLong("discord_id"),
          r.getString("discord_username"), r.getLong("xp"), r.getLong("balance"), r.getBoolean("hidden"),
          r.getBoolean("sync_enabled"), r.getLong("achievements").intValue(), r.getLong("history_rows"),
          r.getOffsetDateTime("created_at"));
    });
  }

  /** {@code discordLinked} false: no Discord identity; {@code changed} false: it was so already. */
  public record RolesState(boolean discordLinked, boolean enabled, boolean changed) {}

  /**
   * Sets the player's Discord role sync and, on a real change, queues in the same transaction what the
   * member's roles need: off, one removal of every rank and achievement role we manage; on, the rank role
   * of their XP now and the roles of their achievements. Both go through the effect outbox like any role
   * change, so the account code never talks to Discord and a failed delivery is retried.
   */
  public Future<RolesState> setRoles(long playerId, boolean enabled, LongToIntFunction rankOf) {
    return pool.withTransaction(conn -> conn.preparedQuery(SET_SYNC).execute(Tuple.of(playerId, enabled))
        .compose(changed -> {
          if (changed.size() == 0) {
            return conn.preparedQuery(SYNC_OF).execute(Tuple.of(playerId)).map(rows -> rows.size() == 0
                ? new RolesState(false, enabled, false)
                : new RolesState(true, rows.iterator().next().getBoolean(0), false));
          }
          Row row = changed.iterator().next();
          String stamp = "roles" + ':' + (enabled ? "on" : "off") + ':' + playerId + ':' + row.getLong("stamp");
          return conn.preparedQuery(XP_AND_ACHIEVEMENTS).execute(Tuple.of(playerId)).compose(rows -> {
            Row p = rows.iterator().next();
            int rank = rankOf.applyAsInt(p.getLong("xp"));
            List<QueuedEffect> effects = new ArrayList<>();
            String reason = enabled ? "rank-role sync turned on (/privacy)" : "rank-role sync turned off (/privacy)";
            effects.add(enabled
                ? QueuedEffect.rankChange(stamp + ":rank", Platform.SYSTEM, playerId, rank, rank, null,
                    MirrorTarget.DISCORD, reason, false)
                : QueuedEffect.rolesCleared(stamp + ":rank", playerId, rank, reason));
            if (enabled) {
              String[] codes = p.getArrayOfStrings("codes");
              for (String code : codes == null ? new String[0] : codes) {
                effects.add(QueuedEffect.achievementRole(IdempotencyKeys.achievement(stamp, code), playerId, code, reason));
              }
            }
            return outbox.queue(conn, effects).map(v -> new RolesState(true, enabled, true));
          });
        }));
  }

  /** What a delete request did: only asked (nothing erased), or erased. */
  public record DeleteStep(boolean erased, Erasure erasure) {}

  /**
   * The first ask records the wish for {@code confirmSeconds}; the same ask again within them erases the
   * player, in the same transaction that consumes the request (a crash undoes both: asking again
   * finishes the job).
   */
  public Future<DeleteStep> askOrErase(long playerId, Platform askedOn, int confirmSeconds) {
    return pool.withTransaction(conn -> conn.preparedQuery(TAKE_LIVE_REQUEST).execute(Tuple.of(playerId))
        .compose(live -> live.size() == 0
            ? conn.preparedQuery(START_REQUEST).execute(Tuple.of(playerId, askedOn.wireName(), confirmSeconds))
                .map(v -> new DeleteStep(false, null))
            : erase(conn, playerId).map(erasure -> new DeleteStep(true, erasure))));
  }

  /** What {@link #erase} did; {@code unknown} or {@code mergedInto} when it could not. */
  public record Erasure(long playerId, boolean unknown, Long mergedInto, OffsetDateTime erasedAt,
      boolean alreadyErased, List<Long> telegramIds, List<Long> discordIds, int playersCleared,
      int historyRowsScrubbed, int effectsCancelled, int seasonRowsRemoved) {}

  /** The admin's erasure: at once, no confirmation. */
  public Future<Erasure> erase(long playerId) {
    return pool.withTransaction(conn -> erase(conn, playerId));
  }

  /**
   * Erases the player in the caller's transaction, holding the player's ledger lock
   * ({@link PlayerLocks}) so no event of theirs half-applies around it. Every step is idempotent: run
   * again (after a crash undid a run, or on an erased player) it finishes or finds nothing to do.
   */
  Future<Erasure> erase(SqlConnection conn, long playerId) {
    return PlayerLocks.lockPlayerIds(conn, List.of(playerId)).compose(locked -> {
      if (locked.redirects().containsKey(playerId)) {
        return Future.succeededFuture(new Erasure(playerId, false, locked.redirects().get(playerId), null, false,
            List.of(), List.of(), 0, 0, 0, 0));
      }
      if (!locked.states().containsKey(playerId)) {
        return Future.succeededFuture(new Erasure(playerId, true, null, null, false, List.of(), List.of(), 0, 0, 0,
            0));
      }
      return conn.preparedQuery(ERASED_AT).execute(Tuple.of(playerId))
          .map(rows -> rows.iterator().next().getOffsetDateTime(0) != null)
          .compose(already -> conn.preparedQuery(SCOPE).execute(Tuple.of(playerId)).compose(scopeRows -> {
            List<Long> scope = new ArrayList<>();
            scopeRows.forEach(r -> scope.add(r.getLong(0)));
            return eraseScope(conn, playerId, scope.toArray(new Long[0]), already);
          }));
    });
  }

  private Future<Erasure> eraseScope(SqlConnection conn, long playerId, Long[] scope, boolean already) {
    Tuple ids = Tuple.tuple().addArrayOfLong(scope);
    List<Long> telegramIds = new ArrayList<>();
    List<Long> discordIds = new ArrayList<>();
    int[] counts = new int[4];
    OffsetDateTime[] erasedAt = new OffsetDateTime[1];
    return conn.preparedQuery(DROP_TELEGRAM).execute(ids)
        .compose(rows -> {
          rows.forEach(r -> telegramIds.add(r.getLong(0)));
          return conn.preparedQuery(DROP_DISCORD).execute(ids);
        })
        .compose(rows -> {
          rows.forEach(r -> discordIds.add(r.getLong(0)));
          return conn.preparedQuery(CLEAR_PLAYERS).execute(ids);
        })
        .compose(rows -> {
          counts[0] = rows.rowCount();
          rows.forEach(r -> {
            if (r.getLong("id") == playerId) {
              erasedAt[0] = r.getOffsetDateTime("erased_at");
            }
          });
          return conn.preparedQuery(DROP_LINK_CODES).execute(ids);
        })
        .compose(v -> conn.preparedQuery(DROP_DELETE_REQUESTS).execute(ids))
        .compose(v -> conn.preparedQuery(DROP_SEASON_ROWS).execute(ids))
        .compose(rows -> {
          counts[1] = rows.rowCount();
          return conn.preparedQuery(CANCEL_EFFECTS).execute(Tuple.tuple().addArrayOfLong(scope).addString(CANCELLED));
        })
        .compose(rows -> {
          counts[2] = rows.rowCount();
          return scrubPlatformIds(conn, scope, telegramIds, discordIds);
        })
        .map(scrubbed -> new Erasure(playerId, false, null, erasedAt[0], already, telegramIds, discordIds, counts[0],
            scrubbed, counts[2], counts[1]));
  }

  /** The platform ids out of link codes, link attempts, keys, reasons and payloads of the player's history. */
  private Future<Integer> scrubPlatformIds(SqlConnection conn, Long[] scope, List<Long> telegramIds,
      List<Long> discordIds) {
    if (telegramIds.isEmpty() && discordIds.isEmpty()) {
      return Future.succeededFuture(0);
    }
    Long[] all = Stream.concat(telegramIds.stream(), discordIds.stream()).toArray(Long[]::new);
    String pattern = "(^|[^0-9])(" + Stream.of(all).map(String::valueOf).collect(Collectors.joining("|"))
        + ")([^0-9]|$)";
    Tuple scoped = Tuple.tuple().addArrayOfLong(scope).addString(pattern);
    int[] scrubbed = new int[1];
    return conn.preparedQuery(FORGET_CODE_USERS).execute(Tuple.tuple().addArrayOfLong(all))
        .compose(v -> conn.preparedQuery(DROP_LINK_ATTEMPTS).execute(Tuple.tuple()
            .addArrayOfLong(telegramIds.toArray(new Long[0])).addArrayOfLong(discordIds.toArray(new Long[0]))))
        .compose(v -> conn.preparedQuery(SCRUB_AUDIT).execute(scoped))
        .compose(rows -> {
          scrubbed[0] += rows.rowCount();
          return conn.preparedQuery(SCRUB_EVENTS).execute(scoped);
        })
        .map(rows -> scrubbed[0] + rows.rowCount());
  }
}
