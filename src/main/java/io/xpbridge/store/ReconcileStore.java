package io.xpbridge.store;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import io.xpbridge.domain.QueuedEffect;
import java.util.ArrayList;
import java.util.List;

/** Reads players with what each platform was last told, and records reconcile results. */
public final class ReconcileStore {
  private static final String PLAYER_VIEW = """
      SELECT p.id, p.xp, t.chat_id, d.discord_id, d.sync_enabled, d.left_guild_at IS NOT NULL AS left_guild,
             s.last_telegram_rank, s.last_discord_rank,
             EXISTS (SELECT 1 FROM sync_events e
                      WHERE e.player_id = p.id AND e.event_type = 'rank_change'
                        AND e.status IN ('pending', 'processing')) AS rank_in_flight,
             EXISTS (SELECT 1 FROM sync_events e
                      WHERE e.player_id = p.id AND e.event_type = 'achievement_unlock'
                        AND e.status IN ('pending', 'processing')) AS achievement_in_flight,
             ARRAY(SELECT a.code FROM player_achievements a WHERE a.player_id = p.id ORDER BY a.code) AS achievements
        FROM players p
        LEFT JOIN telegram_identities t ON t.player_id = p.id
        LEFT JOIN discord_identities d ON d.player_id = p.id
        LEFT JOIN sync_state s ON s.player_id = p.id
      """;
  // Two statements, not one with "($n IS NULL OR d.discord_id = $n)": the prepared page's generic plan
  // then misjudged the join and cost a pass of 100,000 players in pages of 100 some 65 % more (bench).
  static final String PAGE = PLAYER_VIEW + """
       WHERE p.merged_into IS NULL AND p.id > $1 AND ($3::bigint IS NULL OR p.id = $3)
       ORDER BY p.id
       LIMIT $2""";
  static final String MEMBER = PLAYER_VIEW + """
       WHERE p.merged_into IS NULL AND p.id > $1 AND d.discord_id = $3
       ORDER BY p.id
       LIMIT $2""";
  static final String MARK_RECONCILED = """
      INSERT INTO sync_state AS s (player_id, last_reconcile_at, reconcile_errors)
      SELECT v.p, now(), v.e FROM unnest($1::bigint[], $2::int[]) AS v(p, e)
      ON CONFLICT (player_id) DO UPDATE
         SET last_reconcile_at = now(), reconcile_errors = s.reconcile_errors + EXCLUDED.reconcile_errors""";

  private final Pool pool;
  private final EffectOutbox outbox = new EffectOutbox();

  public ReconcileStore(Pool pool) {
    this.pool = pool;
  }

  /**
   * @param leftGuild the Discord identity left the guild: no Discord role effect is queued for it
   * @param achievements codes of the achievements the player unlocked
   */
  public record PlayerView(long playerId, long xp, Long chatId, Long discordId, boolean discordSyncEnabled,
      boolean leftGuild, Integer lastTelegramRank, Integer lastDiscordRank, boolean rankInFlight,
      boolean achievementInFlight, List<String> achievements) {

    /** Discord can be told: a linked identity, syncing, and in the guild. */
    public boolean discordReachable() {
      return discordId != null && discordSyncEnabled && !leftGuild;
    }
  }

  /**
   * Players after {@code afterId} in id order; with {@code onlyPlayer} just that one, with
   * {@code onlyDiscordId} just the player of that Discord identity.
   */
  public Future<List<PlayerView>> page(long afterId, int limit, Long onlyPlayer, Long onlyDiscordId) {
    Future<RowSet<Row>> read = onlyDiscordId == null
        ? pool.preparedQuery(PAGE).execute(Tuple.of(afterId, limit, onlyPlayer))
        : pool.preparedQuery(MEMBER).execute(Tuple.of(afterId, limit, onlyDiscordId));
    return read.map(rows -> {
      List<PlayerView> page = new ArrayList<>(rows.size());
      for (Row row : rows) {
        Boolean enabled = row.getBoolean("sync_enabled");
        String[] achievements = row.getArrayOfStrings("achievements");
        page.add(new PlayerView(row.getLong("id"), row.getLong("xp"), row.getLong("chat_id"),
            row.getLong("discord_id"), enabled == null || enabled, Boolean.TRUE.equals(row.getBoolean("left_guild")),
            row.getInteger("last_telegram_rank"), row.getInteger("last_discord_rank"),
            row.getBoolean("rank_in_flight"), row.getBoolean("achievement_in_flight"),
            achievements == null ? List.of() : List.of(achievements)));
      }
      return page;
    });
  }

  /** Queues the corrections and stamps every player of the page, in one transaction. */
  public Future<Void> record(List<PlayerView> page, List<QueuedEffect> corrections) {
    return pool.withTransaction(conn -> {
      Long[] players = page.stream().map(PlayerView::playerId).toArray(Long[]::new);
      java.util.Set<Long> corrected = new java.util.HashSet<>();
      corrections.forEach(c -> corrected.add(c.playerId()));
      Integer[] errors = page.stream().map(p -> corrected.contains(p.playerId()) ? 1 : 0).toArray(Integer[]::new);
      Future<?> marked = conn.preparedQuery(MARK_RECONCILED)
          .execute(Tuple.tuple().addArrayOfLong(players).addArrayOfInteger(errors));
      return marked.compose(v -> outbox.queue(conn, corrections));
    });
  }
}
