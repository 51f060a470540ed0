package io.xpbridge.account;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.xpbridge.bus.Bus;
import io.xpbridge.bus.Admin;
import io.xpbridge.bus.BusClient;
import io.xpbridge.bus.BusJson;
import io.xpbridge.bus.BusServer;
import io.xpbridge.bus.Daily;
import io.xpbridge.bus.Links;
import io.xpbridge.bus.Players;
import io.xpbridge.bus.Refusal;
import io.xpbridge.bus.Seasons;
import io.xpbridge.bus.SubmitMessage;
import io.xpbridge.config.AppConfig;
import io.xpbridge.config.DailySettings;
import io.xpbridge.config.LinkSettings;
import io.xpbridge.bus.Refusal;
import io.xpbridge.domain.InvalidRequestException;
import io.xpbridge.domain.Platform;
import io.xpbridge.domain.PlayerRef;
import io.xpbridge.domain.Rank;
import io.xpbridge.store.Database;
import io.xpbridge.store.LinkStore;
import io.xpbridge.store.PlayerStore;
import io.xpbridge.store.StandingsStore;
import io.xpbridge.sync.EngineRules;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Players and accounts: registration, profiles, the leaderboard, link codes and the daily reward.
 * Ledger changes it causes (the daily reward) go through the sync engine like any other event.
 */
