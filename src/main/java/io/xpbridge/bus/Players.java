package io.xpbridge.bus;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.xpbridge.domain.InvalidRequestException;
import io.xpbridge.domain.PlayerRef;
import java.util.ArrayList;
import java.util.List;

/**
 * Messages of {@link Bus#PLAYERS_REGISTER}, {@link Bus#PLAYERS_PROFILE}, {@link Bus#PLAYERS_TOP} and
 * {@link Bus#PLAYERS_VISIBILITY}.
 * Names of ranks and achievements arrive already in the language the request asked for (or the
 * player's own), so the bots never hold the ladder.
 */
public final class Players {
  private Players() {}

  /** How a request names its player: exactly one of the three ids, each positive. */
  public static PlayerRef ref(Long playerId, Long telegramId, Long discordId) {
    return one(playerId, telegramId, discordId, "name the player with exactly one of playerId, telegramId or discordId");
  }

  /** A platform account: exactly one of the two platform ids. */
  public static PlayerRef platformRef(Long telegramId, Long discordId) {
    return one(null, telegramId, discordId, "name the account with exactly one of telegramId or discordId");
  }

  private static PlayerRef one(Long playerId, Long telegramId, Long discordId, String otherwise) {
    List<PlayerRef> named = new ArrayList<>(1);
    add(named, PlayerRef.Kind.PLAYER, playerId);
    add(named, PlayerRef.Kind.TELEGRAM, telegramId);
    add(named, PlayerRef.Kind.DISCORD, discordId);
    if (named.size() != 1) {
      throw new InvalidRequestException(otherwise);
    }
    return named.get(0);
  }

  private static void add(List<PlayerRef> named, PlayerRef.Kind kind, Long id) {
    if (id == null) {
      return;
    }
    if (id <= 0) {
      throw new InvalidRequestException("'" + kind.field() + "' must be positive");
    }
    named.add(new PlayerRef(kind, id));
  }

  /**
   * {@link Bus#PLAYERS_REGISTER}: a platform account, with where and how to talk to it. {@code avatarUrl}:
   * a Discord member's avatar address for the public pages (kept when null).
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Register(Long telegramId, Long chatId, String username, String languageCode, Long discordId,
      String avatarUrl) {
    public static Register telegram(long telegramId, long chatId, String username, String languageCode) {
      return new Register(telegramId, chatId, username, languageCode, null, null);
    }

    public static Register discord(long discordId, String username) {
      return new Register(null, null, username, null, discordId, null);
    }

    public static Register discord(long discordId, String username, String avatarUrl) {
      return new Register(null, null, username, null, discordId, avatarUrl);
    }

    public PlayerRef ref() {
      return platformRef(telegramId, discordId);
    }
  }

  public record Registered(long playerId, boolean created) {}

  /** {@link Bus#PLAYERS_PROFILE}. {@code language}: names in this language instead of the player's own. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record ProfileQuery(Long playerId, Long telegramId, Long discordId, String language) {
    public static ProfileQuery player(long playerId) {
      return new ProfileQuery(playerId, null, null, null);
    }

    public static ProfileQuery telegram(long telegramId) {
      return new ProfileQuery(null, telegramId, null, null);
    }

    public static ProfileQuery discord(long discordId, String language) {
      return new ProfileQuery(null, null, discordId, language);
    }

    public PlayerRef ref() {
      return Players.ref(playerId, telegramId, discordId);
    }
  }

  /** A rank as shown to a player; {@code minXp} is left out where the message does not need it. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record RankView(int number, String name, Long minXp) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record AchievementView(String code, String name, String unlockedAt) {}

  /**
   * Fail {@link Refusal#NO_PROFILE} when the platform account has no player yet. {@code seasonXp} is the
   * XP gained in the running season {@code seasonName}, {@code seasonPlace} the place it gives in that
   * season's standings (null while the player has no XP in it or is not shown; ties share a place).
   * {@code publicId} addresses the player's public page; {@code hidden} when they chose not to be on
   * public standings (/privacy).
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Profile(
      long playerId,
      long xp,
      long balance,
      RankView rank,
      @JsonInclude(JsonInclude.Include.ALWAYS) RankView nextRank,
      long xpToNextRank,
      int rankCount,
      List<AchievementView> achievements,
      Long telegramId,
      Long discordId,
      boolean telegramLinked,
      boolean discordLinked,
      int dailyStreak,
      String lastDailyDay,
      String displayName,
      List<ActiveBoost> boosts,
      long seasonXp,
      Long seasonPlace,
      String seasonName,
      String publicId,
      boolean hidden) {

    public Profile {
      achievements = achievements == null ? List.of() : List.copyOf(achievements);
      boosts = boosts == null ? List.of() : List.copyOf(boosts);
    }

    /** Without the season (a profile read where none is known). */
    public Profile(long playerId, long xp, long balance, RankView rank, RankView nextRank, long xpToNextRank,
        int rankCount, List<AchievementView> achievements, Long telegramId, Long discordId, boolean telegramLinked,
        boolean discordLinked, int dailyStreak, String lastDailyDay, String displayName, List<ActiveBoost> boosts) {
      this(playerId, xp, balance, rank, nextRank, xpToNextRank, rankCount, achievements, telegramId, discordId,
          telegramLinked, discordLinked, dailyStreak, lastDailyDay, displayName, boosts, 0, null, null, null, false);
    }

