package io.xpbridge.domain;

/**
 * One achievement from config. {@code ruleType} decides when the engine unlocks it by itself:
 * xp_at_least, balance_at_least, rank_at_least, daily_streak_at_least (crossing the value), linked
 * (on account linking) or manual (only through an achievement_unlock event).
 */
public record AchievementDefinition(
    String code, String nameRu, String nameEn, Long discordRoleId, String ruleType, long ruleValue) {

  public static final java.util.Set<String> RULE_TYPES = java.util.Set.of(
      "xp_at_least", "balance_at_least", "rank_at_least", "daily_streak_at_least", "linked", "manual");

  public String name(String languageCode) {
    return Language.isRussian(languageCode) ? nameRu : nameEn;
  }

  /** True when the change from {@code before} to {@code after} crosses this achievement's threshold. */
  public boolean crossedBy(PlayerState before, PlayerState after, RankLadder ladder) {
    return switch (ruleType) {
      case "xp_at_least" -> before.xp() < ruleValue && after.xp() >= ruleValue;
      case "balance_at_least" -> before.balance() < ruleValue && after.balance() >= ruleValue;
      case "rank_at_least" -> ladder.rankFor(before.xp()).number() < ruleValue
          && ladder.rankFor(after.xp()).number() >= ruleValue;
      case "daily_streak_at_least" -> before.dailyStreak() < ruleValue && after.dailyStreak() >= ruleValue;
      default -> false;
    };
  }
}