public class AccountVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(AccountVerticle.class);

  private Pool pool;
  private PlayerStore players;
  private Standings standings;
  private Leaderboard leaderboard;
  private LinkStore links;
  private DailyReward dailyReward;
  /** Asks the engine which boosts run; short, so a slow engine does not hold up /profile. */
  private BusClient engine;
  private volatile EngineRules rules;
  private volatile LinkSettings linkSettings;
  private volatile DailySettings dailySettings;

  @Override
  public Future<?> start() {
    AppConfig config = AppConfig.parse(config());
    applyConfig(config);
    pool = Database.pool(vertx, config.db().databaseUrl(), 4);
    players = new PlayerStore(pool);
    StandingsStore standingsStore = new StandingsStore(pool);
    leaderboard = new Leaderboard(standingsStore, System::currentTimeMillis);
    standings = new Standings(standingsStore, leaderboard, players, () -> rules.ladder());
    PublicStandings publicStandings = new PublicStandings(new io.xpbridge.store.PublicStandingsStore(pool),
        new io.xpbridge.store.SeasonStore(pool), players, () -> rules, System::currentTimeMillis);
    links = new LinkStore(pool);
    var bus = vertx.eventBus();
    dailyReward = new DailyReward(players, new BusClient(bus), () -> dailySettings);
    engine = new BusClient(bus, 2_000);
    BusServer.serve(bus, Bus.PLAYERS_REGISTER, Players.Register.class, this::register);
    BusServer.serve(bus, Bus.PLAYERS_PROFILE, Players.ProfileQuery.class, this::profile);
    BusServer.serve(bus, Bus.PLAYERS_TOP, Players.TopQuery.class, standings::top);
    BusServer.serve(bus, Bus.LEADERBOARD, Seasons.LeaderboardQuery.class, standings::leaderboard);
    BusServer.serve(bus, Bus.PUBLIC_STANDINGS, io.xpbridge.bus.Web.StandingsQuery.class, publicStandings::standings);
    BusServer.serve(bus, Bus.PUBLIC_PLAYER, io.xpbridge.bus.Web.PlayerQuery.class, publicStandings::player);
    // These three are cluster-wide (consumer, not localConsumer): the change happened on one node, every
    // node's cache of standings must forget it.
    bus.consumer(Bus.SEASONS_CHANGED, msg -> {
      leaderboard.forget();
      publicStandings.forget();
    });
    // A member left or came back: they leave or re-enter the standings now, not when the cache expires.
    bus.consumer(Bus.DISCORD_MEMBERSHIP_CHANGED, msg -> {
      leaderboard.forget();
      publicStandings.forget();
    });
    BusServer.serve(bus, Bus.PLAYERS_VISIBILITY, Players.VisibilityChange.class, this::visibility);
    // Published by whichever instance made the change, so every cache of standings forgets it.
    bus.consumer(Bus.PLAYERS_VISIBILITY_CHANGED, msg -> {
      leaderboard.forget();
      publicStandings.forget();
    });
    BusServer.serve(bus, Bus.LINK_ISSUE, Links.Account.class, this::issue);
    BusServer.serve(bus, Bus.LINK_REDEEM, Links.Redeem.class, this::redeem);
    BusServer.serve(bus, Bus.LINK_UNLINK, Links.Account.class, this::unlink);
    BusServer.serve(bus, Bus.DAILY_CLAIM, Daily.Claim.class, dailyReward::claim);
    io.xpbridge.store.ExportStore exports = new io.xpbridge.store.ExportStore(pool);
    BusServer.serve(bus, Bus.EXPORT_PAGE, io.xpbridge.bus.Export.PageQuery.class, query -> exportPage(exports, query));
    PlayerPrivacy privacy = new PlayerPrivacy(players, new io.xpbridge.store.PrivacyStore(pool), exports,
        new io.xpbridge.store.AdminPlayersStore(pool), () -> rules, bus, () -> {
          leaderboard.forget();
          publicStandings.forget();
        });
    BusServer.serve(bus, Bus.PRIVACY_OVERVIEW, io.xpbridge.bus.Privacy.Account.class, privacy::overview);
    BusServer.serve(bus, Bus.PRIVACY_ROLES, io.xpbridge.bus.Privacy.RolesChange.class, privacy::roles);
    BusServer.serve(bus, Bus.PRIVACY_EXPORT, io.xpbridge.bus.Privacy.Account.class, privacy::export);
    BusServer.serve(bus, Bus.PRIVACY_DELETE, io.xpbridge.bus.Privacy.Account.class, privacy::delete);
    BusServer.serve(bus, Bus.PLAYERS_ERASE, io.xpbridge.bus.Privacy.Erase.class, privacy::erase);
    bus.<AppConfig>localConsumer(Bus.CONFIG_CHANGED, msg -> {
      applyConfig(msg.body());
      mirrorRules(msg.body()).onFailure(e -> LOG.warn("could not mirror the new ranks into the database: {}",
          e.toString()));
    });
    return mirrorRules(config);
  }

  /** One more row than asked tells whether another page follows, without an empty last request. */
  private Future<io.xpbridge.bus.Export.Page> exportPage(io.xpbridge.store.ExportStore exports,
      io.xpbridge.bus.Export.PageQuery query) {
    int size = query.pageSize();
    var ladder = rules.ladder();
    return exports.page(query.afterId() == null ? 0 : query.afterId(), size + 1, xp -> ladder.rankFor(xp).number())
        .map(lines -> lines.size() > size
            ? new io.xpbridge.bus.Export.Page(lines.subList(0, size), false)
            : new io.xpbridge.bus.Export.Page(lines, true));
  }

  /** The ladder and achievements as tables, for SQL users; config stays the source. */
  private Future<Void> mirrorRules(AppConfig config) {
    return new io.xpbridge.store.RulesMirrorStore(pool).write(config.gameRules().ladder(),
        config.gameRules().achievements());
  }

  @Override
  public Future<?> stop() {
    return pool.close();
  }

  private void applyConfig(AppConfig config) {
    rules = EngineRules.from(config);
    linkSettings = config.link();
    dailySettings = config.daily();
  }

  private Future<Players.Registered> register(Players.Register request) {
    PlayerRef ref = request.ref();
    String username = clip(request.username(), 64);
    Future<PlayerStore.Registration> registration = ref.kind() == PlayerRef.Kind.TELEGRAM
        ? players.registerTelegram(ref.id(), request.chatId(), username, clip(request.languageCode(), 16))
        : players.registerDiscord(ref.id(), username, avatarUrl(request.avatarUrl()));
    return registration.map(r -> new Players.Registered(r.playerId(), r.created()));
  }

  private Future<Players.Profile> profile(Players.ProfileQuery query) {
    PlayerRef ref = query.ref();
    return players.find(ref).compose(id -> id.isEmpty()
        ? Future.failedFuture(Refusal.NO_PROFILE.exception(ref.kind().field() + " " + ref.id()))
        : players.profile(id.get()).compose(found -> activeBoosts().compose(boosts -> {
          PlayerStore.Profile profile = found.orElseThrow();
          Players.Profile view = view(profile, query.language() != null ? query.language() : profile.languageCode())
              .withVisibility(profile.publicId(), profile.hidden());
          return standings.withSeason(boosts.isEmpty() ? view : view.withBoosts(boosts));
        })));
  }

  /**
   * Reads or sets whether the player is hidden from public standings. A real change is logged (the
   * operators' record of the choice: it moves no XP, so it is no ledger event) and published so cached
   * standings drop or take the player back at once.
   */
  private Future<Players.Visibility> visibility(Players.VisibilityChange change) {
    PlayerRef ref = change.ref();
    return players.find(ref).compose(id -> id.isEmpty()
        ? Future.failedFuture(Refusal.NO_PROFILE.exception(ref.kind().field() + " " + ref.id()))
        : players.visibility(id.get(), change.hidden())).map(found -> {
          PlayerStore.Visibility now = found.orElseThrow(
              () -> Refusal.NO_PROFILE.exception(ref.kind().field() + " " + ref.id()));
          Players.Visibility reply = new Players.Visibility(now.playerId(), now.publicId(), now.hidden(),
              now.changed());
          if (now.changed()) {
            // This instance forgets before it answers, so the caller's next /top already goes without them.
            leaderboard.forget();
            LOG.info("player {} is now {} public standings (asked from {})", now.playerId(),
                now.hidden() ? "hidden from" : "shown on", platformOf(ref));
            vertx.eventBus().publish(Bus.PLAYERS_VISIBILITY_CHANGED, BusJson.encode(reply));
          }
          return reply;
        });
  }

  /** The boosts running now, as the engine knows them; none when it does not answer (a profile still shows). */
  private Future<List<Players.ActiveBoost>> activeBoosts() {
    return engine.request(Bus.BOOSTS_LIST, Admin.Empty.INSTANCE, Admin.Boosts.class)
        .map(list -> list.boosts().stream().filter(Admin.BoostView::active)
            .map(b -> new Players.ActiveBoost(b.name(), b.multiplier(), b.to(), b.platforms())).toList())
        .otherwise(List.of());
  }

  /** The profile with rank and achievement names in {@code language}. */
  private Players.Profile view(PlayerStore.Profile p, String language) {
    Rank rank = rules.ladder().rankFor(p.xp());
    Optional<Rank> next = rules.ladder().next(rank);
    List<Players.AchievementView> achievements = p.achievements().stream().map(unlocked -> {
      var definition = rules.achievements().get(unlocked.code());
      return new Players.AchievementView(unlocked.code(),
          definition == null ? unlocked.code() : definition.name(language), unlocked.at().toString());
    }).toList();
    return new Players.Profile(p.playerId(), p.xp(), p.balance(), rankView(rank, language),
        next.map(r -> rankView(r, language)).orElse(null), next.map(r -> r.minXp() - p.xp()).orElse(0L),
        rules.ladder().size(), achievements, p.telegramId(), p.discordId(), p.telegramId() != null,
        p.discordId() != null, p.dailyStreak(), p.lastDailyDay() == null ? null : p.lastDailyDay().toString(),
        p.displayName());
  }

  private static Players.RankView rankView(Rank rank, String language) {
    return new Players.RankView(rank.number(), rank.name(language), rank.minXp());
  }

  private Future<Links.Issued> issue(Links.Account account) {
    PlayerRef ref = account.ref();
    String platform = platformOf(ref);
    Future<Long> player = ref.kind() == PlayerRef.Kind.TELEGRAM
        ? players.registerTelegram(ref.id(), null, null, null).map(PlayerStore.Registration::playerId)
        : players.registerDiscord(ref.id(), null).map(PlayerStore.Registration::playerId);
    LinkSettings settings = linkSettings;
    return player.compose(id -> insertFreshCode(id, platform, settings, 5)).map(fresh -> new Links.Issued(
        fresh.code(), fresh.expiresAt().toString(), settings.codeTtlSeconds()));
  }

  private record FreshCode(String code, OffsetDateTime expiresAt) {}

  private Future<FreshCode> insertFreshCode(long playerId, String platform, LinkSettings settings, int triesLeft) {
    String code = LinkCodes.generate(settings.codeLength());
    return links.insertCode(code, playerId, platform, settings.codeTtlSeconds()).compose(expires -> {
      if (expires != null) {
        return Future.succeededFuture(new FreshCode(code, expires));
      }
      if (triesLeft <= 1) {
        return Future.failedFuture("could not draw an unused link code");
      }
      return insertFreshCode(playerId, platform, settings, triesLeft - 1);
    });
  }

  private Future<Links.Redeemed> redeem(Links.Redeem request) {
    PlayerRef ref = request.ref();
    String platform = platformOf(ref);
    String code = LinkCodes.normalize(request.code());
    LinkSettings settings = linkSettings;
    return links.recentFailures(platform, ref.id(), settings.failedAttemptsWindowSeconds()).compose(failures -> {
      if (failures.count() >= settings.maxFailedAttempts()) {
        long waitSeconds = Math.max(1, settings.failedAttemptsWindowSeconds()
            - Duration.between(failures.oldest(), OffsetDateTime.now()).toSeconds());
        return Future.failedFuture(Refusal.LINK_TOO_MANY_ATTEMPTS.exception(Long.toString((waitSeconds + 59) / 60)));
      }
      if (code.length() != settings.codeLength() || !code.chars().allMatch(c -> LinkCodes.ALPHABET.indexOf(c) >= 0)) {
        return links.recordFailure(platform, ref.id())
            .compose(v -> Future.failedFuture(Refusal.LINK_CODE_UNKNOWN.exception()));
      }
      return links.redeem(code, Platform.fromWire(platform), ref.id(), rules.calculator())
          .recover(failure -> {
            if (failure instanceof LinkStore.LinkRefused refused) {
              // Only a wrong code counts towards the guessing limit; a conflict is not a guess.
              Future<Void> counted = refused.refusal() == Refusal.LINK_CODE_UNKNOWN
                  ? links.recordFailure(platform, ref.id()) : Future.succeededFuture();
              return counted.compose(v -> Future.failedFuture(refused.refusal().exception()));
            }
            return Future.failedFuture(failure);
          })
          .map(linked -> {
            LOG.info("linked {} account {} to player {} (merged {} XP, {} coins)", platform, ref.id(),
                linked.playerId(), linked.mergedXp(), linked.mergedBalance());
            vertx.eventBus().send(Bus.EVENTS_PROCESS_NOW, new JsonObject());
            return new Links.Redeemed(linked.playerId(), linked.xp(), linked.balance());
          });
    });
  }

  private Future<Links.Unlinked> unlink(Links.Account account) {
    PlayerRef ref = account.ref();
    return links.unlink(Platform.fromWire(platformOf(ref)), ref.id()).map(unlinked -> {
      if (unlinked) {
        vertx.eventBus().send(Bus.EVENTS_PROCESS_NOW, new JsonObject());
      }
      return new Links.Unlinked(unlinked);
    });
  }

  private static String platformOf(PlayerRef ref) {
    return ref.kind() == PlayerRef.Kind.TELEGRAM ? "telegram" : "discord";
  }

  /** Only an https address is stored: the public pages show it as an image source. */
  private static String avatarUrl(String url) {
    return url != null && url.startsWith("https://") && url.length() <= 512 ? url : null;
  }

  private static String clip(String text, int max) {
    return text == null ? null : text.length() <= max ? text : text.substring(0, max);
  }
}
