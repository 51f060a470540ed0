package io.xpbridge.store;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The read side of standings: seasons, pages of the running season's, lifetime and ended seasons'
 * standings, and one player's place. Places are shared by ties (1, 2, 2, 4): one more than the number
 * of players with strictly more XP; players without XP and merged players are left out; ties are
 * ordered by player id.
 *
 * <p>The running season's XP of a player is {@code players.season_xp} only while {@code players.season}
 * is that season: the engine resets it lazily, the first time it writes the row in a new season. There
 * is no index on {@code xp} or {@code season_xp} (the ledger update stays HOT), so a page of the
 * running season or of lifetime XP is a sequential scan of the players; callers cache them
 * ({@code account.Leaderboard}). Ended seasons are read from {@code season_standings} by its index.
 */
public final class StandingsStore {

  /** $1 the running season. */
  static final String SEASON_PAGE = livePage("""
      SELECT id, CASE WHEN season = $1 THEN season_xp ELSE 0 END AS xp, xp AS lifetime_xp
        FROM players
       WHERE merged_into IS NULL AND season = $1 AND season_xp > 0 AND %s""".formatted(shown("players")), 2);

  static final String LIFETIME_PAGE = livePage("""
      SELECT id, xp, xp AS lifetime_xp
        FROM players
       WHERE merged_into IS NULL AND xp > 0 AND %s""".formatted(shown("players")), 1);

  /**
   * $1 an ended season. Places and names as they were archived; the rank shown is the player's lifetime
   * rank now (of the player they were merged into since, if so).
   */
  static final String ARCHIVED_PAGE = """
      WITH summary AS (SELECT count(*) AS total FROM season_standings WHERE season_id = $1),
           page AS (SELECT player_id, place, xp, name FROM season_standings WHERE season_id = $1
                     ORDER BY place, player_id LIMIT $2 OFFSET $3)
      SELECT summary.total, page.place, page.player_id, page.xp, page.name, coalesce(m.xp, p.xp, 0) AS lifetime_xp
        FROM summary
        LEFT JOIN page ON true
        LEFT JOIN players p ON p.id = page.player_id
        LEFT JOIN players m ON m.id = p.merged_into
       ORDER BY page.place, page.player_id""";

  /**
   * $1 the player, $2 the running season: their XP in it and, when they have some and are shown in
   * the standings, their place.
   */
  static final String SEASON_PLACE = """
      SELECT me.xp, CASE WHEN me.xp > 0 AND me.shown THEN 1 + (SELECT count(*) FROM players
                     WHERE merged_into IS NULL AND season = $2 AND season_xp > me.xp AND %s) END,
             me.hidden
        FROM (SELECT CASE WHEN season = $2 THEN season_xp ELSE 0 END AS xp, %s AS shown, hidden
                FROM players WHERE id = $1) me""".formatted(shown("players"), shown("players"));

  /** $1 the player: their lifetime XP and, when they have some and are shown, their place. */
  static final String LIFETIME_PLACE = """
      SELECT me.xp, CASE WHEN me.xp > 0 AND me.shown THEN 1 + (SELECT count(*) FROM players
                     WHERE merged_into IS NULL AND xp > me.xp AND %s) END,
             me.hidden
        FROM (SELECT xp, %s AS shown, hidden FROM players WHERE id = $1) me""".formatted(shown("players"),
      shown("players"));

  /**
   * The player row {@code players} (a table or alias of {@code players}) is on the standings: not hidden
   * by their own choice ({@code players.hidden}, set by /privacy) and still in the Discord guild
   * ({@link #inGuild}). Both leave the player out of every standing and shift the places of those
   * below; their XP is kept.
   */
  static String shown(String players) {
    return "NOT " + players + ".hidden AND " + inGuild(players + ".id");
  }

  /**
   * The player of {@code idColumn} is not hidden for having left the Discord guild: true without a
   * Discord identity (a Telegram-only player is never hidden), false while it is marked as left.
   * Answered from the small partial index of those who left.
   */
  static String inGuild(String idColumn) {
    return "NOT EXISTS (SELECT 1 FROM discord_identities gone WHERE gone.player_id = " + idColumn
        + " AND gone.left_guild_at IS NOT NULL)";
  }

  /**
   * What a standing calls a player: the name they were first seen with, else a platform username,
   * else "player &lt;id&gt;". Over {@code players p} joined to {@code telegram_identities t} and
   * {@code discord_identities d}; {@code idColumn} is the player's id.
   */
  static String displayName(String idColumn) {
    return "coalesce(p.display_name, t.username, d.username, 'player ' || " + idColumn + ")";
  }

  /**
   * One scan of the players for a page, its total and the place of its first row: the standing is
   * materialized once (a CTE used three times), the page is a top-N sort of it, and {@code above} counts
   * who has strictly more XP than the page's best, from which {@link #places} numbers the page.
   */
  private static String livePage(String standing, int limitParameter) {
    return """
        WITH standing AS (%s),
             page AS (SELECT id, xp, lifetime_xp FROM standing ORDER BY xp DESC, id LIMIT $%d OFFSET $%d),
             summary AS (SELECT count(*) AS total,
                                count(*) FILTER (WHERE xp > (SELECT max(xp) FROM page)) AS above
                           FROM standing)
        SELECT summary.total, summary.above, page.id, page.xp, page.lifetime_xp,
               %s AS name
          FROM summary
          LEFT JOIN page ON true
          LEFT JOIN players p ON p.id = page.id
          LEFT JOIN telegram_identities t ON t.player_id = page.id
          LEFT JOIN discord_identities d ON d.player_id = page.id
         ORDER BY page.xp DESC, page.id""".formatted(standing, limitParameter, limitParameter + 1, displayName("page.id"));
  }

