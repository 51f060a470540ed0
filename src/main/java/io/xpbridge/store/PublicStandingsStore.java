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
 * The read side of the public web (issue 15): standings and players as strangers may see them. Unlike
 * {@link StandingsStore} it also leaves out players who chose to be hidden ({@code players.hidden}),
 * and places are counted without them, so a hidden player leaves no gap. Rows carry the opaque
 * {@code public_id}; the internal id is returned only for the caller's own lookups (achievements),
 * never for a reply. Live standings are sequential scans like {@link StandingsStore}'s (no index on
 * XP: it would make every ledger write dearer); {@code account.PublicStandings} caches their heads.
 */
public final class PublicStandingsStore {

  /**
   * {@link StandingsStore#displayName} without its last resort, "player &lt;internal id&gt;", which
   * would show the internal id: a nameless player is "player" and the start of their public id.
   */
  static String publicName(String playersAlias) {
    return "coalesce(" + playersAlias + ".display_name, t.username, d.username, 'player ' || left(" + playersAlias
        + ".public_id, 6))";
  }

  /** $1 the running season, $2 limit, $3 offset. */
  static final String SEASON_PAGE = livePage("""
      SELECT id, season_xp AS xp, xp AS lifetime_xp
        FROM players
       WHERE merged_into IS NULL AND season = $1 AND season_xp > 0 AND %s""".formatted(StandingsStore.shown("players")), 2);

  /** $1 limit, $2 offset. */
  static final String LIFETIME_PAGE = livePage("""
      SELECT id, xp, xp AS lifetime_xp
        FROM players
       WHERE merged_into IS NULL AND xp > 0 AND %s""".formatted(StandingsStore.shown("players")), 1);

  /**
   * $1 an archived season, $2 limit, $3 offset. Its stored standings with the hidden and absent left out
   * and the places counted again among the rest (ties still share a place); a player merged since is
   * shown as the player they were merged into, with the name they had then.
   */
  static final String ARCHIVED_PAGE = """
      WITH shown AS (SELECT s.player_id, s.xp, s.name, coalesce(m.id, p.id) AS now_id
                       FROM season_standings s
                       JOIN players p ON p.id = s.player_id
                       LEFT JOIN players m ON m.id = p.merged_into
                      WHERE s.season_id = $1 AND NOT coalesce(m.hidden, p.hidden)
                        AND %s),
           ranked AS (SELECT shown.*, rank() OVER (ORDER BY xp DESC) AS place FROM shown),
           page AS (SELECT * FROM ranked ORDER BY place, player_id LIMIT $2 OFFSET $3),
           summary AS (SELECT count(*) AS total FROM shown)
      SELECT summary.total, page.place, page.xp,
             CASE WHEN page.name = 'player ' || page.player_id THEN 'player ' || left(n.public_id, 6)
                  ELSE page.name END AS name, n.public_id, n.xp AS lifetime_xp, d.avatar_url
        FROM summary
        LEFT JOIN page ON true
        LEFT JOIN players n ON n.id = page.now_id
        LEFT JOIN discord_identities d ON d.player_id = page.now_id
       ORDER BY page.place, page.player_id""".formatted(StandingsStore.inGuild("coalesce(m.id, p.id)"));

  private static final String PLAYER_COLUMNS = """
      SELECT p.id, p.public_id, %s AS name, d.avatar_url, p.xp,
             CASE WHEN p.season = $2 THEN p.season_xp ELSE 0 END AS season_xp
        FROM players p
        LEFT JOIN telegram_identities t ON t.player_id = p.id
        LEFT JOIN discord_identities d ON d.player_id = p.id
       WHERE p.merged_into IS NULL AND %s AND\s""".formatted(publicName("p"), StandingsStore.shown("p"));

  /** $1 a public id, $2 the running season (0 when none runs). Uses V11's unique index. */
  static final String PLAYER_BY_PUBLIC_ID = PLAYER_COLUMNS + "p.public_id = $1";

  /** $1 a player id, $2 the running season (0 when none runs). */
  static final String PLAYER_BY_ID = PLAYER_COLUMNS + "p.id = $1";

  /**
   * $1 the running season (0 when none runs): the lifetime XP and the season XP of every shown player
   * with some, for places. One scan, read at most once a second by the public standings.
   */
  static final String SHOWN_XP = "SELECT array_agg(xp) FILTER (WHERE xp > 0) AS lifetime,"
      + " array_agg(season_xp) FILTER (WHERE season = $1 AND season_xp > 0) AS season"
      + " FROM players WHERE merged_into IS NULL AND " + StandingsStore.shown("players");

  private static String livePage(String standing, int limitParameter) {
    return """
        WITH standing AS (%s),
             page AS (SELECT id, xp, lifetime_xp FROM standing ORDER BY xp DESC, id LIMIT $%d OFFSET $%d),
             summary AS (SELECT count(*) AS total,
                                count(*) FILTER (WHERE xp > (SELECT max(xp) FROM page)) AS above
                           FROM standing)
        SELECT summary.total, summary.above, page.xp, page.lifetime_xp, p.public_id, %s AS name, d.avatar_url
          FROM summary
          LEFT JOIN page ON true
          LEFT JOIN players p ON p.id = page.id
          LEFT JOIN telegram_identities t ON t.player_id = page.id
          LEFT JOIN discord_identities d ON d.player_id = page.id
         ORDER BY page.xp DESC, page.id""".formatted(standing, limitParameter, limitParameter + 1,
        publicName("p"));
  }

  /** One place: {@code xp} counts for the standing, {@code lifetimeXp} gives the rank. No platform id. */
  public record Entry(long place, String publicId, String name, String avatarUrl, long xp, long lifetimeXp) {}