    /** Without the public page's id and visibility (a reply of an older service). */
    public Profile(long playerId, long xp, long balance, RankView rank, RankView nextRank, long xpToNextRank,
        int rankCount, List<AchievementView> achievements, Long telegramId, Long discordId, boolean telegramLinked,
        boolean discordLinked, int dailyStreak, String lastDailyDay, String displayName, List<ActiveBoost> boosts,
        long seasonXp, Long seasonPlace, String seasonName) {
      this(playerId, xp, balance, rank, nextRank, xpToNextRank, rankCount, achievements, telegramId, discordId,
          telegramLinked, discordLinked, dailyStreak, lastDailyDay, displayName, boosts, seasonXp, seasonPlace,
          seasonName, null, false);
    }

    /** Without boosts and season (a profile read where none run). */
    public Profile(long playerId, long xp, long balance, RankView rank, RankView nextRank, long xpToNextRank,
        int rankCount, List<AchievementView> achievements, Long telegramId, Long discordId, boolean telegramLinked,
        boolean discordLinked, int dailyStreak, String lastDailyDay, String displayName) {
      this(playerId, xp, balance, rank, nextRank, xpToNextRank, rankCount, achievements, telegramId, discordId,
          telegramLinked, discordLinked, dailyStreak, lastDailyDay, displayName, List.of());
    }

    /** This profile with {@code boosts} running now. */
    public Profile withBoosts(List<ActiveBoost> running) {
      return new Profile(playerId, xp, balance, rank, nextRank, xpToNextRank, rankCount, achievements, telegramId,
          discordId, telegramLinked, discordLinked, dailyStreak, lastDailyDay, displayName, running, seasonXp,
          seasonPlace, seasonName, publicId, hidden);
    }

    /** This profile with the player's standing in the running season. */
    public Profile withSeason(String name, long xpThisSeason, Long place) {
      return new Profile(playerId, xp, balance, rank, nextRank, xpToNextRank, rankCount, achievements, telegramId,
          discordId, telegramLinked, discordLinked, dailyStreak, lastDailyDay, displayName, boosts, xpThisSeason,
          place, name, publicId, hidden);
    }

