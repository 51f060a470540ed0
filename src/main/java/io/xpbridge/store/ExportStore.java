package io.xpbridge.store;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import io.xpbridge.bus.Export;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongToIntFunction;

/**
 * Pages of every player for the admin export, by id after a cursor (the primary key: each page is an
 * index range scan, however deep). Players merged into another are left out: their survivor holds them.
 */
public final class ExportStore {
  /** $1 the cursor (exclusive), $2 the page size. Achievements come as one JSON array per player. */
  static final String PAGE = """
      SELECT p.id, p.public_id, p.display_name, p.xp, p.balance, p.hidden,
             s.id AS season_id, CASE WHEN p.season = s.id THEN p.season_xp ELSE 0 END AS season_xp,
             t.telegram_id, t.username AS telegram_username, t.chat_id, t.language_code,
             d.discord_id, d.username AS discord_username, d.sync_enabled,
             (SELECT coalesce(json_agg(json_build_object('code', a.code, 'unlockedAt',
                        to_char(a.unlocked_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'))
                      ORDER BY a.code), '[]'::json)::text
                FROM player_achievements a WHERE a.player_id = p.id) AS achievements
        FROM players p
        LEFT JOIN (SELECT id FROM seasons WHERE state = 'running') s ON true
        LEFT JOIN telegram_identities t ON t.player_id = p.id
        LEFT JOIN discord_identities d ON d.player_id = p.id
       WHERE p.merged_into IS NULL AND p.id > $1
       ORDER BY p.id
       LIMIT $2""";

  private final Pool pool;

  public ExportStore(Pool pool) {
    this.pool = pool;
  }

  /** Up to {@code limit} players after {@code afterId}, with the rank {@code rankOf} gives their XP. */
  public Future<List<Export.PlayerLine>> page(long afterId, int limit, LongToIntFunction rankOf) {
    return pool.preparedQuery(PAGE).execute(Tuple.of(afterId, limit)).map(rows -> {
      List<Export.PlayerLine> lines = new ArrayList<>(rows.size());
      for (Row row : rows) {
        lines.add(line(row, rankOf));
      }
      return lines;
    });
  }

  private static Export.PlayerLine line(Row row, LongToIntFunction rankOf) {
    long xp = row.getLong("xp");
    Long telegramId = row.getLong("telegram_id");
    Long discordId = row.getLong("discord_id");
    Export.TelegramLink telegram = telegramId == null ? null : new Export.TelegramLink(telegramId,
        row.getString("telegram_username"), row.getLong("chat_id"), row.getString("language_code"));
    Export.DiscordLink discord = discordId == null ? null : new Export.DiscordLink(discordId,
        row.getString("discord_username"), row.getBoolean("sync_enabled"));
    List<Export.Achievement> achievements = new ArrayList<>();
    for (Object each : new JsonArray(row.getString("achievements"))) {
      JsonObject achievement = (JsonObject) each;
      achievements.add(new Export.Achievement(achievement.getString("code"), achievement.getString("unlockedAt")));
    }
    return new Export.PlayerLine(Export.FORMAT, row.getLong("id"), row.getString("public_id"),
        row.getString("display_name"), telegram, discord, xp, row.getLong("balance"), rankOf.applyAsInt(xp),
        achievements, new Export.SeasonXp(row.getInteger("season_id"), row.getLong("season_xp")),
        row.getBoolean("hidden"));
  }
}
