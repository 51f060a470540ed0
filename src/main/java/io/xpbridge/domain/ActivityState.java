package io.xpbridge.domain;

import java.util.Map;
import java.util.TreeMap;

/**
 * What a player earned from activity lately, kept on the player's ledger row ({@code
 * players.activity_state}) so the hourly budget and the cooldowns hold across both platforms,
 * restarts and several engines: activity XP paid per minute over the last hour, and when the last
 * paid message and game happened. Minute buckets make the window "the current minute and the 59
 * before it". Immutable; stored as text, e.g. {@code m=1733130000000;g=1733129990000;w=28885500:15,28885501:15}.
 */
public record ActivityState(Map<Long, Long> xpByMinute, long lastMessageAtMs, long lastGameAtMs) {
  public static final ActivityState EMPTY = new ActivityState(Map.of(), 0, 0);
  static final long WINDOW_MINUTES = 60;

  public ActivityState {
    xpByMinute = Map.copyOf(xpByMinute);
  }

  /** Activity XP paid in the hour up to and including the minute of {@code atMs}. */
  public long paidInLastHour(long atMs) {
    long minute = Math.floorDiv(atMs, 60_000);
    long sum = 0;
    for (Map.Entry<Long, Long> bucket : xpByMinute.entrySet()) {
      if (bucket.getKey() > minute - WINDOW_MINUTES && bucket.getKey() <= minute) {
        sum += bucket.getValue();
      }
    }
    return sum;
  }

  /** With {@code xp} paid at {@code atMs}; buckets older than the window are dropped. */
  public ActivityState paid(long atMs, long xp, Activity.Kind kind) {
    long minute = Math.floorDiv(atMs, 60_000);
    Map<Long, Long> buckets = new TreeMap<>();
    xpByMinute.forEach((m, v) -> {
      if (m > minute - WINDOW_MINUTES) {
        buckets.put(m, v);
      }
    });
    if (xp > 0) {
      buckets.merge(minute, xp, Long::sum);
    }
    return new ActivityState(buckets, kind == Activity.Kind.MESSAGE ? Math.max(lastMessageAtMs, atMs) : lastMessageAtMs,
        kind == Activity.Kind.GAME ? Math.max(lastGameAtMs, atMs) : lastGameAtMs);
  }

  /** Both players' activity, for a /link merge: one budget, the later cooldowns. */
  public ActivityState merge(ActivityState other) {
    Map<Long, Long> buckets = new TreeMap<>(xpByMinute);
    other.xpByMinute.forEach((m, v) -> buckets.merge(m, v, Long::sum));
    return new ActivityState(buckets, Math.max(lastMessageAtMs, other.lastMessageAtMs),
        Math.max(lastGameAtMs, other.lastGameAtMs));
  }

  public long lastAtMs(Activity.Kind kind) {
    return kind == Activity.Kind.MESSAGE ? lastMessageAtMs : kind == Activity.Kind.GAME ? lastGameAtMs : 0;
  }

  /** Null for nothing to keep, so players who never earned activity XP keep a null column. */
  public String format() {
    if (equals(EMPTY)) {
      return null;
    }
    StringBuilder text = new StringBuilder();
    text.append("m=").append(lastMessageAtMs).append(";g=").append(lastGameAtMs).append(";w=");
    new TreeMap<>(xpByMinute).forEach((m, v) -> text.append(m).append(':').append(v).append(','));
    if (text.charAt(text.length() - 1) == ',') {
      text.setLength(text.length() - 1);
    }
    return text.toString();
  }

  /** Reads {@link #format()}'s text; null or unreadable text is no activity (the state only limits earning). */
  public static ActivityState parse(String text) {
    if (text == null || text.isBlank()) {
      return EMPTY;
    }
    try {
      long message = 0;
      long game = 0;
      Map<Long, Long> buckets = new TreeMap<>();
      for (String part : text.split(";")) {
        if (part.startsWith("m=")) {
          message = Long.parseLong(part.substring(2));
        } else if (part.startsWith("g=")) {
          game = Long.parseLong(part.substring(2));
        } else if (part.startsWith("w=") && part.length() > 2) {
          for (String bucket : part.substring(2).split(",")) {
            int colon = bucket.indexOf(':');
            buckets.put(Long.parseLong(bucket.substring(0, colon)), Long.parseLong(bucket.substring(colon + 1)));
          }
        }
      }
      return new ActivityState(buckets, message, game);
    } catch (RuntimeException e) {
      return EMPTY;
    }
  }
}
