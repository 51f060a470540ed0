package io.xpbridge.config;

import java.time.DateTimeException;
import java.time.ZoneId;

/**
 * The {@code daily} section: the once-a-day reward and its streak bonus. The zone is the only one:
 * the Telegram bot dates a /daily with it and the account verticle counts streaks with it.
 */
public record DailySettings(ZoneId timezone, long xp, long coins, long streakBonusXpPerDay, int streakBonusMaxDays) {
  public static final String DEFAULT_TIMEZONE = "Europe/Moscow";

  static DailySettings read(ConfigReader in) {
    String zone = in.string("daily.timezone", DEFAULT_TIMEZONE);
    ZoneId zoneId = ZoneId.of(DEFAULT_TIMEZONE);
    try {
      zoneId = ZoneId.of(zone);
    } catch (DateTimeException e) {
      in.reject("daily.timezone must be a time zone id such as " + DEFAULT_TIMEZONE + ", got " + zone);
    }
    return new DailySettings(zoneId,
        in.longIn("daily.xp", 50, 0, 1_000_000),
        in.longIn("daily.coins", 100, 0, 1_000_000),
        in.longIn("daily.streakBonusXpPerDay", 10, 0, 1_000_000),
        in.intIn("daily.streakBonusMaxDays", 7, 0, 365));
  }

  /** XP for the {@code streak}-th consecutive day (1 = first day). */
  public long xpFor(int streak) {
    return xp + streakBonusXpPerDay * Math.min(Math.max(streak - 1, 0), streakBonusMaxDays);
  }
}
