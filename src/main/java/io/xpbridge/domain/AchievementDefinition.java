package io.xpbridge.domain;

/**
 * One achievement from config. Its {@code rule} decides when the engine unlocks it by itself:
 * crossing a threshold of XP, balance, rank or daily streak, linking the two accounts, or never
 * ({@link AchievementRule#MANUAL}: only through an achievement_unlock event).
 */
public record AchievementDefinition(
    String code, String nameRu, String nameEn, Long discordRoleId, AchievementRule rule, long ruleValue) {

  public String name(String languageCode) {
    return Language.isRussian(languageCode) ? nameRu : nameEn;
  }

  /**
   * True when {@code event}, changing the player from {@code before} to {@code after}, earns this
   * achievement: it crosses the threshold, or it links the accounts for a {@code LINKED} one.
   */
  public boolean earnedBy(ClaimedEvent event, PlayerState before, PlayerState after, RankLadder ladder) {
    return switch (rule) {
      case XP_AT_LEAST -> before.xp() < ruleValue && after.xp() >= ruleValue;
      case BALANCE_AT_LEAST -> before.balance() < ruleValue && after.balance() >= ruleValue;
      case RANK_AT_LEAST -> ladder.rankFor(before.xp()).number() < ruleValue
          && ladder.rankFor(after.xp()).number() >= ruleValue;
      case DAILY_STREAK_AT_LEAST -> before.dailyStreak() < ruleValue && after.dailyStreak() >= ruleValue;
      case LINKED -> event.type() == EventType.LINK;
      case MANUAL -> false;
    };
  }
}
