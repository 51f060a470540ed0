package io.xpbridge.domain;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.IsoFields;

/**
 * How often seasons roll over by themselves ({@code seasons.autoRollover}), in the community's time
 * zone ({@code daily.timezone}): never, at the start of each ISO week (Monday 00:00) or of each month.
 */
public enum SeasonPeriod {
  NONE, WEEKLY, MONTHLY;

  private final String wireName = WireNames.of(this);

  public String wireName() {
    return wireName;
  }

  /** Null when {@code name} is not a period. */
  public static SeasonPeriod fromWire(String name) {
    return WireNames.find(SeasonPeriod.class, name);
  }

  /**
   * The period {@code at} falls in, e.g. {@code weekly:2026-W49} or {@code monthly:2026-12}; a season
   * started for a period is stored with this key, which is unique, so a period gets one season.
   * Null for {@link #NONE}.
   */
  public String periodKey(Instant at, ZoneId zone) {
    ZonedDateTime local = at.atZone(zone);
    return switch (this) {
      case NONE -> null;
      case WEEKLY -> "weekly:%d-W%02d".formatted(local.get(IsoFields.WEEK_BASED_YEAR),
          local.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
      case MONTHLY -> "monthly:%d-%02d".formatted(local.getYear(), local.getMonthValue());
    };
  }

  /** The name of a season started automatically for the period of {@code at}: "2026-W49", "2026-12". */
  public String seasonName(Instant at, ZoneId zone) {
    String key = periodKey(at, zone);
    return key == null ? null : key.substring(key.indexOf(':') + 1);
  }
}
