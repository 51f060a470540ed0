package io.xpbridge.bus;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.xpbridge.domain.InvalidRequestException;
import java.util.List;

/**
 * Messages of {@link Bus#EXPORT_PAGE} and the line format of {@code GET /api/v1/export}: one
 * {@link PlayerLine} per player, as JSON on its own line (JSON Lines). Every line names its format
 * ({@link #FORMAT}) so a reader can tell an xpbridge export from another file and its version
 * without a header; a later format adds fields under a new version and keeps these.
 */
public final class Export {
  private Export() {}

  /** The value of every line's {@code format} field. */
  public static final String FORMAT = "xpbridge.player/1";
  /** Players per page when the request names no limit. */
  public static final int DEFAULT_PAGE = 1_000;
  public static final int MAX_PAGE = 5_000;

  /** {@link Bus#EXPORT_PAGE}: the players whose id is above {@code afterId} (null: from the start), in id order. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record PageQuery(Long afterId, Integer limit) {
    public PageQuery {
      if (afterId != null && afterId < 0) {
        throw new InvalidRequestException("'afterId' must not be negative");
      }
      if (limit != null && (limit < 1 || limit > MAX_PAGE)) {
        throw new InvalidRequestException("'limit' must be between 1 and " + MAX_PAGE);
      }
    }

    public int pageSize() {
      return limit == null ? DEFAULT_PAGE : limit;
    }
  }

  /** A page in id order; {@code last} is true when no player follows it. */
  public record Page(List<PlayerLine> players, boolean last) {}

  /**
   * One exported player. {@code telegram} and {@code discord} are null (left out) when that account is
   * not linked; {@code rank} is the ladder's number for {@code xp} at export time; {@code season} is the
   * running season and the player's XP in it.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record PlayerLine(String format, long playerId, String publicId, String name, TelegramLink telegram,
      DiscordLink discord, long xp, long balance, int rank, List<Achievement> achievements, SeasonXp season,
      boolean hidden) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record TelegramLink(long id, String username, Long chatId, String languageCode) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record DiscordLink(long id, String username, boolean syncEnabled) {}

  /** {@code unlockedAt}: ISO-8601 in UTC. */
  public record Achievement(String code, String unlockedAt) {}

  /** {@code id} null only when no season is running (a rollover mid-flip). */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record SeasonXp(Integer id, long xp) {}
}