    /** This profile with its public page's id and whether the player chose to be hidden. */
    public Profile withVisibility(String playerPublicId, boolean playerHidden) {
      return new Profile(playerId, xp, balance, rank, nextRank, xpToNextRank, rankCount, achievements, telegramId,
          discordId, telegramLinked, discordLinked, dailyStreak, lastDailyDay, displayName, boosts, seasonXp,
          seasonPlace, seasonName, playerPublicId, playerHidden);
    }
  }

  /** A boost running now: its name, multiplier, end (ISO-8601) and platforms, for /profile. */
  public record ActiveBoost(String name, double multiplier, String until, List<String> platforms) {}

  /** Wire names of {@link TopQuery#season()} and {@link Top#scope()}. */
  public static final String CURRENT_SEASON = "current";
  public static final String ALL_TIME = "all";

  /**
   * {@link Bus#PLAYERS_TOP}: the best {@code limit} players (default 10, at most 50) of a standing and,
   * when the caller is named, the caller's own place in it; rank names in {@code language}.
   * {@code season}: "current" (default, the running season's XP) or "all" (lifetime XP).
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record TopQuery(Integer limit, Long telegramId, Long discordId, String language, String season) {
    /** The running season's standings. */
    public TopQuery(Integer limit, Long telegramId, Long discordId, String language) {
      this(limit, telegramId, discordId, language, null);
    }

    public static TopQuery telegram(int limit, long telegramId, String language) {
      return new TopQuery(limit, telegramId, null, language);
    }

    public static TopQuery discord(int limit, long discordId, String language) {
      return new TopQuery(limit, null, discordId, language);
    }

    /** This query for another standing: {@link #CURRENT_SEASON} or {@link #ALL_TIME}. */
    public TopQuery of(String standing) {
      return new TopQuery(limit, telegramId, discordId, language, standing);
    }

    /** The caller, or null when the query names nobody. */
    public PlayerRef caller() {
      return telegramId == null && discordId == null ? null : platformRef(telegramId, discordId);
    }
  }

  /**
   * The top of a standing, places shared by ties (1, 2, 2, 4). {@code caller}: the caller's place, null
   * when the caller has no XP in it (or is unknown). {@code scope} "current" or "all" (null from an older
   * service); {@code seasonId} and {@code seasonName} the season shown, null for "all"; {@code total}
   * how many players the standing has; {@code callerHidden} when the caller chose to be hidden from public
   * standings (then {@code caller} is null).
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Top(List<TopEntry> entries, Place caller, String scope, Integer seasonId, String seasonName,
      long total, boolean callerHidden) {
    public Top {
      entries = entries == null ? List.of() : List.copyOf(entries);
    }

    /** Without the caller's visibility. */
    public Top(List<TopEntry> entries, Place caller, String scope, Integer seasonId, String seasonName, long total) {
      this(entries, caller, scope, seasonId, seasonName, total, false);
    }

    /** Without a season (a reply of an older service). */
    public Top(List<TopEntry> entries, Place caller) {
      this(entries, caller, null, null, null, entries == null ? 0 : entries.size());
    }

    public Top withCaller(Place place) {
      return new Top(entries, place, scope, seasonId, seasonName, total, callerHidden);
    }

    /** The caller chose to be hidden (/privacy): no place of theirs is shown. */
    public Top withCallerHidden() {
      return new Top(entries, null, scope, seasonId, seasonName, total, true);
    }

    /** Lifetime standings. */
    public boolean allTime() {
      return ALL_TIME.equals(scope);
    }
  }

  /** One place of a standing: {@code xp} counts for that standing, {@code rank} is the lifetime rank. */
  public record TopEntry(int place, long playerId, String displayName, long xp, RankView rank) {}

  public record Place(long place, long xp) {}

  /** Wire values of {@link VisibilityChange#hidden()}'s words, for the bots' commands. */
  public static final String HIDE = "hide";
  public static final String SHOW = "show";

  /**
   * {@link Bus#PLAYERS_VISIBILITY}: the account (exactly one platform id) and, to change it, whether to
   * be hidden from public standings; {@code hidden} null only reads.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record VisibilityChange(Long telegramId, Long discordId, Boolean hidden) {
    public static VisibilityChange telegram(long telegramId, Boolean hidden) {
      return new VisibilityChange(telegramId, null, hidden);
    }

    public static VisibilityChange discord(long discordId, Boolean hidden) {
      return new VisibilityChange(null, discordId, hidden);
    }

    public PlayerRef ref() {
      return platformRef(telegramId, discordId);
    }
  }

  /**
   * The player's visibility now: {@code hidden} from public standings or not, {@code changed} when this
   * request changed it (false on a read or a repeat), {@code publicId} of their public page.
   */
  public record Visibility(long playerId, String publicId, boolean hidden, boolean changed) {}
}
