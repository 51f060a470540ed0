package io.xpbridge.account;

import io.vertx.core.Future;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.xpbridge.bus.Players;
import io.xpbridge.bus.Seasons;
import io.xpbridge.domain.InvalidRequestException;
import io.xpbridge.domain.PlayerRef;
import io.xpbridge.domain.Rank;
import io.xpbridge.domain.RankLadder;
import io.xpbridge.store.PlayerStore;
import io.xpbridge.store.SeasonStore;
import io.xpbridge.store.StandingsStore;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * What the standings answer: {@code Bus.LEADERBOARD} (a page of the running season's, the lifetime or
 * an ended season's standings), {@code Bus.PLAYERS_TOP} (the top of the running season or of lifetime
 * XP with the caller's place) and the season line of a profile. Checks the query, reads through the
 * {@link Leaderboard} cache, and names ranks (always the lifetime rank) in the asked language.
 */
final class Standings {
  static final int DEFAULT_LIMIT = 10;
  static final int MAX_LIMIT = 100;
  static final int MAX_TOP = 50;
  static final String SCOPE_SEASON = "season";
  private static final Pattern SEASON_ID = Pattern.compile("[0-9]{1,9}");

  private final StandingsStore store;
  private final Leaderboard leaderboard;
  private final PlayerStore players;
  private final Supplier<RankLadder> ladder;

  Standings(StandingsStore store, Leaderboard leaderboard, PlayerStore players, Supplier<RankLadder> ladder) {
    this.store = store;
    this.leaderboard = leaderboard;
    this.players = players;
    this.ladder = ladder;
  }

  Future<Seasons.Leaderboard> leaderboard(Seasons.LeaderboardQuery query) {
    int limit = query.limit() == null ? DEFAULT_LIMIT : query.limit();
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new InvalidRequestException("'limit' must be from 1 to " + MAX_LIMIT + ", got " + limit);
    }
    int offset = query.offset() == null ? 0 : query.offset();
    if (offset < 0) {
      throw new InvalidRequestException("'offset' must be 0 or more, got " + offset);
    }
    String season = query.season() == null ? Players.CURRENT_SEASON : query.season().trim();
    String language = query.language();
    if (Players.CURRENT_SEASON.equals(season)) {
      return leaderboard.current(limit, offset)
          .map(current -> board(current.season(), Players.CURRENT_SEASON, current.page(), language));
    }
    if (Players.ALL_TIME.equals(season)) {
      return leaderboard.allTime(limit, offset).map(page -> board(null, Players.ALL_TIME, page, language));
    }
    int id = seasonId(season);
    return store.season(id).compose(found -> {
      if (found.isEmpty()) {
        return Future.failedFuture(new ReplyException(ReplyFailure.RECIPIENT_FAILURE, 404, "no season " + id));
      }
      SeasonStore.Season asked = found.get();
      if (asked.running()) {
        return leaderboard.current(limit, offset)
            .map(current -> board(current.season(), Players.CURRENT_SEASON, current.page(), language));
      }
      if (!asked.archived()) {
        // Ended, its final standings not written yet: none to show, and the state says why.
        return Future.succeededFuture(board(asked, SCOPE_SEASON, new StandingsStore.Page(0, List.of()), language));
      }
      return store.archivedPage(id, limit, offset).map(page -> board(asked, SCOPE_SEASON, page, language));
    });
  }

  Future<Players.Top> top(Players.TopQuery query) {
    int limit = Math.max(1, Math.min(query.limit() == null ? DEFAULT_LIMIT : query.limit(), MAX_TOP));
    String standing = query.season() == null ? Players.CURRENT_SEASON : query.season().trim();
    Future<Players.Top> top;
    if (Players.CURRENT_SEASON.equals(standing)) {
      top = leaderboard.current(limit, 0).map(current -> top(current.page(), current.season(), query.language()));
    } else if (Players.ALL_TIME.equals(standing)) {
      top = leaderboard.allTime(limit, 0).map(page -> top(page, null, query.language()));
    } else {
      throw new InvalidRequestException("'season' must be " + Players.CURRENT_SEASON + " or " + Players.ALL_TIME
          + ", got '" + clip(standing) + "'");
    }
    PlayerRef caller = query.caller();
    if (caller == null) {
      return top;
    }
    return top.compose(shown -> players.find(caller).compose(id -> id.isEmpty() ? Future.succeededFuture(shown)
        : placeOf(id.get(), shown.seasonId()).map(placed -> placed == null ? shown
            : placed.hidden() ? shown.withCallerHidden()
            : placed.place() == null ? shown
            : shown.withCaller(new Players.Place(placed.place(), placed.xp())))));
  }

  /** The profile with the player's XP and place in the running season (as it was when none runs). */
  Future<Players.Profile> withSeason(Players.Profile profile) {
    return store.running().compose(running -> running.isEmpty() ? Future.succeededFuture(profile)
        : store.seasonPlace(profile.playerId(), running.get().id()).map(placed -> profile.withSeason(
            running.get().name(), placed.map(StandingsStore.Placed::xp).orElse(0L),
            placed.map(StandingsStore.Placed::place).orElse(null))));
  }

  private Future<StandingsStore.Placed> placeOf(long playerId, Integer seasonId) {
    return (seasonId == null ? store.lifetimePlace(playerId) : store.seasonPlace(playerId, seasonId))
        .map(placed -> placed.orElse(null));
  }

  private Seasons.Leaderboard board(SeasonStore.Season season, String scope, StandingsStore.Page page,
      String language) {
    List<Seasons.Standing> standings = page.entries().stream().map(entry -> new Seasons.Standing(entry.place(),
        entry.playerId(), entry.name(), entry.xp(), rankView(entry.lifetimeXp(), language))).toList();
    return new Seasons.Leaderboard(season == null ? null : season.view(null), scope, page.total(), standings);
  }

  private Players.Top top(StandingsStore.Page page, SeasonStore.Season season, String language) {
    List<Players.TopEntry> entries = page.entries().stream().map(entry -> new Players.TopEntry((int) entry.place(),
        entry.playerId(), entry.name(), entry.xp(), rankView(entry.lifetimeXp(), language))).toList();
    return season == null
        ? new Players.Top(entries, null, Players.ALL_TIME, null, null, page.total())
        : new Players.Top(entries, null, Players.CURRENT_SEASON, season.id(), season.name(), page.total());
  }

  private Players.RankView rankView(long lifetimeXp, String language) {
    Rank rank = ladder.get().rankFor(lifetimeXp);
    return new Players.RankView(rank.number(), rank.name(language), null);
  }

  private static int seasonId(String season) {
    if (!SEASON_ID.matcher(season).matches() || Integer.parseInt(season) == 0) {
      throw new InvalidRequestException("'season' must be " + Players.CURRENT_SEASON + ", " + Players.ALL_TIME
          + " or a season id (a whole number from 1), got '" + clip(season) + "'");
    }
    return Integer.parseInt(season);
  }

  private static String clip(String text) {
    return text.length() <= 32 ? text : text.substring(0, 32) + "…";
  }
}
