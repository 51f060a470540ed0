package io.xpbridge.domain;

import java.util.List;

/**
 * What one imported row asks for: the XP (and, when the file has it, the balance) the player should
 * end with under {@code mode}. The change is computed from the locked ledger row when the event is
 * applied, not when the file is read, so an import and a concurrent activity or admin adjustment of
 * the same player are each applied exactly once and the result is the same in any order that the
 * locks allow. {@code achievements}: codes the player should hold (an xpbridge export), unlocked if
 * the config defines them.
 */
public record ImportTarget(Mode mode, long xp, Long balance, List<String> achievements) {

  public ImportTarget {
    if (xp < 0 || balance != null && balance < 0) {
      throw new IllegalArgumentException("imported XP and balance must not be negative");
    }
    achievements = achievements == null ? List.of() : List.copyOf(achievements);
  }

  /** How an imported figure meets the current one. */
  public enum Mode {
    /** Imported XP on top of what the player has here. */
    ADD,
    /** The higher of the two: importing never lowers anyone (the usual choice when moving bots). */
    MAX,
    /** Exactly the imported figure, up or down. */
    REPLACE;

    public String wireName() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Mode fromWire(String name) {
      for (Mode mode : values()) {
        if (mode.wireName().equals(name)) {
          return mode;
        }
      }
      throw new InvalidRequestException("unknown import mode '" + name + "' (expected add, max or replace)");
    }
  }

  public long xpDelta(long currentXp) {
    return delta(xp, currentXp);
  }

  /** 0 when the file has no balance for the row. */
  public long balanceDelta(long currentBalance) {
    return balance == null ? 0 : delta(balance, currentBalance);
  }

  private long delta(long imported, long current) {
    return switch (mode) {
      case ADD -> imported;
      case MAX -> Math.max(current, imported) - current;
      case REPLACE -> imported - current;
    };
  }
}
