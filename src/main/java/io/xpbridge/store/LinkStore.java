package io.xpbridge.store;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import io.xpbridge.bus.Refusal;
import io.xpbridge.domain.ApplyPlan;
import io.xpbridge.domain.ClaimedEvent;
import io.xpbridge.domain.EventType;
import io.xpbridge.domain.IdempotencyKeys;
import io.xpbridge.domain.LedgerCalculator;
import io.xpbridge.domain.MirrorTarget;
import io.xpbridge.domain.Platform;
import io.xpbridge.domain.PlayerState;
import io.xpbridge.domain.QueuedEffect;
import io.xpbridge.domain.RankLadder;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One-time link codes and the link itself. Redeeming a code is one transaction: the code is spent,
 * the account's identity moves to the code's player, and a player the account already had is merged
 * into it. The XP and coins move through the ledger writer ({@link LedgerStore#writeArrived}) as a
 * {@code link} event with audit rows on both sides, so its rank change and achievements are found and
 * queued like those of any other change.
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
  static final String MARK_MERGED = "UPDATE players SET merged_into = $2, updated_at = now() WHERE id = $1";
  static final String COPY_ACHIEVEMENTS = """
      INSERT INTO player_achievements (player_id, code, unlocked_at)
      SELECT $2, code, unlocked_at FROM player_achievements WHERE player_id = $1
      ON CONFLICT (player_id, code) DO NOTHING""";
  static final String ATTACH_TELEGRAM = "UPDATE telegram_identities SET player_id = $2, updated_at = now() WHERE telegram_id = $1";
  static final String ATTACH_DISCORD = "UPDATE discord_identities SET player_id = $2, linked_at = now() WHERE discord_id = $1";
  static final String NEW_TELEGRAM = "INSERT INTO telegram_identities (telegram_id, player_id) VALUES ($1, $2)";
  static final String NEW_DISCORD = "INSERT INTO discord_identities (discord_id, player_id, linked_at) VALUES ($1, $2, now())";
  static final String NEW_PLAYER = "INSERT INTO players DEFAULT VALUES RETURNING id";
  static final String DETACH_DISCORD = "UPDATE discord_identities SET player_id = $2, linked_at = NULL WHERE discord_id = $1";
  static final String NEW_EVENT_ID = "SELECT nextval('sync_events_id_seq')";

  private final Pool pool;
  private final LedgerStore ledger = new LedgerStore();
  private final EffectOutbox outbox = new EffectOutbox();

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

  /** Why a redeem did not link; the bots put it into words. */
  public static final class LinkRefused extends RuntimeException {
    private final Refusal refusal;

    LinkRefused(Refusal refusal) {
      super(refusal.name(), null, false, false);
      this.refusal = refusal;
    }

    public Refusal refusal() {
      return refusal;
    }
  }

  /** {@code mergedXp/Balance}: what moved over from the absorbed player; {@code xp/balance}: the shared profile now. */
  public record Linked(long playerId, long mergedXp, long mergedBalance, boolean rankChanged, long xp, long balance) {}

  /**
   * Redeems {@code code} for the account {@code platformId} on {@code platform}, in one transaction:
   * the code is spent, the account joins the code's player, and a player the account already had is
   * merged into it through the ledger ({@link LedgerCalculator#planLink}). Fails with
   * {@link LinkRefused}.
   */
  public Future<Linked> redeem(String code, Platform platform, long platformId, LedgerCalculator calculator) {
    return pool.withTransaction(conn -> conn.preparedQuery(SPEND_CODE).execute(Tuple.of(code, platformId))
        .compose(spent -> {
          if (spent.size() == 0) {
            return refused(Refusal.LINK_CODE_UNKNOWN);
          }
          Row row = spent.iterator().next();
          if (platform.wireName().equals(row.getString("issued_on"))) {
            return refused(Refusal.LINK_CODE_SAME_PLATFORM);
          }
          return findAbsorbed(conn, platform, platformId, row.getLong("player_id"))
              .compose(absorbed -> link(conn, code, platform, platformId, row.getLong("player_id"), absorbed,
                  calculator));
        }));
  }

  /**
   * The player the linking account has now, which the link merges away (empty when the account is
   * new). Refuses when either side is linked elsewhere already.
   */
  private Future<Optional<Long>> findAbsorbed(SqlConnection conn, Platform platform, long platformId, long survivor) {
    boolean discord = platform == Platform.DISCORD;
    return conn.preparedQuery(discord ? DISCORD_OF : TELEGRAM_OF).execute(Tuple.of(survivor))
        .compose(existing -> existing.size() > 0 ? refused(Refusal.LINK_ISSUER_ALREADY_LINKED)
            : conn.preparedQuery(discord ? DISCORD_PLAYER : TELEGRAM_PLAYER).execute(Tuple.of(platformId)))
        .compose(current -> {
          if (current.size() == 0) {
            return Future.succeededFuture(Optional.<Long>empty());
          }
          long absorbed = current.iterator().next().getLong(0);
          if (absorbed == survivor) {
            return refused(Refusal.LINK_ALREADY_LINKED);
          }
          return conn.preparedQuery(discord ? TELEGRAM_OF : DISCORD_OF).execute(Tuple.of(absorbed))
              .compose(other -> other.size() > 0 ? refused(Refusal.LINK_CALLER_ALREADY_LINKED)
                  : Future.succeededFuture(Optional.of(absorbed)));
        });
  }

  private Future<Linked> link(SqlConnection conn, String code, Platform platform, long platformId, long survivor,
      Optional<Long> absorbed, LedgerCalculator calculator) {
    List<Long> players = new ArrayList<>(List.of(survivor));
    absorbed.ifPresent(players::add);
    Future<PlayerLocks.LockedPlayers> locked = PlayerLocks.lockPlayerIds(conn, players);
    Future<Long> eventId = conn.preparedQuery(NEW_EVENT_ID).execute().map(rows -> rows.iterator().next().getLong(0));
    return Future.all(locked, eventId).compose(v -> {
      Map<Long, PlayerState> states = locked.result().states();
      if (!states.containsKey(survivor) || absorbed.isPresent() && !states.containsKey(absorbed.get())) {
        // The code's player was itself merged away since the code was issued.
        return refused(Refusal.LINK_CODE_UNKNOWN);
      }
      PlayerState gone = absorbed.map(states::get).orElse(null);
      String key = IdempotencyKeys.link(code);
      ClaimedEvent event = new ClaimedEvent(eventId.result(), key, platform, EventType.LINK, survivor,
          gone == null ? 0 : gone.xp(), gone == null ? 0 : gone.balance(), null,
          "link: " + platform.wireName() + " account " + platformId + " joined player " + survivor,
          null, null, System.currentTimeMillis());
      ApplyPlan plan = calculator.planLink(event, states.get(survivor), gone);
      JsonObject payload = new JsonObject().put("reason", event.reason()).put("data", new JsonObject()
          .put("code", code).put("into", survivor).put("from", absorbed.orElse(null)));
      return moveIdentity(conn, platform, platformId, survivor, absorbed)
          .compose(moved -> ledger.writeArrived(conn, plan, Map.of(event.id(), payload.encode())))
          .map(waiting -> {
            PlayerState after = plan.changedPlayers().getOrDefault(survivor, states.get(survivor));
            boolean rankChanged = plan.rankChanges().stream().anyMatch(r -> r.fromRank() != r.toRank());
            return new Linked(survivor, event.xpDelta(), event.balanceDelta(), rankChanged, after.xp(),
                after.balance());
          });
    });
  }

  /** The account moves to the survivor; a player it had is marked merged, its achievements copied over. */
  private Future<Void> moveIdentity(SqlConnection conn, Platform platform, long platformId, long survivor,
      Optional<Long> absorbed) {
    boolean discord = platform == Platform.DISCORD;
    if (absorbed.isEmpty()) {
      return conn.preparedQuery(discord ? NEW_DISCORD : NEW_TELEGRAM).execute(Tuple.of(platformId, survivor))
          .mapEmpty();
    }
    long gone = absorbed.get();
    return conn.preparedQuery(COPY_ACHIEVEMENTS).execute(Tuple.of(gone, survivor))
        .compose(v -> conn.preparedQuery(MARK_MERGED).execute(Tuple.of(gone, survivor)))
        .compose(v -> conn.preparedQuery(discord ? ATTACH_DISCORD : ATTACH_TELEGRAM)
            .execute(Tuple.of(platformId, survivor)))
        .mapEmpty();
  }

  private static <T> Future<T> refused(Refusal refusal) {
    return Future.failedFuture(new LinkRefused(refusal));
  }

  /**
   * Detaches the Discord account from a linked profile: the profile keeps its XP, the Discord account
   * starts over on a new empty player (whose rank role is queued). False when nothing was linked.
   */
  public Future<Boolean> unlink(Platform platform, long platformId) {
    boolean fromDiscord = platform == Platform.DISCORD;
    return pool.withTransaction(conn -> conn.preparedQuery(fromDiscord ? DISCORD_PLAYER : TELEGRAM_PLAYER)
        .execute(Tuple.of(platformId))
        .compose(rows -> rows.size() == 0 ? Future.succeededFuture(Optional.<Long>empty())
            : linkedDiscordOf(conn, rows.iterator().next().getLong(0)))
        .compose(discordId -> discordId.isEmpty() ? Future.succeededFuture(false)
            : conn.preparedQuery(NEW_PLAYER).execute().compose(created -> {
              long fresh = created.iterator().next().getLong(0);
              QueuedEffect role = QueuedEffect.rankChange(IdempotencyKeys.unlinkRole(discordId.get(), fresh),
                  platform, fresh, 1, 1, null, MirrorTarget.DISCORD, "unlink", false);
              return conn.preparedQuery(DETACH_DISCORD).execute(Tuple.of(discordId.get(), fresh))
                  .compose(v -> outbox.queue(conn, List.of(role)))
                  .map(v -> true);
            })));
  }

  /** The Discord id of a player linked on both platforms; empty when it is not linked. */
  private Future<Optional<Long>> linkedDiscordOf(SqlConnection conn, long playerId) {
    return conn.preparedQuery(TELEGRAM_OF).execute(Tuple.of(playerId))
        .compose(tg -> tg.size() == 0 ? Future.succeededFuture(Optional.<Long>empty())
            : conn.preparedQuery(DISCORD_OF).execute(Tuple.of(playerId)).map(ds -> ds.size() == 0
                ? Optional.<Long>empty() : Optional.of(ds.iterator().next().getLong(0))));
  }
}