  private final Pool pool;
  private final SeasonStore seasons;

  public StandingsStore(Pool pool) {
    this.pool = pool;
    this.seasons = new SeasonStore(pool);
  }

  /** One place: {@code xp} counts for the standing, {@code lifetimeXp} gives the rank. */
  public record Entry(long place, long playerId, String name, long xp, long lifetimeXp) {}

  /** Some consecutive places of a standing of {@code total} players. */
  public record Page(long total, List<Entry> entries) {
    public Page {
      entries = List.copyOf(entries);
    }

    /** The places {@code offset} to {@code offset + limit} of a page that starts at the first place. */
    public Page slice(int offset, int limit) {
      int from = Math.min(offset, entries.size());
      return new Page(total, entries.subList(from, Math.min(entries.size(), from + limit)));
    }
  }

  /**
   * A player in a standing: their XP in it and their place, null when they have no XP in it or are not
   * shown; {@code hidden} when they chose not to be on public standings.
   */
  public record Placed(long xp, Long place, boolean hidden) {}

  public Future<Optional<SeasonStore.Season>> running() {
    return seasons.running();
  }

  public Future<Optional<SeasonStore.Season>> season(int id) {
    return seasons.byId(id);
  }

  /** Places {@code offset + 1} to {@code offset + limit} of the running season {@code seasonId}. */
  public Future<Page> seasonPage(int seasonId, int limit, int offset) {
    return pool.preparedQuery(SEASON_PAGE).execute(Tuple.of(seasonId, limit, offset))
        .map(rows -> livePage(rows, offset));
  }

  /** Places {@code offset + 1} to {@code offset + limit} by lifetime XP. */
  public Future<Page> lifetimePage(int limit, int offset) {
    return pool.preparedQuery(LIFETIME_PAGE).execute(Tuple.of(limit, offset)).map(rows -> livePage(rows, offset));
  }

  /** Places {@code offset + 1} to {@code offset + limit} of an archived season's final standings. */
  public Future<Page> archivedPage(int seasonId, int limit, int offset) {
    return pool.preparedQuery(ARCHIVED_PAGE).execute(Tuple.of(seasonId, limit, offset)).map(rows -> {
      long total = 0;
      List<Entry> entries = new ArrayList<>();
      for (Row row : rows) {
        total = row.getLong("total");
        if (row.getLong("player_id") != null) {
          entries.add(new Entry(row.getInteger("place"), row.getLong("player_id"), row.getString("name"),
              row.getLong("xp"), row.getLong("lifetime_xp")));
        }
      }
      return new Page(total, entries);
    });
  }

  /** The player's XP and place in the running season {@code seasonId}; empty for an unknown player. */
  public Future<Optional<Placed>> seasonPlace(long playerId, int seasonId) {
    return pool.preparedQuery(SEASON_PLACE).execute(Tuple.of(playerId, seasonId)).map(StandingsStore::placed);
  }

  /** The player's lifetime XP and place; empty for an unknown player. */
  public Future<Optional<Placed>> lifetimePlace(long playerId) {
    return pool.preparedQuery(LIFETIME_PLACE).execute(Tuple.of(playerId)).map(StandingsStore::placed);
  }

  private static Page livePage(RowSet<Row> rows, int offset) {
    long total = 0;
    long above = 0;
    List<Row> page = new ArrayList<>();
    for (Row row : rows) {
      total = row.getLong("total");
      above = row.getLong("above");
      if (row.getLong("id") != null) {
        page.add(row);
      }
    }
    return new Page(total, places(page, offset, above));
  }

  /**
   * Numbers a page that starts at position {@code offset} of the standing: its first row's place is one
   * more than the {@code above} players with strictly more XP; each next row shares the place of the row
   * before when it ties with it, else every row before it has more XP, so its place is its position.
   */
  static List<Entry> places(List<Row> page, int offset, long above) {
    List<Entry> entries = new ArrayList<>(page.size());
    for (int i = 0; i < page.size(); i++) {
      Row row = page.get(i);
      long xp = row.getLong("xp");
      long place = i == 0 ? above + 1
          : xp == entries.get(i - 1).xp() ? entries.get(i - 1).place() : (long) offset + i + 1;
      entries.add(new Entry(place, row.getLong("id"), row.getString("name"), xp, row.getLong("lifetime_xp")));
    }
    return entries;
  }

  private static Optional<Placed> placed(RowSet<Row> rows) {
    if (rows.size() == 0) {
      return Optional.empty();
    }
    Row row = rows.iterator().next();
    return Optional.of(new Placed(row.getLong(0), row.getLong(1), row.getBoolean(2)));
  }
}
