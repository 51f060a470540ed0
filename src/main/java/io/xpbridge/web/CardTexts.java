package io.xpbridge.web;

import io.xpbridge.bus.Web;

/** The words on a rank card, in Russian and English. */
final class CardTexts {
  private CardTexts() {}

  static boolean russian(String language) {
    return "ru".equals(language);
  }

  private static String t(String language, String ru, String en) {
    return russian(language) ? ru : en;
  }

  static String rank(String language, Web.RankProgress rank) {
    return t(language, "Звание ", "Rank ") + rank.number() + "/" + rank.count() + " · " + rank.name();
  }

  static String xp(String language, long xp, Long nextMinXp) {
    String have = grouped(xp);
    return nextMinXp == null ? have + t(language, " опыта", " XP") : have + " / " + grouped(nextMinXp)
        + t(language, " опыта", " XP");
  }

  static String toNext(String language, Web.RankProgress rank) {
    if (rank.nextMinXp() == null) {
      return t(language, "Высшее звание", "Top rank");
    }
    long left = Math.max(0, rank.nextMinXp() - rank.lifetimeXp());
    return t(language, "До звания «" + rank.nextName() + "»: " + grouped(left),
        grouped(left) + " XP to " + rank.nextName());
  }

  static String seasonPlace(String language, Web.Player player) {
    String season = player.seasonName() == null ? "" : player.seasonName();
    return t(language, "в сезоне " + season, "in " + season).trim();
  }

  static String lifetimePlace(String language) {
    return t(language, "за всё время", "all time");
  }

  static String noPlace(String language) {
    return t(language, "нет места", "no place yet");
  }

  /** Thousands apart with a thin space, readable in both languages. */
  static String grouped(long value) {
    return String.format(java.util.Locale.ROOT, "%,d", value).replace(',', '\u2009');
  }
}
