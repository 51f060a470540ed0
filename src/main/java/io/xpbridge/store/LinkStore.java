package io.xpbridge.store;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import io.xpbridge.bus.Refusal;
import io.xpbridge.domain.RankLadder;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * One-time link codes and the link itself. Redeeming a code is one transaction: the code is spent,
 * a Discord-only (or Telegram-only) player that already earned something is merged into the code's
 * player with audit rows on both sides, and the platforms are told through queued events.
 */
public final class LinkStore {
  static final String INSERT_CODE = """
      INSERT INTO link_codes (code, player_id, issued_on, expires_at)
      VALUES ($1, $2, $3, now() + make_interval(secs => $4))
      ON CONFLICT (code) DO NOTHING
      RETURNING expires_at""";
  static final String RECENT_FAILURES = """
      SELECT count(*), min(attempted_at) FROM link_attempts
       WHERE platform = $1 AND platform_user = $2 AND attempted_at > now() - make_interval(secs => $3)""";
  static final String RECORD_FAILURE = "INSERT INTO link_attempts (platform, platform_user) VALUES ($1, $2)";
  static final String SPEND_CODE = """
      UPDATE link_codes SET used_at = now(), used_by = $2
       WHERE code = $1 AND used_at IS NULL AND expires_at > now()
      RETURNING player_id, issued_on""";
  static final String TELEGRAM_OF = "SELECT telegram_id FROM telegram_identities WHERE player_id = $1";
  static final String DISCORD_OF = "SELECT discord_id FROM discord_identities WHERE player_id = $1";
  static final String TELEGRAM_PLAYER = "SELECT player_id FROM telegram_identities WHERE telegram_id = $1";
  static final String DISCORD_PLAYER = "SELECT player_id FROM discord_identities WHERE discord_id = $1";
  static final String LOCK_TWO = "SELECT id, xp, balance FROM players WHERE id = ANY($1::bigint[]) ORDER BY id FOR UPDATE";
  /** Adds the absorbed player's XP and coins; the more recent daily-reward streak survives. */
  static final String MOVE_INTO = """
      UPDATE players s
         SET xp = s.xp + $2, balance = s.balance + $3, updated_at = now(),
             daily_streak = CASE WHEN a.last_daily_day > coalesce(s.last_daily_day, '-infinity'::date)
                                 THEN a.daily_streak ELSE s.daily_streak END,
             last_daily_day = greatest(s.last_daily_day, a.last_daily_day)
        FROM players a
       WHERE s.id = $1 AND a.id = $4""";
  static final String EMPTY_MERGED = """
      UPDATE players SET xp = 0, balance = 0, merged_into = $2, updated_at = now() WHERE id = $1""";
  static final String AUDIT = """
      INSERT INTO transactions (idempotency_key, player_id, source, type, delta_xp, delta_balance, reason, metadata)
      VALUES ($1, $2, $3, 'merge', $4, $5, $6, $7::jsonb)""";
  static final String COPY_ACHIEVEMENTS = """
      INSERT INTO player_achievements (player_id, code, unlocked_at)
      SELECT $2, code, unlocked_at FROM player_achievements WHERE player_id = $1
      ON CONFLICT (player_id, code) DO NOTHING""";
  static final String ATTACH_TELEGRAM = "UPDATE telegram_identities SET player_id = $2, updated_at = now() WHERE telegram_id = $1";
  static final String ATTACH_DISCORD = "UPDATE discord_identities SET player_id = $2, linked_at = now() WHERE discord_id = $1";
  static final String NEW_TELEGRAM = "INSERT INTO telegram_identities (telegram_id, player_id) VALUES ($1, $2)";
  static final String NEW_DISCORD = "INSERT INTO discord_identities (discord_id, player_id, linked_at) VALUES ($1, $2, now())";
  static final String NEW_PLAYER = "INSERT INTO players DEFAULT VALUES RETURNING id";
  static final String UNLOCK = """
      INSERT INTO player_achievements (player_id, code) VALUES ($1, $2)
      ON CONFLICT (player_id, code) DO NOTHING RETURNING code""";
  // jsonb parameters take a JsonObject: the pg client sends a Java String as a JSON *string* value,
  // which the delivery worker cannot read as a payload.
  static final String QUEUE_EFFECT = """
      INSERT INTO sync_events (idempotency_key, source, event_type, player_id, payload, applied_at)
      VALUES ($1, $2, $3, $4, $5::jsonb, now())
      ON CONFLICT (idempotency_key) DO NOTHING""";

  private final Pool pool;

  public LinkStore(Pool pool) {
    this.pool = pool;
  }

