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
  static final String MARK_LEFT = """
      UPDATE discord_identities SET left_guild_at = now()
       WHERE discord_id = ANY($1::bigint[]) AND left_guild_at IS NULL
      RETURNING discord_id""";
  static final String MARK_PRESENT = """
      UPDATE discord_identities SET left_guild_at = NULL
       WHERE discord_id = ANY($1::bigint[]) AND left_guild_at IS NOT NULL
      RETURNING discord_id""";
  /** A whole roster: everyone known and not in it left (while the bot was away, say). */
  static final String MARK_LEFT_UNLESS_LISTED = """
      UPDATE discord_identities SET left_guild_at = now()
       WHERE left_guild_at IS NULL AND discord_id <> ALL($1::bigint[])
      RETURNING discord_id""";

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
