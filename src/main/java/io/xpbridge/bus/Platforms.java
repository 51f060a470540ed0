package io.xpbridge.bus;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * Messages between the engine and the bot verticles: the effects the engine asks a bot to carry
 * out ({@link Bus#EFFECTS_DISCORD}, {@link Bus#EFFECTS_TELEGRAM}), what the Discord bot reports of
 * its members ({@link Bus#DISCORD_MEMBER_ROLES}), and what the bots publish about themselves.
 */
public final class Platforms {
  private Platforms() {}

  /**
   * {@link Bus#EFFECTS_DISCORD}: kind {@code rank_role} (give {@code rank.roleId}, take the other
   * {@code rankRoleIds}) or {@code achievement_role} (give {@code achievement.roleId}), or
   * {@code member_announcement} (post {@code announcement} about {@code discordId} in the announce channel).
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record DiscordEffect(long eventId, EffectKind kind, Long playerId, Long discordId, RankRole rank,
      List<Long> rankRoleIds, AchievementRole achievement, SeasonResult season, MemberNews announcement) {

    public DiscordEffect(long eventId, EffectKind kind, Long playerId, Long discordId, RankRole rank,
        List<Long> rankRoleIds, AchievementRole achievement, SeasonResult season) {
      this(eventId, kind, playerId, discordId, rank, rankRoleIds, achievement, season, null);
    }

    public DiscordEffect {
      rankRoleIds = rankRoleIds == null ? List.of() : rankRoleIds.stream().filter(id -> id != null).toList();
    }

    public DiscordEffect(long eventId, EffectKind kind, Long playerId, Long discordId, RankRole rank,
        List<Long> rankRoleIds, AchievementRole achievement) {
      this(eventId, kind, playerId, discordId, rank, rankRoleIds, achievement, null);
    }
  }

  /** An ended season and its rewarded players, best first (a Telegram player hears of their own place only). */
  public record SeasonResult(int seasonId, String name, List<SeasonWinner> winners) {
    public SeasonResult {
      winners = winners == null ? List.of() : List.copyOf(winners);
    }
  }

  /**
   * A rewarded player of an ended season: place, season XP, the coins and achievement (name in the
   * message's language) the reward gave; {@code discordId} when the player has a Discord account.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record SeasonWinner(long place, long playerId, Long discordId, String name, long xp, long coins,
      Players.AchievementView achievement) {}

  /**
   * What a member made: a rank reached ({@code rank} set) or an achievement unlocked
   * ({@code achievementCode} set), named in both languages; the bot posts in discord.announceLocale.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record MemberNews(Integer rank, String achievementCode, String nameRu, String nameEn) {}

  /**
   * {@link Bus#DISCORD_ANNOUNCE_PROBLEM}: why member announcements cannot be posted (the channel and
   * what to fix), or null once they can again.
   */
  public record AnnounceProblem(String problem) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record RankRole(int number, String name, Long roleId) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record AchievementRole(String code, String name, Long roleId) {}

  /**
   * {@link Bus#EFFECTS_TELEGRAM}: kind {@code rank_up} or {@code achievement}; names already in
   * {@code languageCode}. Sent to {@code chatId}, else to {@code telegramId}'s private chat.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record TelegramEffect(long eventId, EffectKind kind, Long playerId, Long telegramId, Long chatId,
      String languageCode, Players.RankView rank, Players.RankView previousRank, Long xp,
      Players.AchievementView achievement, SeasonResult season) {

    public TelegramEffect(long eventId, EffectKind kind, Long playerId, Long telegramId, Long chatId,
        String languageCode, Players.RankView rank, Players.RankView previousRank, Long xp,
        Players.AchievementView achievement) {
      this(eventId, kind, playerId, telegramId, chatId, languageCode, rank, previousRank, xp, achievement, null);
    }
  }

  /** A bot's answer to an effect: carried out. */
  public record Ack(boolean ok) {
    public static final Ack OK = new Ack(true);
  }

  /** {@link Bus#DISCORD_MEMBER_ROLES}: which roles do these members have now? */
  public record MemberRolesQuery(List<Long> discordIds) {
    public MemberRolesQuery {
      discordIds = discordIds == null ? List.of() : discordIds.stream().filter(id -> id != null).toList();
    }
  }

  /** Role ids by discordId (as a string key), and the ids that are not members. */
  public record MemberRoles(Map<String, List<Long>> members, List<Long> missing) {}

  /** {@link Bus#PLATFORM_READY}: platform "telegram" or "discord". */
  public record Ready(String platform) {}

  /** {@link Bus#PLATFORM_DISCONNECTED}: platform "telegram" or "discord", and what went wrong. */
  public record Disconnected(String platform, String error) {}

  /** {@link Bus#PLATFORM_PROBLEMS}: platform "discord", and every setup problem it sees now. */
  public record SetupProblems(String platform, List<SetupProblem> problems) {
    public SetupProblems {
      problems = problems == null ? List.of() : List.copyOf(problems);
    }
  }

  /**
   * One thing an admin must fix: {@code cause} (role_missing, role_above_bot, no_manage_roles,
   * channel_missing, channel_not_writable), the role or channel id and name it is about (null for a
   * guild-wide cause), and the fix in words.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record SetupProblem(String cause, Long id, String name, String fix) {}

  /** {@link Bus#METRICS_BOT_API_ERROR}: kind "429", "5xx", "network", ... */
  public record ApiError(String platform, String kind) {}
}