  /** Stores a new code; empty result means the code collided and the caller should draw another. */
  public Future<OffsetDateTime> insertCode(String code, long playerId, String platform, int ttlSeconds) {
    return pool.preparedQuery(INSERT_CODE).execute(Tuple.of(code, playerId, platform, ttlSeconds))
        .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getOffsetDateTime(0));
  }

  /** Wrong codes in the window and when the oldest of them was entered. */
  public Future<RecentFailures> recentFailures(String platform, long platformUser, int windowSeconds) {
    return pool.preparedQuery(RECENT_FAILURES).execute(Tuple.of(platform, platformUser, windowSeconds))
        .map(rows -> {
          Row row = rows.iterator().next();
          return new RecentFailures(row.getLong(0), row.getOffsetDateTime(1));
        });
  }

  public record RecentFailures(long count, OffsetDateTime oldest) {}

  public Future<Void> recordFailure(String platform, long platformUser) {
    return pool.preparedQuery(RECORD_FAILURE).execute(Tuple.of(platform, platformUser)).mapEmpty();
  }

  /** Why a redeem did not link; the bots put the refusal into words. */
  public static final class LinkRefused extends RuntimeException {
    private final Refusal refusal;

    LinkRefused(Refusal refusal) {
      super(refusal.name());
      this.refusal = refusal;
    }

    public Refusal refusal() {
      return refusal;
    }
  }

  /** {@code mergedXp/Balance}: what moved over from the absorbed player; {@code xp/balance}: the shared profile now. */
  public record Linked(long playerId, long mergedXp, long mergedBalance, boolean rankChanged, long xp, long balance) {}

  /**
   * Redeems {@code code} for the platform account {@code platformId} on {@code platform}.
   * Fails with {@link LinkRefused} (an unknown, used or expired code, or nothing to link).
   */
  public Future<Linked> redeem(String code, String platform, long platformId, RankLadder ladder,
      List<String> linkedAchievements) {
    return pool.withTransaction(conn -> conn.preparedQuery(SPEND_CODE).execute(Tuple.of(code, platformId))
        .compose(spent -> {
          if (spent.size() == 0) {
            return Future.failedFuture(new LinkRefused(Refusal.LINK_CODE_UNKNOWN));
          }
          Row row = spent.iterator().next();
          long survivor = row.getLong("player_id");
          if (platform.equals(row.getString("issued_on"))) {
            return Future.failedFuture(new LinkRefused(Refusal.LINK_CODE_SAME_PLATFORM));
          }
          return link(conn, code, platform, platformId, survivor, ladder, linkedAchievements);
        }));
  }

  private Future<Linked> link(SqlConnection conn, String code, String platform, long platformId, long survivor,
      RankLadder ladder, List<String> linkedAchievements) {
    boolean discord = "discord".equals(platform);
    return conn.preparedQuery(discord ? DISCORD_OF : TELEGRAM_OF).execute(Tuple.of(survivor))
        .compose(existing -> {
          if (existing.size() > 0) {
            return Future.failedFuture(new LinkRefused(Refusal.LINK_ISSUER_ALREADY_LINKED));
          }
          return conn.preparedQuery(discord ? DISCORD_PLAYER : TELEGRAM_PLAYER).execute(Tuple.of(platformId));
        })
        .compose(current -> {
          if (current.size() == 0) {
            return conn.preparedQuery(discord ? NEW_DISCORD : NEW_TELEGRAM).execute(Tuple.of(platformId, survivor))
                .compose(v -> afterLink(conn, code, platform, survivor, 0, 0, null, ladder, linkedAchievements));
          }
          long absorbed = current.iterator().next().getLong(0);
          if (absorbed == survivor) {
            return Future.failedFuture(new LinkRefused(Refusal.LINK_ALREADY_LINKED));
          }
          return conn.preparedQuery(discord ? TELEGRAM_OF : DISCORD_OF).execute(Tuple.of(absorbed))
              .compose(other -> other.size() > 0
                  ? Future.failedFuture(new LinkRefused(Refusal.LINK_CALLER_ALREADY_LINKED))
                  : merge(conn, code, platform, platformId, absorbed, survivor, ladder, linkedAchievements));
        });
  }

  private Future<Linked> merge(SqlConnection conn, String code, String platform, long platformId, long absorbed,
      long survivor, RankLadder ladder, List<String> linkedAchievements) {
    return conn.preparedQuery(LOCK_TWO).execute(Tuple.tuple().addArrayOfLong(new Long[] {absorbed, survivor}))
        .compose(rows -> {
          long xp = 0;
          long balance = 0;
          long survivorXp = 0;
          for (Row row : rows) {
            if (row.getLong("id") == absorbed) {
              xp = row.getLong("xp");
              balance = row.getLong("balance");
            } else {
              survivorXp = row.getLong("xp");
            }
          }
          long movedXp = xp;
          long movedBalance = balance;
          long before = survivorXp;
          JsonObject meta = new JsonObject().put("code", code).put("from", absorbed).put("into", survivor);
          return conn.preparedQuery(MOVE_INTO).execute(Tuple.of(survivor, movedXp, movedBalance, absorbed))
              .compose(v -> conn.preparedQuery(EMPTY_MERGED).execute(Tuple.of(absorbed, survivor)))
              .compose(v -> conn.preparedQuery(AUDIT).execute(Tuple.of("link_" + code + "_in", survivor, platform,
                  movedXp, movedBalance, "link: merged player " + absorbed, meta)))
              .compose(v -> conn.preparedQuery(AUDIT).execute(Tuple.of("link_" + code + "_out", absorbed, platform,
                  -movedXp, -movedBalance, "link: merged into player " + survivor, meta)))
              .compose(v -> conn.preparedQuery(COPY_ACHIEVEMENTS).execute(Tuple.of(absorbed, survivor)))
              .compose(v -> conn.preparedQuery("discord".equals(platform) ? ATTACH_DISCORD : ATTACH_TELEGRAM)
                  .execute(Tuple.of(platformId, survivor)))
              .compose(v -> afterLink(conn, code, platform, survivor, movedXp, movedBalance, before, ladder,
                  linkedAchievements));
        });
  }

  /**
   * Queues what the platforms must now show: the rank role for the newly linked Discord member (and
   * a rank-up message if the merge raised the rank), and achievements earned by linking.
   */
  private Future<Linked> afterLink(SqlConnection conn, String code, String platform, long survivor, long movedXp,
      long movedBalance, Long survivorXpBefore, RankLadder ladder, List<String> linkedAchievements) {
    return conn.preparedQuery("SELECT xp, balance FROM players WHERE id = $1").execute(Tuple.of(survivor)).compose(rows -> {
      long xpNow = rows.iterator().next().getLong(0);
      long balanceNow = rows.iterator().next().getLong(1);
      int rankBefore = ladder.rankFor(survivorXpBefore == null ? xpNow : survivorXpBefore).number();
      int rankNow = ladder.rankFor(xpNow).number();
      JsonObject payload = new JsonObject().put("rank", rankNow).put("previousRank", rankBefore)
          .put("reason", "link");
      if (rankNow == rankBefore) {
        payload.put("targets", new JsonArray().add("discord"));
      }
      Future<?> chain = conn.preparedQuery(QUEUE_EFFECT).execute(Tuple.of("link_" + code + ":rank" + rankNow,
          platform, "rank_change", survivor, payload));
      for (String achievement : linkedAchievements) {
        chain = chain.compose(v -> conn.preparedQuery(UNLOCK).execute(Tuple.of(survivor, achievement)))
            .compose(unlocked -> unlocked.size() == 0 ? Future.succeededFuture()
                : conn.preparedQuery(QUEUE_EFFECT).execute(Tuple.of("link_" + code + ":ach:" + achievement,
                    platform, "achievement_unlock", survivor,
                    new JsonObject().put("achievement", achievement))));
      }
      return chain.map(v -> new Linked(survivor, movedXp, movedBalance, rankNow != rankBefore, xpNow,
          balanceNow));
    });
  }

  /**
   * Detaches the Discord account from a linked profile: the profile keeps its XP, the Discord account
   * starts over on a new empty player (whose rank role is queued). False when nothing was linked.
   */
  public Future<Boolean> unlink(String platform, long platformId) {
    boolean fromDiscord = "discord".equals(platform);
    return pool.withTransaction(conn -> conn.preparedQuery(fromDiscord ? DISCORD_PLAYER : TELEGRAM_PLAYER)
        .execute(Tuple.of(platformId))
        .compose(rows -> {
          if (rows.size() == 0) {
            return Future.succeededFuture(false);
          }
          long playerId = rows.iterator().next().getLong(0);
          return conn.preparedQuery(TELEGRAM_OF).execute(Tuple.of(playerId)).compose(tg -> {
            if (tg.size() == 0) {
              return Future.succeededFuture(false);
            }
            return conn.preparedQuery(DISCORD_OF).execute(Tuple.of(playerId)).compose(ds -> {
              if (ds.size() == 0) {
                return Future.succeededFuture(false);
              }
              long discordId = ds.iterator().next().getLong(0);
              return conn.preparedQuery(NEW_PLAYER).execute().compose(created -> {
                long fresh = created.iterator().next().getLong(0);
                return conn.preparedQuery("UPDATE discord_identities SET player_id = $2, linked_at = NULL WHERE discord_id = $1")
                    .execute(Tuple.of(discordId, fresh))
                    .compose(v -> conn.preparedQuery(QUEUE_EFFECT).execute(Tuple.of(
                        "unlink_" + discordId + "_" + fresh + ":rank1", platform, "rank_change", fresh,
                        new JsonObject().put("rank", 1).put("previousRank", 1)
                            .put("targets", new JsonArray().add("discord")).put("reason", "unlink"))))
                    .map(v -> true);
              });
            });
          });
        }));
  }
}
