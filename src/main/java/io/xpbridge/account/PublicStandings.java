package io.xpbridge.account;

import io.vertx.core.Future;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.xpbridge.bus.Players;
import io.xpbridge.bus.Web;
import io.xpbridge.domain.InvalidRequestException;
import io.xpbridge.domain.PlayerRef;
import io.xpbridge.domain.Rank;
import io.xpbridge.domain.RankLadder;
import io.xpbridge.store.PlayerStore;
import io.xpbridge.store.PublicStandingsStore;
import io.xpbridge.store.SeasonStore;
import io.xpbridge.sync.EngineRules;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * What the public web asks the engine: {@code Bus.PUBLIC_STANDINGS} (a page of 50 of the running
 * season, lifetime XP or an archived season, hidden and absent players left out) and
 * {@code Bus.PUBLIC_PLAYER}. Replies carry public ids only, never a platform or internal id.
 *
 * <p>The page is the first thing every visitor loads, so the first {@link #HEAD_PAGES} pages of the
 * live standings are cut from a snapshot read at most once per {@link #MAX_AGE_MS} (a
 * sequential scan of the players: there is no index on XP, on purpose; about 0.1 s for 100,000 players).
 * No visitor waits for that scan once a snapshot exists: the expired one is served while the next is
 * read, so a page is at most about five seconds and a scan old. Deeper pages and archived seasons (indexed
 * by season) are read as asked. Places on player pages and cards come the same way from everyone's XP
 * ({@link PublicStandingsStore.ShownXp}), not from a count per request. Must be used from one context.
 */
final class PublicStandings {
  static final int HEAD_PAGES = 10;
  /**
   * How old a public answer may be. Each read of a head or of everyone's XP scans the players (about
   * 0.1 s of database CPU at 100,000); at one second, a busy page cost the engine 17 % of its throughput
   * in the bench (three scans a second on two cores), at five seconds it does not. The bots' /top keeps
   * its one second ({@link Leaderboard#MAX_AGE_MS}); a hide, show, leave, return or new season is seen at once.
   */
  static final long MAX_AGE_MS = 5_000;
  static final int MAX_PAGE = 1_000_000;
  /** Deeper live pages remembered (each read at most once per MAX_AGE_MS however often it is asked). */
  static final int DEEP_PAGES = 256;
  static final String CURRENT = Players.CURRENT_SEASON;
  static final String ALL = Players.ALL_TIME;
  private static final int HEAD = HEAD_PAGES * Web.PAGE_SIZE;
  private static final Pattern SEASON_ID = Pattern.compile("[0-9]{1,9}");
  private static final Pattern PUBLIC_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

  private record Head(SeasonStore.Season season, PublicStandingsStore.Page page) {}

  private final PublicStandingsStore store;
  private final SeasonStore seasons;
  private final PlayerStore players;
  private final Supplier<EngineRules> rules;
  private final Snapshot<Head> currentHead;
  private final Snapshot<PublicStandingsStore.Page> lifetimeHead;
  private final Snapshot<List<SeasonStore.Season>> seasonList;
  /** Everyone's XP for places on player pages and cards, read like the heads. */
  private final Snapshot<PublicStandingsStore.ShownXp> shownXp;
  /** The running season for player pages and cards: one round trip less per request (a card's ETag asks). */
  private final Snapshot<Optional<SeasonStore.Season>> runningSeason;
  private final LongSupplier clockMs;
  // Access order: the least recently asked deep page is dropped first.
  private final Map<String, Snapshot<Head>> deepPages = new LinkedHashMap<>(64, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Snapshot<Head>> eldest) {
      return size() > DEEP_PAGES;
    }
  };

  PublicStandings(PublicStandingsStore store, SeasonStore seasons, PlayerStore players, Supplier<EngineRules> rules,
      LongSupplier clockMs) {
    this.store = store;
    this.seasons = seasons;
    this.players = players;
    this.rules = rules;
    this.clockMs = clockMs;
    this.currentHead = new Snapshot<>(() -> current(HEAD, 0), clockMs, MAX_AGE_MS, true);
    this.lifetimeHead = new Snapshot<>(() -> store.lifetimePage(HEAD, 0), clockMs, MAX_AGE_MS, true);
    this.runningSeason = new Snapshot<>(seasons::running, clockMs, MAX_AGE_MS, true);
    this.shownXp = new Snapshot<>(() -> seasons.running().compose(running ->
        store.shownXp(running.map(SeasonStore.Season::id).orElse(0))), clockMs, MAX_AGE_MS, true);
    this.seasonList = new Snapshot<>(() -> seasons.all().map(all -> all.stream()
        .filter(s -> s.running() || s.archived()).toList()), clockMs, MAX_AGE_MS, true);
  }

  /** A season started or ended, a member left or came back, someone hid or showed themselves. */
  void forget() {
    currentHead.forget();
    lifetimeHead.forget();
    seasonList.forget();
    shownXp.forget();
    runningSeason.forget();
    deepPages.clear();
  }

  Future<Web.Standings> standings(Web.StandingsQuery query) {
    int page = query.page() == null ? 1 : query.page();
    if (page < 1 || page > MAX_PAGE) {
      throw new InvalidRequestException("'page' must be from 1 to " + MAX_PAGE + ", got " + page);
    }
    String language = language(query.language());
    String season = query.season() == null || query.season().isBlank() ? CURRENT : query.season().trim();
    int offset = (page - 1) * Web.PAGE_SIZE;
    if (CURRENT.equals(season)) {
      return currentPage(offset).compose(head -> reply(head.season(), head.page(), page, language));
    }
    if (ALL.equals(season)) {
      Future<PublicStandingsStore.Page> read = offset + Web.PAGE_SIZE <= HEAD
          ? lifetimeHead.get().map(head -> head.slice(offset, Web.PAGE_SIZE))
          : deep(ALL + ":" + offset, () -> store.lifetimePage(Web.PAGE_SIZE, offset)
              .map(found -> new Head(null, found))).map(Head::page);
      return read.compose(found -> reply(null, found, page, language));
    }
    int id = seasonId(season);
    return seasons.byId(id).compose(found -> {
      if (found.isEmpty() || !(found.get().running() || found.get().archived())) {
        return Future.failedFuture(notFound("no season " + id + " to show"));
      }
      if (found.get().running()) {
        return currentPage(offset).compose(head -> reply(head.season(), head.page(), page, language));
      }
      return store.archivedPage(id, Web.PAGE_SIZE, offset).compose(p -> reply(found.get(), p, page, language));
    });
  }

  Future<Web.Player> player(Web.PlayerQuery query) {
    String language = language(query.language());
    int named = (query.publicId() != null ? 1 : 0) + (query.telegramId() != null ? 1 : 0)
        + (query.discordId() != null ? 1 : 0);
    if (named != 1) {
      throw new InvalidRequestException("name the player with exactly one of publicId, telegramId or discordId");
    }
    return runningSeason.get().compose(running -> {
      int seasonId = running.map(SeasonStore.Season::id).orElse(0);
      Future<Optional<PublicStandingsStore.Shown>> found;
      if (query.publicId() != null) {
        found = PUBLIC_ID.matcher(query.publicId()).matches()
            ? store.byPublicId(query.publicId(), seasonId) : Future.succeededFuture(Optional.empty());
      } else {
        PlayerRef ref = Players.platformRef(query.telegramId(), query.discordId());
        found = players.find(ref).compose(id -> id.isEmpty() ? Future.succeededFuture(Optional.empty())
            : store.byId(id.get(), seasonId));
      }
      return found.compose(shown -> shown.isEmpty()
          ? Future.failedFuture(notFound("no such player on the public pages"))
          : player(shown.get(), running.orElse(null), language));
    });
  }

  private Future<Web.Player> player(PublicStandingsStore.Shown shown, SeasonStore.Season running, String language) {
    return Future.all(store.achievements(shown.playerId()), shownXp.get())
        .map(all -> {
          PublicStandingsStore.ShownXp places = all.resultAt(1);
          EngineRules now = rules.get();
          List<PlayerStore.Unlocked> unlocked = all.resultAt(0);
          List<Players.AchievementView> achievements = unlocked.stream().map(a -> {
            var definition = now.achievements().get(a.code());
            return new Players.AchievementView(a.code(), definition == null ? a.code() : definition.name(language),
                a.at().toInstant().toString());
          }).toList();
          return new Web.Player(shown.publicId(), shown.name(), shown.avatarUrl(), shown.xp(),
              progress(now.ladder(), shown.xp(), language), achievements,
              running == null ? null : running.id(), running == null ? null : running.name(), shown.seasonXp(),
              running == null ? null : places.seasonPlace(shown.seasonXp()), places.lifetimePlace(shown.xp()));
        });
  }

  /** The lifetime rank of {@code lifetimeXp} and the way to the next, names in {@code language}. */
  static Web.RankProgress progress(RankLadder ladder, long lifetimeXp, String language) {
    Rank rank = ladder.rankFor(lifetimeXp);
    Optional<Rank> next = ladder.next(rank);
    return new Web.RankProgress(rank.number(), ladder.size(), rank.name(language), rank.minXp(),
        next.map(Rank::minXp).orElse(null), next.map(r -> r.name(language)).orElse(null), lifetimeXp);
  }

  private Future<Head> currentPage(int offset) {
    if (offset + Web.PAGE_SIZE <= HEAD) {
      return currentHead.get().map(head -> new Head(head.season(), head.page().slice(offset, Web.PAGE_SIZE)));
    }
    return deep(CURRENT + ":" + offset, () -> current(Web.PAGE_SIZE, offset));
  }

  /**
   * A page past the heads, read at most once per MAX_AGE_MS: a scan each, so a page many visitors ask for at
   * once (a link shared to page 7 of 2,000) costs one scan per MAX_AGE_MS, not one per visitor.
   */
  private Future<Head> deep(String key, Supplier<Future<Head>> reader) {
    return deepPages.computeIfAbsent(key, k -> new Snapshot<>(reader, clockMs, MAX_AGE_MS, true)).get();
  }

  private Future<Head> current(int limit, int offset) {
    return seasons.running().compose(running -> running.isEmpty()
        ? Future.succeededFuture(new Head(null, new PublicStandingsStore.Page(0, List.of())))
        : store.seasonPage(running.get().id(), limit, offset).map(page -> new Head(running.get(), page)));
  }

  private Future<Web.Standings> reply(SeasonStore.Season season, PublicStandingsStore.Page found, int page,
      String language) {
    RankLadder ladder = rules.get().ladder();
    List<Web.Entry> entries = found.entries().stream().map(e -> new Web.Entry(e.place(), e.publicId(), e.name(),
        e.avatarUrl(), e.xp(), progress(ladder, e.lifetimeXp(), language))).toList();
    long pages = (found.total() + Web.PAGE_SIZE - 1) / Web.PAGE_SIZE;
    return seasonList.get().map(list -> new Web.Standings(season == null ? ALL : "season",
        season == null ? null : season.id(), season == null ? null : season.name(), page, Web.PAGE_SIZE,
        found.total(), pages, entries,
        list.stream().map(s -> new Web.SeasonChoice(s.id(), s.name(), s.state())).toList()));
  }

  private static String language(String language) {
    if (language == null || language.isBlank()) {
      return "en";
    }
    String code = language.trim().toLowerCase();
    if (!code.equals("ru") && !code.equals("en")) {
      throw new InvalidRequestException("'language' must be ru or en, got '" + clip(language) + "'");
    }
    return code;
  }

  private static int seasonId(String season) {
    if (!SEASON_ID.matcher(season).matches() || Integer.parseInt(season) == 0) {
      throw new InvalidRequestException("'season' must be " + CURRENT + ", " + ALL
          + " or a season id (a whole number from 1), got '" + clip(season) + "'");
    }
    return Integer.parseInt(season);
  }

  private static ReplyException notFound(String text) {
    return new ReplyException(ReplyFailure.RECIPIENT_FAILURE, 404, text);
  }

  private static String clip(String text) {
    return text.length() <= 32 ? text : text.substring(0, 32) + "…";
  }
}
