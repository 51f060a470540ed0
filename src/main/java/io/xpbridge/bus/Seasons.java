package io.xpbridge.bus;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * Messages of the season addresses ({@link Bus#SEASONS_START}, {@link Bus#SEASONS_LIST},
 * {@link Bus#SEASONS_CURRENT}) and of the leaderboard ({@link Bus#LEADERBOARD}).
 *
 * <p>A season's standings: players ordered by the XP they gained in it (after multipliers and caps),
 * ties sharing a place (1, 2, 2, 4); players who gained nothing are left out. Lifetime standings
 * order by lifetime XP the same way.
 */
public final class Seasons {
  private Seasons() {}

  /** Wire names of {@link SeasonView#state()}. */
  public static final String RUNNING = "running";
  public static final String ARCHIVING = "archiving";
  public static final String ARCHIVED = "archived";

  /** {@link Bus#SEASONS_START}: end the running season and start one named {@code name} (1-64 characters). */
  public record Start(String name) {}

  /**
   * A season: {@code state} running, archiving (ended, standings being written) or archived; times
   * ISO-8601, {@code endedAt} null while it runs; {@code players} how many ended it with season XP
   * (null until archived); {@code top} its best ten (null where the message leaves it out).
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record SeasonView(int id, String name, String state, String startedAt,
      @JsonInclude(JsonInclude.Include.ALWAYS) String endedAt, Integer players, List<Standing> top) {}

  /** One place of a standing: rank is the player's lifetime rank, names in the query's language. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Standing(long place, long playerId, String name, long xp, Players.RankView rank) {}

  /** {@link Bus#SEASONS_LIST}: every season, newest first, each with its top ten. */
  public record SeasonList(List<SeasonView> seasons) {}

  /**
   * {@link Bus#LEADERBOARD}: {@code season} "current" (default), "all" (lifetime XP) or a season id;
   * {@code limit} 1-100 (default 10), {@code offset} 0 or more (default 0). Fails 400 naming the bad
   * field, 404 for a season id that does not exist.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record LeaderboardQuery(String season, Integer limit, Integer offset, String language) {}

  /**
   * A page of standings; {@code season} is null for lifetime standings ("all"), {@code total} how
   * many players the whole standing has.
   */
  public record Leaderboard(@JsonInclude(JsonInclude.Include.ALWAYS) SeasonView season, String scope, long total,
      List<Standing> players) {}
}