  /** Some consecutive places of a standing of {@code total} shown players. */
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
   * A shown player; {@code playerId} is for this process's further reads only. {@code seasonXp} in the
   * season asked for (0 outside it).
   */
  public record Shown(long playerId, String publicId, String name, String avatarUrl, long xp, long seasonXp) {}

  private final Pool pool;

  public PublicStandingsStore(Pool pool) {
    this.pool = pool;
  }

  public Future<Page> seasonPage(int seasonId, int limit, int offset) {
    return pool.preparedQuery(SEASON_PAGE).execute(Tuple.of(seasonId, limit, offset)).map(rows -> live(rows, offset));
  }

  public Future<Page> lifetimePage(int limit, int offset) {
    return pool.preparedQuery(LIFETIME_PAGE).execute(Tuple.of(limit, offset)).map(rows -> live(rows, offset));
  }

  public Future<Page> archivedPage(int seasonId, int limit, int offset) {
    return pool.preparedQuery(ARCHIVED_PAGE).execute(Tuple.of(seasonId, limit, offset)).map(rows -> {
      long total = 0;
      List<Entry> entries = new ArrayList<>();
      for (Row row : rows) {
        total = row.getLong("total");
        if (row.getLong("place") != null) {
          entries.add(new Entry(row.getLong("place"), row.getString("public_id"), row.getString("name"),
              row.getString("avatar_url"), row.getLong("xp"), row.getLong("lifetime_xp")));
        }
      }
      return new Page(total, entries);
    });
  }

  /** The shown player with this public id; empty when unknown, merged, hidden or absent. */
  public Future<Optional<Shown>> byPublicId(String publicId, int runningSeason) {
    return pool.preparedQuery(PLAYER_BY_PUBLIC_ID).execute(Tuple.of(publicId, runningSeason))
        .map(PublicStandingsStore::shown);
  }

  /** The shown player of this (unmerged) id; empty when unknown, merged, hidden or absent. */
  public Future<Optional<Shown>> byId(long playerId, int runningSeason) {
    return pool.preparedQuery(PLAYER_BY_ID).execute(Tuple.of(playerId, runningSeason))
        .map(PublicStandingsStore::shown);
  }

  /**
   * The XP values of the shown players, ascending, to find a place by binary search: counting the
   * players above one player scans the table (there is no index on XP, on purpose), about 15-19 ms at
   * 100,000 players, which a page or card per request cannot afford.
   */
  public record ShownXp(long[] lifetimeAscending, long[] seasonAscending) {

    /** Place by lifetime XP (1 + how many have more); null without XP. */
    public Long lifetimePlace(long xp) {
      return place(lifetimeAscending, xp);
    }

    /** Place by season XP; null without season XP. */
    public Long seasonPlace(long seasonXp) {
      return place(seasonAscending, seasonXp);
    }

    static Long place(long[] ascending, long xp) {
      if (xp <= 0) {
        return null;
      }
      int low = 0;
      int high = ascending.length;
      while (low < high) { // the first index holding more than xp
        int mid = (low + high) >>> 1;
        if (ascending[mid] <= xp) {
          low = mid + 1;
        } else {
          high = mid;
        }
      }
      return (long) (ascending.length - low) + 1;
    }
  }

  public Future<ShownXp> shownXp(int runningSeason) {
    return pool.preparedQuery(SHOWN_XP).execute(Tuple.of(runningSeason)).map(rows -> {
      Row row = rows.iterator().next();
      return new ShownXp(ascending(row.getArrayOfLongs("lifetime")), ascending(row.getArrayOfLongs("season")));
    });
  }

  private static long[] ascending(Long[] values) {
    if (values == null) {
      return new long[0];
    }
    long[] sorted = new long[values.length];
    for (int i = 0; i < values.length; i++) {
      sorted[i] = values[i];
    }
    java.util.Arrays.sort(sorted);
    return sorted;
  }

  /** Codes of the player's achievements, in the order they were unlocked. */
  public Future<List<PlayerStore.Unlocked>> achievements(long playerId) {
    return pool.preparedQuery(PlayerStore.ACHIEVEMENTS).execute(Tuple.of(playerId)).map(rows -> {
      List<PlayerStore.Unlocked> unlocked = new ArrayList<>();
      rows.forEach(row -> unlocked.add(new PlayerStore.Unlocked(row.getString(0), row.getOffsetDateTime(1))));
      return unlocked;
    });
  }

  private static Optional<Shown> shown(RowSet<Row> rows) {
    if (rows.size() == 0) {
      return Optional.empty();
    }
    Row row = rows.iterator().next();
    return Optional.of(new Shown(row.getLong("id"), row.getString("public_id"), row.getString("name"),
        row.getString("avatar_url"), row.getLong("xp"), row.getLong("season_xp")));
  }

  /** Numbers a page as {@link StandingsStore#places} does: ties share the place of the first of them. */
  private static Page live(RowSet<Row> rows, int offset) {
    long total = 0;
    long above = 0;
    List<Entry> entries = new ArrayList<>();
    for (Row row : rows) {
      total = row.getLong("total");
      above = row.getLong("above");
      if (row.getString("public_id") == null) {
        continue;
      }
      long xp = row.getLong("xp");
      int i = entries.size();
      long place = i == 0 ? above + 1
          : xp == entries.get(i - 1).xp() ? entries.get(i - 1).place() : (long) offset + i + 1;
      entries.add(new Entry(place, row.getString("public_id"), row.getString("name"), row.getString("avatar_url"),
          xp, row.getLong("lifetime_xp")));
    }
    return new Page(total, entries);
  }
}
