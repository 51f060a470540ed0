package io.xpbridge.store;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import io.xpbridge.domain.EventStatus;
import io.xpbridge.domain.EventType;
import io.xpbridge.domain.MirrorTarget;
import io.xpbridge.domain.Platform;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * SQL of effect delivery. Unlike applying, delivery talks to the bots and may take seconds, so a
 * claim is committed at once with a lease ({@code next_attempt_at}); a crashed instance's claims
 * become due again when the lease runs out.
 */
public final class DeliveryStore {
  static final String CLAIM = """
      UPDATE sync_events e
         SET status = 'processing', next_attempt_at = now() + make_interval(secs => $2), claimed_by = $3
        FROM (SELECT id FROM sync_events
               WHERE status IN ('pending', 'processing') AND applied_at IS NOT NULL AND next_attempt_at <= now()
               ORDER BY next_attempt_at, id
               LIMIT $1
                 FOR UPDATE SKIP LOCKED) c
       WHERE e.id = c.id
      RETURNING e.id, e.idempotency_key, e.source, e.event_type, e.player_id, e.payload, e.retries, e.delivered_to""";
  static final String TARGETS = """
      SELECT p.id, p.xp, p.balance, t.telegram_id, t.chat_id, t.language_code, d.discord_id, d.sync_enabled,
             d.left_guild_at IS NOT NULL AS left_guild
        FROM players p
        LEFT JOIN telegram_identities t ON t.player_id = p.id
        LEFT JOIN discord_identities d ON d.player_id = p.id
       WHERE p.id = ANY($1::bigint[])""";
  /**
   * Only rows still claimed by this deliverer: a claim sets {@code claimed_by} together with status
   * 'processing', and every way out of 'processing' (this statement, a privacy erasure) clears it, so
   * the name alone says the claim still holds. No status condition on purpose: one that implies the
   * unfinished rows' partial index lets the planner scan that whole index instead of going by id when
   * its statistics are stale (counted empty at the last vacuum while effects piled up since): that
   * cost ~35,000 buffer reads per delivery batch in a benchmark run. {@code StaleStatisticsPlansTest}.
   */
  static final String FINISH = """
      UPDATE sync_events e
         SET status = v.status,
             delivered_to = v.delivered,
             processed_by = v.processed_by,
             error_message = v.error,
             retries = e.retries + v.retry_increment,
             processed_at = CASE WHEN v.status IN ('completed', 'failed') THEN now() END,
             next_attempt_at = now() + make_interval(secs => v.delay_ms::double precision / 1000),
             claimed_by = NULL
        FROM (SELECT v.id, v.status, string_to_array(v.delivered, ',') AS delivered, v.processed_by, v.error,
                     v.retry_increment, v.delay_ms
                FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[], $6::int[], $7::bigint[])
                     AS v(id, status, delivered, processed_by, error, retry_increment, delay_ms)) v
       WHERE e.id = v.id AND e.claimed_by = $8""";
  static final String RECORD_TOLD = """
      INSERT INTO sync_state AS s (player_id, last_telegram_rank, last_telegram_xp, last_telegram_balance,
                                   last_discord_rank, last_discord_xp, last_discord_balance)
      SELECT * FROM unnest($1::bigint[], $2::int[], $3::bigint[], $4::bigint[], $5::int[], $6::bigint[], $7::bigint[])
      ON CONFLICT (player_id) DO UPDATE SET
          last_telegram_rank = coalesce(EXCLUDED.last_telegram_rank, s.last_telegram_rank),
          last_telegram_xp = coalesce(EXCLUDED.last_telegram_xp, s.last_telegram_xp),
          last_telegram_balance = coalesce(EXCLUDED.last_telegram_balance, s.last_telegram_balance),
          last_discord_rank = coalesce(EXCLUDED.last_discord_rank, s.last_discord_rank),
          last_discord_xp = coalesce(EXCLUDED.last_discord_xp, s.last_discord_xp),
          last_discord_balance = coalesce(EXCLUDED.last_discord_balance, s.last_discord_balance)""";
  static final String DISCORD_SYNCED = """
      UPDATE discord_identities SET last_sync_at = now() WHERE player_id = ANY($1::bigint[])""";
  static final String WAKE_WAITING = """
      UPDATE sync_events SET next_attempt_at = now()
       WHERE status = 'pending' AND applied_at IS NOT NULL AND next_attempt_at > now()""";

  private final Pool pool;

  public DeliveryStore(Pool pool) {
    this.pool = pool;
  }

  public record Claimed(long id, String key, Platform source, EventType type, long playerId, JsonObject payload,
      int retries, List<MirrorTarget> deliveredTo) {}

  /** @param leftGuild the Discord identity left the guild: nothing is sent to Discord for it */
  public record Target(long playerId, long xp, long balance, Long telegramId, Long chatId, String languageCode,
      Long discordId, boolean discordSyncEnabled, boolean leftGuild) {

    /**
     * Discord can be told. A member who left cannot hold roles (Discord answers 10007 Unknown Member),
     * so their effects skip Discord instead of failing; what they missed is given back when they return.
     */
    public boolean discordReachable() {
      return discordId != null && discordSyncEnabled && !leftGuild;
    }
  }

  /** One finished delivery attempt, written back in one statement for the whole batch. */
  public record Finish(long id, EventStatus status, List<MirrorTarget> deliveredTo, MirrorTarget processedBy,
      String error, boolean countsAsRetry, long delayMs) {}

