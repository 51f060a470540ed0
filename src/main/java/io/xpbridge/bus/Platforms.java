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
   * {@code rankRoleIds}) or {@code achievement_role} (give {@code achievement.roleId}).
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record DiscordEffect(long eventId, EffectKind kind, Long playerId, Long discordId, RankRole rank,
      List<Long> rankRoleIds, AchievementRole achievement) {

    public DiscordEffect {
      rankRoleIds = rankRoleIds == null ? List.of() : rankRoleIds.stream().filter(id -> id != null).toList();
    }
  }

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
      Players.AchievementView achievement) {}

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

  /** {@link Bus#METRICS_BOT_API_ERROR}: kind "429", "5xx", "network", ... */
  public record ApiError(String platform, String kind) {}
}
