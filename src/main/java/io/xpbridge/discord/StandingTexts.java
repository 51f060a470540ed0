package io.xpbridge.discord;

import io.xpbridge.bus.Players;

/**
 * What {@code /top} and the season line of {@code /profile} say, in one place so that they can be
 * translated together (issue 14). English for now.
 */
final class StandingTexts {
  static final String PERIOD_OPTION = "period";
  static final String PERIOD_DESCRIPTION = "Which standings: this season (default) or all time";
  static final String PERIOD_SEASON = "This season";
  static final String PERIOD_ALL = "All time";

  private StandingTexts() {}

  static String title(Players.Top top) {
    if (top.allTime()) {
      return "Leaderboard — all time";
    }
    return top.seasonName() == null ? "Leaderboard" : "Leaderboard — " + top.seasonName();
  }

  static String nobody(Players.Top top) {
    return top.allTime() || top.scope() == null ? "Nobody has earned XP yet." : "Nobody has earned XP this season yet.";
  }

  static String entry(Players.TopEntry entry) {
    StringBuilder line = new StringBuilder().append('#').append(entry.place()).append(' ')
        .append(entry.displayName() == null ? "player " + entry.playerId() : entry.displayName())
        .append(" — ").append(entry.xp()).append(" XP");
    if (entry.rank() != null && entry.rank().name() != null && !entry.rank().name().isEmpty()) {
      line.append(" (").append(entry.rank().name()).append(')');
    }
    return line.toString();
  }

  /** The caller's place, or that they have none, and where the other standings are; null when unknown. */
  static String footer(Players.Top top) {
    String place = top.caller() != null ? "Your place: #" + top.caller().place() + " with " + top.caller().xp() + " XP"
        : top.allTime() ? "You have no place yet: earn some XP"
        : top.scope() != null ? "You have no place this season yet: earn some XP" : null;
    if (top.scope() == null) {
      return place;
    }
    return place + (top.allTime() ? " · this season: /top" : " · all time: /top period:all");
  }

  static String seasonFieldName(Players.Profile profile) {
    return "Season: " + profile.seasonName();
  }

  static String seasonFieldValue(Players.Profile profile) {
    return profile.seasonPlace() == null ? "No XP yet this season"
        : profile.seasonXp() + " XP · place #" + profile.seasonPlace();
  }
}
