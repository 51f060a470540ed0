package io.xpbridge.reconcile;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.xpbridge.bus.Admin;
import io.xpbridge.bus.Bus;
import io.xpbridge.bus.BusClient;
import io.xpbridge.bus.BusJson;
import io.xpbridge.bus.BusServer;
import io.xpbridge.bus.Members;
import io.xpbridge.bus.Reports;
import io.xpbridge.bus.Platforms;
import io.xpbridge.config.AppConfig;
import io.xpbridge.config.ReconcileSettings;
import io.xpbridge.domain.AchievementDefinition;
import io.xpbridge.domain.InvalidRequestException;
import io.xpbridge.domain.MirrorTarget;
import io.xpbridge.domain.QueuedEffect;
import io.xpbridge.domain.RankLadder;
import io.xpbridge.store.Database;
import io.xpbridge.store.MembershipStore;
import io.xpbridge.store.ReconcileStore;
import io.xpbridge.worker.PeriodicRun;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Walks all players on a timer, finds where a platform shows something other than the ledger (a
 * lost role change, a moderator's hand edit, a player who linked after reaching a rank) and queues
 * corrective rank events, and achievement roles missing in Discord. Discord's real member roles are
 * asked from the Discord bot when it runs. Members who left the guild are skipped; the bot's hand-edit
 * and rejoin checks run the same comparison for one member at once ({@link Membership}).
 */
public class ReconcileVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(ReconcileVerticle.class);

  private Pool pool;
  private ReconcileStore store;
  private volatile ReconcileSettings settings;
  private volatile RankLadder ladder;
  private volatile List<AchievementDefinition> achievements;
  private PeriodicRun timer;
  /** The Discord bot answers from its member cache: a pass does not wait long for it. */
  private static final long MEMBER_ROLES_TIMEOUT_MS = 5_000;
  private BusClient memberRoles;

  /** Counts of one pass. */
  record Pass(int players, int divergences) {}

  @Override
  public Future<?> start() {
    AppConfig config = AppConfig.parse(config());
    settings = config.reconcile();
    ladder = config.gameRules().ladder();
    achievements = config.gameRules().achievements();
    pool = Database.pool(vertx, config.db().databaseUrl(), 2);
    store = new ReconcileStore(pool);
    BusServer.serveClusterWide(vertx.eventBus(), Bus.RECONCILE_RUN_NOW, Admin.ReconcileRun.class, this::runNow);
    BusServer.serveClusterWide(vertx.eventBus(), Bus.DISCORD_MEMBER_CHECK, Members.Check.class, this::checkMembers);
    Membership membership = new Membership(vertx.eventBus(), new MembershipStore(pool), this::checkMembers);
    BusServer.serveClusterWide(vertx.eventBus(), Bus.DISCORD_MEMBER_PRESENCE, Members.Presence.class, membership::presence);
    BusServer.serveClusterWide(vertx.eventBus(), Bus.DISCORD_GUILD_ROSTER, Members.Roster.class, membership::roster);
    memberRoles = new BusClient(vertx.eventBus(), MEMBER_ROLES_TIMEOUT_MS);
    vertx.eventBus().<AppConfig>localConsumer(Bus.CONFIG_CHANGED, msg -> {
      settings = msg.body().reconcile();
      ladder = msg.body().gameRules().ladder();
      achievements = msg.body().gameRules().achievements();
      timer.every(settings.intervalMs());
    });
    timer = new PeriodicRun(vertx, () -> run(null, null));
    timer.every(settings.intervalMs());
    return Future.succeededFuture();
  }

  @Override
  public Future<?> stop() {
    return pool.close();
  }

  private Future<Admin.ReconcileReport> runNow(Admin.ReconcileRun request) {
    if (request.playerId() != null && request.playerId() <= 0) {
      throw new InvalidRequestException("'playerId' must be positive");
    }
    return run(request.playerId(), null)
        .map(pass -> new Admin.ReconcileReport(pass.players(), pass.divergences(), pass.divergences()));
  }

  /**
   * The same comparison for a few members, right after the Discord bot saw a hand edit or a return:
   * one after the other, so their corrections cannot race each other.
   */
  private Future<Members.Checked> checkMembers(Members.Check request) {
    Future<Pass> total = Future.succeededFuture(new Pass(0, 0));
    for (Long discordId : request.discordIds()) {
      total = total.compose(sum -> run(null, discordId)
          .map(pass -> new Pass(sum.players() + pass.players(), sum.divergences() + pass.divergences())));
    }
    return total.map(pass -> new Members.Checked(pass.players(), pass.divergences()));
  }

  /** One pass over all players (or one player, or the player of one Discord member), batch by batch. */
  Future<Pass> run(Long onlyPlayer, Long onlyDiscordId) {
    long started = System.currentTimeMillis();
    // A single-member check gets a run id of its own: two checks in one millisecond must not share keys.
    String runId = Long.toString(started, 36) + (onlyDiscordId == null ? "" : "m" + Long.toString(onlyDiscordId, 36));
    return page(0, onlyPlayer, onlyDiscordId, runId, new Pass(0, 0)).onSuccess(pass -> {
      long took = System.currentTimeMillis() - started;
      if (onlyPlayer == null && onlyDiscordId == null) {
        LOG.info("reconcile run: players={} divergences={} corrected={} tookMs={}", pass.players(),
            pass.divergences(), pass.divergences(), took);
      }
      vertx.eventBus().publish(Bus.METRICS_RECONCILE,
          BusJson.encode(new Reports.Reconciled(pass.players(), pass.divergences())));
      if (pass.divergences() > 0) {
        vertx.eventBus().send(Bus.EVENTS_PROCESS_NOW, new JsonObject());
      }
    }).onFailure(e -> LOG.warn("reconcile run failed: {}", e.toString()));
  }

  private Future<Pass> page(long afterId, Long onlyPlayer, Long onlyDiscordId, String runId, Pass total) {
    int batch = settings.batchSize();
    RankLadder currentLadder = ladder;
    List<AchievementDefinition> currentAchievements = achievements;
    return store.page(afterId, batch, onlyPlayer, onlyDiscordId).compose(players -> {
      if (players.isEmpty()) {
        return Future.succeededFuture(total);
      }
      return observedRoles(players).compose(observed -> {
        List<QueuedEffect> corrections = new ArrayList<>();
        for (ReconcileStore.PlayerView player : players) {
          Set<Long> roles = player.discordId() == null || observed == null ? null
              : observed.getOrDefault(player.discordId(), null);
          MirrorTarget targets = Divergence.platformsToCorrect(player, currentLadder, roles);
          if (targets != MirrorTarget.NONE) {
            corrections.add(Divergence.correction(runId, player, currentLadder, targets));
          }
          corrections.addAll(Divergence.missingAchievementRoles(runId, player, currentAchievements, roles));
        }
        Pass next = new Pass(total.players() + players.size(), total.divergences() + corrections.size());
        long last = players.get(players.size() - 1).playerId();
        return store.record(players, corrections).compose(v -> players.size() < batch
            ? Future.succeededFuture(next) : page(last, onlyPlayer, onlyDiscordId, runId, next));
      });
    });
  }

  /**
   * The Discord bot's view of members' roles; null when it is not running or does not answer. Members
   * who left are not asked about: there is nothing to compare.
   */
  private Future<Map<Long, Set<Long>>> observedRoles(List<ReconcileStore.PlayerView> players) {
    List<Long> ids = players.stream().filter(ReconcileStore.PlayerView::discordReachable)
        .map(ReconcileStore.PlayerView::discordId).toList();
    boolean rolesMapped = !ladder.mappedRoleIds().isEmpty()
        || achievements.stream().anyMatch(a -> a.discordRoleId() != null);
    if (ids.isEmpty() || !rolesMapped) {
      return Future.succeededFuture(null);
    }
    return memberRoles.request(Bus.DISCORD_MEMBER_ROLES, new Platforms.MemberRolesQuery(ids), Platforms.MemberRoles.class)
        .map(reply -> {
          Map<Long, Set<Long>> roles = new HashMap<>();
          reply.members().forEach((id, held) -> roles.put(Long.parseLong(id), new HashSet<>(held)));
          return roles;
        })
        .otherwise(e -> null);
  }

}
