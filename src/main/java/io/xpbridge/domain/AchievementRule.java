package io.xpbridge.domain;

import java.util.Arrays;
import java.util.stream.Collectors;

/** When the engine unlocks an achievement by itself; {@code MANUAL} ones only through an achievement_unlock event. */
public enum AchievementRule {
  XP_AT_LEAST, BALANCE_AT_LEAST, RANK_AT_LEAST, DAILY_STREAK_AT_LEAST, LINKED, MANUAL;

  /** Computed once: it is written for every event on the hot path. */
  private final String wireName = WireNames.of(this);

  public String wireName() {
    return wireName;
  }

  public static String wireNames() {
    return Arrays.stream(values()).map(AchievementRule::wireName).collect(Collectors.joining(", "));
  }

  /** Null when {@code name} is not a rule type. */
  public static AchievementRule fromWire(String name) {
    return WireNames.find(AchievementRule.class, name);
  }
}
