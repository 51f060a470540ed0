package io.xpbridge.bus;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * Messages of the public web surface ({@link Bus#PUBLIC_STANDINGS}, {@link Bus#PUBLIC_PLAYER},
 * {@link Bus#RANK_CARD}): the leaderboard page, player pages, rank cards and the public JSON.
 *
 * <p>Nothing here carries a platform id (Telegram or Discord user id) or the internal player id:
 * players are addressed by {@code publicId}, an opaque random string kept in {@code players.public_id}.
 * Players who left the Discord guild or chose to be hidden are never in these answers.
 */
public final class Web {
  private Web() {}

  /** Players per page of the public leaderboard. */
  public static final int PAGE_SIZE = 50;

  /**
   * {@link Bus#PUBLIC_STANDINGS}: {@code season} "current" (default), "all" (lifetime XP) or an
   * archived season's id; {@code page} 1 or more (default 1); {@code language} "ru" or "en" (names of
   * ranks). Fails 400 naming the bad field, 404 for a season that does not exist.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record StandingsQuery(String season, Integer page, String language) {}

  /** A season the page can switch to: the running one and every archived one, newest first. */
  public record SeasonChoice(int id, String name, String state) {}

  /**
   * One page: {@code scope} "season" or "all"; {@code seasonId}/{@code seasonName} null for "all";
   * {@code total} players in the whole standing, {@code pages} how many pages that makes.
   */
  public record Standings(String scope, Integer seasonId, String seasonName, int page, int pageSize, long total,
      long pages, List<Entry> players, List<SeasonChoice> seasons) {}

  /** A place: {@code xp} is what the standing ranks by (season or lifetime XP); the rank is lifetime. */
  public record Entry(long place, String publicId, String name, String avatarUrl, long xp, RankProgress rank) {}

  /**
   * The player's lifetime rank and the way to the next: {@code number} of {@code count}, the rank's
   * name in the asked language, {@code minXp} where it starts, {@code nextMinXp}/{@code nextName} null
   * at the top rank, {@code lifetimeXp} the XP it is derived from.
   */
  public record RankProgress(int number, int count, String name, long minXp, Long nextMinXp, String nextName,
      long lifetimeXp) {

    /** 0.0 to 1.0 of the way from this rank to the next; 1.0 at the top rank. */
    public double progress() {
      if (nextMinXp == null || nextMinXp <= minXp) {
        return 1.0;
      }
      return Math.max(0.0, Math.min(1.0, (double) (lifetimeXp - minXp) / (nextMinXp - minXp)));
    }
  }

  /**
   * {@link Bus#PUBLIC_PLAYER}: one player by {@code publicId}, or (bots only, for {@code /rank}) by
   * their Telegram or Discord account; names in {@code language}. Fails 404 for an unknown, hidden or
   * absent player.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record PlayerQuery(String publicId, Long telegramId, Long discordId, String language) {}

  /** A player's public page and card: achievements unlocked, season place null without season XP. */
  public record Player(String publicId, String name, String avatarUrl, long xp, RankProgress rank,
      List<Players.AchievementView> achievements, Integer seasonId, String seasonName, long seasonXp,
      Long seasonPlace, Long lifetimePlace) {}

  /**
   * {@link Bus#RANK_CARD}: the card of a player as in {@link PlayerQuery}. Reply {@link Card}: the
   * PNG (base64 on the bus) and its ETag; fails 404 as {@link Bus#PUBLIC_PLAYER}.
   */
  public record Card(String publicId, String etag, String pngBase64) {}
}
