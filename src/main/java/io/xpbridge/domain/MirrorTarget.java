package io.xpbridge.domain;

/**
 * The platforms a change is mirrored to ({@code sync_events.processed_by}, and the {@code targets} of
 * an effect). Ping-pong protection: a change is mirrored to the platform it did not come from.
 */
public enum MirrorTarget {
  TELEGRAM, DISCORD, BOTH, NONE;

  /** Computed once: it is written for every event on the hot path. */
  private final String wireName = WireNames.of(this);

  public String wireName() {
    return wireName;
  }

  public static MirrorTarget fromWire(String name) {
    MirrorTarget target = WireNames.find(MirrorTarget.class, name);
    if (target == null) {
      throw new IllegalArgumentException("unknown mirror target '" + name + "'");
    }
    return target;
  }

  public boolean includes(MirrorTarget platform) {
    return this == BOTH ? platform != NONE : this == platform;
  }

  public static MirrorTarget of(boolean telegram, boolean discord) {
    return telegram && discord ? BOTH : telegram ? TELEGRAM : discord ? DISCORD : NONE;
  }
}
