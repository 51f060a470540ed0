package io.xpbridge.store;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import io.xpbridge.domain.AchievementDefinition;
import io.xpbridge.domain.Rank;
import io.xpbridge.domain.RankLadder;
import java.util.List;

/**
 * Writes the configured ladder and achievements into {@code rank_role_mappings} and
 * {@code achievements}, so SQL users and admins see what the service applies. Config stays the
 * source: these tables are rewritten on start and on every valid config change.
 *
 * <p>Several processes may rewrite them at once (two engines starting together, every node of a
 * cluster reloading the same config): without a lock the second DELETE waits for the first
 * transaction, then its INSERT collides with the rows the first one wrote. An advisory lock held to
 * the end of the transaction makes the rewrites take turns.
 */
public final class RulesMirrorStore {
  /** "xpbm" in ASCII; unique among this database's advisory locks (see {@link SeasonLock#KEY}). */
  static final long LOCK_KEY = 0x7870_626DL;
  static final String TAKE_TURN = "SELECT pg_advisory_xact_lock(" + LOCK_KEY + ")";
  static final String CLEAR_RANKS = "DELETE FROM rank_role_mappings";
  static final String INSERT_RANKS = """
      INSERT INTO rank_role_mappings (rank_id, rank_name, min_xp, discord_role_id, priority, is_active)
      SELECT v.n, v.name, v.min_xp, v.role, v.n, TRUE
        FROM unnest($1::int[], $2::text[], $3::bigint[], $4::bigint[]) AS v(n, name, min_xp, role)""";
  static final String CLEAR_ACHIEVEMENTS = "DELETE FROM achievements";
  static final String INSERT_ACHIEVEMENTS = """
      INSERT INTO achievements (code, name_ru, name_en, discord_role_id, rule)
      SELECT v.code, v.ru, v.en, v.role, v.rule::jsonb
        FROM unnest($1::text[], $2::text[], $3::text[], $4::bigint[], $5::text[]) AS v(code, ru, en, role, rule)""";

  private final Pool pool;

  public RulesMirrorStore(Pool pool) {
    this.pool = pool;
  }

  public Future<Void> write(RankLadder ladder, List<AchievementDefinition> achievements) {
    List<Rank> ranks = ladder.ranks();
    Tuple rankColumns = Tuple.tuple()
        .addArrayOfInteger(ranks.stream().map(Rank::number).toArray(Integer[]::new))
        .addArrayOfString(ranks.stream().map(Rank::nameEn).toArray(String[]::new))
        .addArrayOfLong(ranks.stream().map(Rank::minXp).toArray(Long[]::new))
        .addArrayOfLong(ranks.stream().map(Rank::discordRoleId).toArray(Long[]::new));
    Tuple achievementColumns = Tuple.tuple()
        .addArrayOfString(achievements.stream().map(AchievementDefinition::code).toArray(String[]::new))
        .addArrayOfString(achievements.stream().map(AchievementDefinition::nameRu).toArray(String[]::new))
        .addArrayOfString(achievements.stream().map(AchievementDefinition::nameEn).toArray(String[]::new))
        .addArrayOfLong(achievements.stream().map(AchievementDefinition::discordRoleId).toArray(Long[]::new))
        .addArrayOfString(achievements.stream().map(a -> new JsonObject().put("type", a.rule().wireName())
            .put("value", a.ruleValue()).encode()).toArray(String[]::new));
    return pool.withTransaction(conn -> conn.query(TAKE_TURN).execute()
        .compose(v -> conn.query(CLEAR_RANKS).execute())
        .compose(v -> conn.preparedQuery(INSERT_RANKS).execute(rankColumns))
        .compose(v -> conn.query(CLEAR_ACHIEVEMENTS).execute())
        .compose(v -> conn.preparedQuery(INSERT_ACHIEVEMENTS).execute(achievementColumns))
        .mapEmpty());
  }
}
