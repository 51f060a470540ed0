package io.xpbridge.store;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;

/**
 * Who of the known Discord identities is in the guild ({@code discord_identities.left_guild_at}).
 * Every write only touches rows whose state really changes and returns their ids, so a repeated
 * GUILD_MEMBER_REMOVE or a roster pass that finds nothing new is a no-op.
 */
public final class MembershipStore {
  // Joins against the list rather than "= ANY" / "<> ALL": a roster holds every member of the guild,
  // and a hash join keeps a pass over a large guild linear.
  static final String MARK_LEFT = """
      UPDATE discord_identities d SET left_guild_at = now()
        FROM (SELECT DISTINCT unnest($1::bigint[]) AS id) gone
       WHERE d.discord_id = gone.id AND d.left_guild_at IS NULL
      RETURNING d.discord_id""";
  static final String MARK_PRESENT = """
      UPDATE discord_identities d SET left_guild_at = NULL
        FROM (SELECT DISTINCT unnest($1::bigint[]) AS id) back
       WHERE d.discord_id = back.id AND d.left_guild_at IS NOT NULL
      RETURNING d.discord_id""";
  /**
   * A whole roster: everyone known and not in it left (while the bot was away, say). Not those first
   * seen in the last minute: the roster is the bot's cache at one moment, and a member who joined after
   * it and earned XP before it was stored here would be taken for a leaver (seen in a test). A real
   * leaver among them is caught by their GUILD_MEMBER_REMOVE or the next roster.
   */
  static final String MARK_LEFT_UNLESS_LISTED = """
      UPDATE discord_identities d SET left_guild_at = now()
       WHERE d.left_guild_at IS NULL AND d.created_at < now() - interval '1 minute'
         AND NOT EXISTS (SELECT 1 FROM unnest($1::bigint[]) AS present(id) WHERE present.id = d.discord_id)
      RETURNING d.discord_id""";

  /** What one write changed: identities that just left, identities that just came back. */
  public record Changes(List<Long> left, List<Long> returned) {
    public boolean isEmpty() {
      return left.isEmpty() && returned.isEmpty();
    }
  }

  private final Pool pool;

  public MembershipStore(Pool pool) {
    this.pool = pool;
  }

  public Future<Changes> left(long discordId) {
    return pool.preparedQuery(MARK_LEFT).execute(ids(List.of(discordId)))
        .map(rows -> new Changes(discordIds(rows), List.of()));
  }

  public Future<Changes> present(long discordId) {
    return pool.preparedQuery(MARK_PRESENT).execute(ids(List.of(discordId)))
        .map(rows -> new Changes(List.of(), discordIds(rows)));
  }

  /** The guild's full member list: marks the missing as left and the listed as present, atomically. */
  public Future<Changes> roster(List<Long> presentIds) {
    return pool.withTransaction(conn -> conn.preparedQuery(MARK_LEFT_UNLESS_LISTED).execute(ids(presentIds))
        .compose(left -> conn.preparedQuery(MARK_PRESENT).execute(ids(presentIds))
            .map(back -> new Changes(discordIds(left), discordIds(back)))));
  }

  private static Tuple ids(List<Long> discordIds) {
    return Tuple.tuple().addArrayOfLong(discordIds.toArray(new Long[0]));
  }

  private static List<Long> discordIds(RowSet<Row> rows) {
    List<Long> ids = new ArrayList<>(rows.rowCount());
    rows.forEach(row -> ids.add(row.getLong(0)));
    return ids;
  }
}
