package io.xpbridge.store;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import io.xpbridge.domain.PlayerRef;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Player registration and profiles (standings: {@link StandingsStore}). */
public final class PlayerStore {
  static final String TELEGRAM_PLAYER = "SELECT player_id FROM telegram_identities WHERE telegram_id = $1";
  static final String DISCORD_PLAYER = "SELECT player_id FROM discord_identities WHERE discord_id = $1";
  static final String PLAYER_EXISTS = "SELECT id FROM players WHERE id = $1";
  static final String RESOLVE = "SELECT player_id FROM resolve_players($1, ARRAY[$2]::bigint[])";
  static final String UPDATE_TELEGRAM = """
      UPDATE telegram_identities
         SET chat_id = coalesce($2, chat_id), username = coalesce($3, username),
             language_code = coalesce($4, language_code), updated_at = now()
       WHERE telegram_id = $1""";
  static final String UPDATE_DISCORD = """
      UPDATE discord_identities SET username = coalesce($2, username), avatar_url = coalesce($3, avatar_url)
       WHERE discord_id = $1""";
  static final String NAME_PLAYER = "UPDATE players SET display_name = $2 WHERE id = $1 AND display_name IS NULL";
  static final String PROFILE = """
      SELECT p.id, p.xp, p.balance, p.daily_streak, p.last_daily_day, p.display_name, p.merged_into,
             p.public_id, p.hidden, t.telegram_id, t.language_code, d.discord_id
        FROM players p
        LEFT JOIN telegram_identities t ON t.player_id = p.id
        LEFT JOIN discord_identities d ON d.player_id = p.id
       WHERE p.id = $1""";
  /**
   * $1 the player, $2 hidden or not. Changes the row only when the state differs, so a repeat writes
   * nothing; {@code hidden} is in no index, so the update stays HOT like the ledger's.
   */
  static final String SET_HIDDEN = """
      WITH changed AS (UPDATE players SET hidden = $2 WHERE id = $1 AND hidden <> $2 RETURNING id)
      SELECT p.public_id, $2::boolean AS hidden, EXISTS (SELECT 1 FROM changed) AS changed
        FROM players p WHERE p.id = $1""";
  static final String VISIBILITY = "SELECT public_id, hidden, false AS changed FROM players WHERE id = $1";
  static final String ACHIEVEMENTS = "SELECT code, unlocked_at FROM player_achievements WHERE player_id = $1 ORDER BY unlocked_at, code";
  private final Pool pool;

  public PlayerStore(Pool pool) {
    this.pool = pool;
  }

  public record Profile(long playerId, long xp, long balance, int dailyStreak, LocalDate lastDailyDay,
      String displayName, Long telegramId, String languageCode, Long discordId, List<Unlocked> achievements,
      String publicId, boolean hidden) {}

  /** Whether a player is hidden from public standings, and whether the last call changed it. */
  public record Visibility(long playerId, String publicId, boolean hidden, boolean changed) {}

  public record Unlocked(String code, OffsetDateTime at) {}

  public record Registration(long playerId, boolean created) {}

  /** Finds the player behind a reference; empty when nobody has that platform id yet. */
  public Future<Optional<Long>> find(PlayerRef ref) {
    String sql = switch (ref.kind()) {
      case TELEGRAM -> TELEGRAM_PLAYER;
      case DISCORD -> DISCORD_PLAYER;
      case PLAYER -> PLAYER_EXISTS;
    };
    return pool.preparedQuery(sql).execute(Tuple.of(ref.id()))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next().getLong(0)));
  }

  public Future<Registration> registerTelegram(long telegramId, Long chatId, String username, String language) {
    PlayerRef ref = new PlayerRef(PlayerRef.Kind.TELEGRAM, telegramId);
    return find(ref).compose(existing -> pool.withTransaction(conn -> conn.preparedQuery(RESOLVE)
        .execute(Tuple.of("telegram", telegramId))
        .compose(rows -> {
          long playerId = rows.iterator().next().getLong(0);
          return conn.preparedQuery(UPDATE_TELEGRAM).execute(Tuple.of(telegramId, chatId, username, language))
              .compose(v -> username == null ? Future.succeededFuture()
                  : conn.preparedQuery(NAME_PLAYER).execute(Tuple.of(playerId, username)))
              .map(v -> new Registration(playerId, existing.isEmpty()));
        })));
  }

  public Future<Registration> registerDiscord(long discordId, String username) {
    return registerDiscord(discordId, username, null);
  }

  /** {@code avatarUrl}: the member's avatar address for the public pages; null keeps the stored one. */
  public Future<Registration> registerDiscord(long discordId, String username, String avatarUrl) {
    PlayerRef ref = new PlayerRef(PlayerRef.Kind.DISCORD, discordId);
    return find(ref).compose(existing -> pool.withTransaction(conn -> conn.preparedQuery(RESOLVE)
        .execute(Tuple.of("discord", discordId))
        .compose(rows -> {
          long playerId = rows.iterator().next().getLong(0);
          return conn.preparedQuery(UPDATE_DISCORD).execute(Tuple.of(discordId, username, avatarUrl))
              .compose(v -> username == null ? Future.succeededFuture()
                  : conn.preparedQuery(NAME_PLAYER).execute(Tuple.of(playerId, username)))
              .map(v -> new Registration(playerId, existing.isEmpty()));
        })));
  }

  public Future<Optional<Profile>> profile(long playerId) {
    return pool.preparedQuery(PROFILE).execute(Tuple.of(playerId)).compose(rows -> {
      if (rows.size() == 0) {
        return Future.succeededFuture(Optional.empty());
      }
      Row row = rows.iterator().next();
      Long mergedInto = row.getLong("merged_into");
      if (mergedInto != null) {
        return profile(mergedInto);
      }
      return pool.preparedQuery(ACHIEVEMENTS).execute(Tuple.of(playerId)).map(achievementRows -> {
        List<Unlocked> unlocked = new ArrayList<>();
        for (Row a : achievementRows) {
          unlocked.add(new Unlocked(a.getString(0), a.getOffsetDateTime(1)));
        }
        return Optional.of(new Profile(row.getLong("id"), row.getLong("xp"), row.getLong("balance"),
            row.getInteger("daily_streak"), row.getLocalDate("last_daily_day"), row.getString("display_name"),
            row.getLong("telegram_id"), row.getString("language_code"), row.getLong("discord_id"), unlocked,
            row.getString("public_id"), row.getBoolean("hidden")));
      });
    });
  }

  /**
   * Hides the player from (true) or shows them on (false) every public standing; null only reads. An
   * UPDATE by player id that changes nothing when the state is already so: safe to repeat.
   */
  public Future<Optional<Visibility>> visibility(long playerId, Boolean hidden) {
    Future<RowSet<Row>> rows = hidden == null
        ? pool.preparedQuery(VISIBILITY).execute(Tuple.of(playerId))
        : pool.preparedQuery(SET_HIDDEN).execute(Tuple.of(playerId, hidden));
    return rows.map(found -> {
      if (found.size() == 0) {
        return Optional.empty();
      }
      Row row = found.iterator().next();
      return Optional.of(new Visibility(playerId, row.getString("public_id"), row.getBoolean("hidden"),
          row.getBoolean("changed")));
    });
  }
}
