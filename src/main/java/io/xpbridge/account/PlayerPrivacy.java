package io.xpbridge.account;

import io.vertx.core.Future;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.xpbridge.bus.Bus;
import io.xpbridge.bus.BusJson;
import io.xpbridge.bus.Players;
import io.xpbridge.bus.Privacy;
import io.xpbridge.bus.Refusal;
import io.xpbridge.domain.Platform;
import io.xpbridge.domain.PlayerRef;
import io.xpbridge.domain.Rank;
import io.xpbridge.store.AdminPlayersStore;
import io.xpbridge.store.ExportStore;
import io.xpbridge.store.PlayerStore;
import io.xpbridge.store.PrivacyStore;
import io.xpbridge.sync.EngineRules;
import java.time.Instant;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A player's own data, for the bots' {@code /privacy} and the admin's erase: what is kept, the Discord
 * role-sync choice, the export file, and the delete with its confirmation. Erasures are logged (the
 * operators' record; no personal data in the line) and published, so cached standings and the bots'
 * memory of registered accounts forget the player at once.
 */
final class PlayerPrivacy {
  private static final Logger LOG = LoggerFactory.getLogger(PlayerPrivacy.class);

  private final PlayerStore players;
  private final PrivacyStore privacy;
  private final ExportStore exports;
  private final AdminPlayersStore history;
  private final Supplier<EngineRules> rules;
  private final EventBus bus;
  private final Runnable forgetStandings;

  PlayerPrivacy(PlayerStore players, PrivacyStore privacy, ExportStore exports, AdminPlayersStore history,
      Supplier<EngineRules> rules, EventBus bus, Runnable forgetStandings) {
    this.players = players;
    this.privacy = privacy;
    this.exports = exports;
    this.history = history;
    this.rules = rules;
    this.bus = bus;
    this.forgetStandings = forgetStandings;
  }

  Future<Privacy.Overview> overview(Privacy.Account account) {
    PlayerRef ref = account.ref();
    return playerOf(ref).compose(id -> privacy.overview(id).map(row -> {
      if (row == null) {
        throw noProfile(ref);
      }
      String language = account.language() != null ? account.language() : row.languageCode();
      Rank rank = rules.get().ladder().rankFor(row.xp());
      return new Privacy.Overview(row.playerId(), row.publicId(), row.displayName(), row.telegramId(),
          row.telegramUsername(), row.discordId(), row.discordUsername(), row.xp(), row.balance(),
          new Players.RankView(rank.number(), rank.name(language), null), row.achievements(), row.hidden(),
          row.discordId() == null ? null : row.rolesSync(), row.historyRows(),
          row.createdAt() == null ? null : row.createdAt().toInstant().toString());
    }));
  }

  Future<Privacy.Roles> roles(Privacy.RolesChange change) {
    PlayerRef ref = change.ref();
    var ladder = rules.get().ladder();
    return playerOf(ref).compose(id -> privacy.setRoles(id, change.enabled(), xp -> ladder.rankFor(xp).number())
        .map(state -> {
          if (state.changed()) {
            LOG.info("player {} turned Discord role sync {}", id, state.enabled() ? "on" : "off");
            bus.send(Bus.EVENTS_PROCESS_NOW, new JsonObject());
          }
          return new Privacy.Roles(id, state.discordLinked(), state.enabled(), state.changed());
        }));
  }

  /** The profile with links (the admin export's line), then the newest history rows, newest first. */
  Future<Privacy.ExportFile> export(Privacy.Account account) {
    PlayerRef ref = account.ref();
    var ladder = rules.get().ladder();
    return playerOf(ref).compose(id -> exports.page(id - 1, 1, xp -> ladder.rankFor(xp).number())
        .compose(lines -> {
          if (lines.isEmpty() || lines.get(0).playerId() != id) {
            return Future.failedFuture(noProfile(ref));
          }
          var line = lines.get(0);
          return history.history(id, Privacy.EXPORT_HISTORY_LIMIT, null).map(found -> {
            JsonArray rows = new JsonArray();
            found.items().forEach(item -> rows.add(BusJson.encode(item)));
            boolean capped = found.next() != null;
            JsonObject document = new JsonObject()
                .put("format", Privacy.EXPORT_FORMAT)
                .put("exportedAt", Instant.now().toString())
                .put("player", BusJson.encode(line))
                .put("history", new JsonObject()
                    .put("limit", Privacy.EXPORT_HISTORY_LIMIT)
                    .put("rows", rows.size())
                    .put("capped", capped)
                    .put("note", capped
                        ? "Only the newest " + Privacy.EXPORT_HISTORY_LIMIT + " rows are included; older events"
                            + " and audit rows exist. An admin can page through all of them."
                        : "Every event and audit row of this player.")
                    .put("items", rows));
            return new Privacy.ExportFile("xpbridge-" + line.publicId() + ".json", document.encodePrettily());
          });
        }));
  }

  Future<Privacy.DeleteOutcome> delete(Privacy.Account account) {
    PlayerRef ref = account.ref();
    Platform askedOn = ref.kind() == PlayerRef.Kind.TELEGRAM ? Platform.TELEGRAM : Platform.DISCORD;
    return playerOf(ref).compose(id -> privacy.askOrErase(id, askedOn, Privacy.DELETE_CONFIRM_SECONDS))
        .map(step -> {
          if (!step.erased()) {
            return new Privacy.DeleteOutcome(false, Privacy.DELETE_CONFIRM_SECONDS, null);
          }
          return new Privacy.DeleteOutcome(true, Privacy.DELETE_CONFIRM_SECONDS, erased(step.erasure(), askedOn.wireName()));
        });
  }

  /** The admin's erase: 404 unknown player, 409 a player merged into another. */
  Future<Privacy.Erased> erase(Privacy.Erase request) {
    return privacy.erase(request.playerId()).map(erasure -> {
      if (erasure.unknown()) {
        throw new ReplyException(ReplyFailure.RECIPIENT_FAILURE, 404, "no player " + request.playerId());
      }
      if (erasure.mergedInto() != null) {
        throw new ReplyException(ReplyFailure.RECIPIENT_FAILURE, 409, "player " + request.playerId()
            + " was merged into player " + erasure.mergedInto() + " on /link: erase player " + erasure.mergedInto());
      }
      return erased(erasure, "the admin API");
    });
  }

  private Privacy.Erased erased(PrivacyStore.Erasure e, String askedFrom) {
    LOG.info("player {} erased (asked from {}): {} platform identities unlinked, {} player rows cleared, {} history"
            + " rows scrubbed, {} pending effects cancelled{}", e.playerId(), askedFrom,
        e.telegramIds().size() + e.discordIds().size(), e.playersCleared(), e.historyRowsScrubbed(),
        e.effectsCancelled(), e.alreadyErased() ? " (it was erased before)" : "");
    forgetStandings.run();
    bus.publish(Bus.PLAYERS_VISIBILITY_CHANGED, BusJson.encode(new Players.Visibility(e.playerId(), "", true, true)));
    bus.publish(Bus.PLAYERS_ERASED, BusJson.encode(new Privacy.AccountsErased(e.telegramIds(), e.discordIds())));
    return new Privacy.Erased(e.playerId(), e.erasedAt() == null ? null : e.erasedAt().toInstant().toString(),
        e.alreadyErased(), e.telegramIds(), e.discordIds(), e.playersCleared(), e.historyRowsScrubbed(),
        e.effectsCancelled(), e.seasonRowsRemoved());
  }

  private Future<Long> playerOf(PlayerRef ref) {
    return players.find(ref).compose(id -> id.isEmpty() ? Future.failedFuture(noProfile(ref))
        : Future.succeededFuture(id.get()));
  }

  private static ReplyException noProfile(PlayerRef ref) {
    return Refusal.NO_PROFILE.exception(ref.kind().field() + " " + ref.id());
  }
}