  /** What a platform was told; null fields leave the stored value alone. */
  public record Told(long playerId, Integer telegramRank, Long telegramXp, Long telegramBalance,
      Integer discordRank, Long discordXp, Long discordBalance) {}

  public Future<List<Claimed>> claim(int limit, int leaseSeconds, String claimer) {
    return pool.preparedQuery(CLAIM).execute(Tuple.of(limit, leaseSeconds, claimer)).map(rows -> {
      List<Claimed> claimed = new ArrayList<>(rows.size());
      for (Row row : rows) {
        String[] delivered = row.getArrayOfStrings("delivered_to");
        claimed.add(new Claimed(row.getLong("id"), row.getString("idempotency_key"),
            Platform.fromWire(row.getString("source")), EventType.fromWire(row.getString("event_type")),
            row.getLong("player_id"), payloadOf(row.getValue("payload")), row.getInteger("retries"),
            delivered == null ? List.of() : Arrays.stream(delivered).map(MirrorTarget::fromWire).toList()));
      }
      return claimed;
    });
  }

  /** Tolerates a payload stored as a JSON string (older rows), so one odd row cannot stall a batch. */
  static JsonObject payloadOf(Object value) {
    if (value instanceof JsonObject object) {
      return object;
    }
    if (value instanceof String text) {
      try {
        return new JsonObject(text);
      } catch (RuntimeException notAnObject) {
        return new JsonObject();
      }
    }
    return new JsonObject();
  }

  public Future<Map<Long, Target>> targets(List<Long> playerIds) {
    return pool.preparedQuery(TARGETS).execute(Tuple.tuple().addArrayOfLong(playerIds.toArray(new Long[0])))
        .map(rows -> {
          Map<Long, Target> targets = new HashMap<>();
          for (Row row : rows) {
            Boolean enabled = row.getBoolean("sync_enabled");
            targets.put(row.getLong("id"), new Target(row.getLong("id"), row.getLong("xp"), row.getLong("balance"),
                row.getLong("telegram_id"), row.getLong("chat_id"), row.getString("language_code"),
                row.getLong("discord_id"), enabled == null || enabled, Boolean.TRUE.equals(row.getBoolean("left_guild"))));
          }
          return targets;
        });
  }

  /** Writes the outcome of a delivery batch and what each platform was told, atomically. */
  public Future<Void> finish(List<Finish> finishes, List<Told> told, String claimer) {
    return pool.withTransaction(conn -> {
      int n = finishes.size();
      Long[] ids = new Long[n];
      String[] statuses = new String[n];
      String[] delivered = new String[n];
      String[] processedBy = new String[n];
      String[] errors = new String[n];
      Integer[] increments = new Integer[n];
      Long[] delays = new Long[n];
      for (int i = 0; i < n; i++) {
        Finish f = finishes.get(i);
        ids[i] = f.id();
        statuses[i] = f.status().wireName();
        delivered[i] = f.deliveredTo().stream().map(MirrorTarget::wireName).collect(Collectors.joining(","));
        processedBy[i] = f.processedBy().wireName();
        errors[i] = f.error() == null ? null : LedgerStore.truncate(f.error());
        increments[i] = f.countsAsRetry() ? 1 : 0;
        delays[i] = f.delayMs();
      }
      Future<?> finished = conn.preparedQuery(FINISH).execute(Tuple.tuple().addArrayOfLong(ids)
          .addArrayOfString(statuses).addArrayOfString(delivered).addArrayOfString(processedBy)
          .addArrayOfString(errors).addArrayOfInteger(increments).addArrayOfLong(delays).addString(claimer));
      if (told.isEmpty()) {
        return finished.mapEmpty();
      }
      return finished.compose(v -> recordTold(conn, told));
    });
  }

  private Future<Void> recordTold(io.vertx.sqlclient.SqlConnection conn, List<Told> told) {
    int n = told.size();
    Long[] players = new Long[n];
    Integer[] tgRank = new Integer[n];
    Long[] tgXp = new Long[n];
    Long[] tgBalance = new Long[n];
    Integer[] dsRank = new Integer[n];
    Long[] dsXp = new Long[n];
    Long[] dsBalance = new Long[n];
    List<Long> discordPlayers = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Told t = told.get(i);
      players[i] = t.playerId();
      tgRank[i] = t.telegramRank();
      tgXp[i] = t.telegramXp();
      tgBalance[i] = t.telegramBalance();
      dsRank[i] = t.discordRank();
      dsXp[i] = t.discordXp();
      dsBalance[i] = t.discordBalance();
      if (t.discordRank() != null) {
        discordPlayers.add(t.playerId());
      }
    }
    Future<?> recorded = conn.preparedQuery(RECORD_TOLD).execute(Tuple.tuple().addArrayOfLong(players)
        .addArrayOfInteger(tgRank).addArrayOfLong(tgXp).addArrayOfLong(tgBalance)
        .addArrayOfInteger(dsRank).addArrayOfLong(dsXp).addArrayOfLong(dsBalance));
    if (discordPlayers.isEmpty()) {
      return recorded.mapEmpty();
    }
    return recorded.compose(v -> conn.preparedQuery(DISCORD_SYNCED)
        .execute(Tuple.tuple().addArrayOfLong(discordPlayers.toArray(new Long[0])))).mapEmpty();
  }

  /** A bot came up: effects that were waiting for it become due now. */
  public Future<Integer> wakeWaiting() {
    return pool.query(WAKE_WAITING).execute().map(rows -> rows.rowCount());
  }
}
