package io.xpbridge.config;

import io.vertx.core.json.JsonObject;
import java.time.DateTimeException;
import java.time.ZoneId;

/** The {@code daily} section: the once-a-day reward and its streak bonus. */
public record DailySettings(ZoneId timezone, long xp, long coins, long streakBonusXpPerDay, int streakBonusMaxDays) {
  public static DailySettings from(JsonObject root) {
    String zone = ConfigPath.string(root, "daily.timezone", "Europe/Moscow");
    ZoneId zoneId;
    try {
      zoneId = ZoneId.of(zone);
    } catch (DateTimeException e) {
      throw new ConfigException("daily.timezone is not a time zone id: " + zone);
    }
    return new DailySettings(zoneId,
        ConfigPath.longIn(root, "daily.xp", 50, 0, 1_000_000),
        ConfigPath.longIn(root, "daily.coins", 100, 0, 1_000_000),
        ConfigPath.longIn(root, "daily.streakBonusXpPerDay", 10, 0, 1_000_000),
        ConfigPath.intIn(root, "daily.streakBonusMaxDays", 7, 0, 365));
  }

  /** XP for the {@code streak}-th consecutive day (1 = first day). */
  public long xpFor(int streak) {
    return xp + streakBonusXpPerDay * Math.min(Math.max(streak - 1, 0), streakBonusMaxDays);
  }
}
