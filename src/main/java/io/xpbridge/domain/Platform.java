package io.xpbridge.domain;

/** Where an event came from. {@code SYSTEM} marks events the engine derives itself (rank changes, reconcile). */
public enum Platform {
  TELEGRAM("telegram", "tg"),
  DISCORD("discord", "ds"),
  SYSTEM("system", "sys");

  private final String wireName;
  private final String keyPrefix;

  Platform(String wireName, String keyPrefix) {
    this.wireName = wireName;
    this.keyPrefix = keyPrefix;
  }

  public String wireName() {
    return wireName;
  }

  public String keyPrefix() {
    return keyPrefix;
  }

  /**
   * Ping-pong protection: a change is mirrored to the platform it did not come from. System events
   * are addressed to both.
   */
  public MirrorTarget mirrorTarget() {
    return switch (this) {
      case TELEGRAM -> MirrorTarget.DISCORD;
      case DISCORD -> MirrorTarget.TELEGRAM;
      case SYSTEM -> MirrorTarget.BOTH;
    };
  }

  /** A platform players are on (telegram or discord), or null for anything else, {@code system} included. */
  public static Platform playersOn(Object name) {
    return TELEGRAM.wireName.equals(name) ? TELEGRAM : DISCORD.wireName.equals(name) ? DISCORD : null;
  }

  public static Platform fromWire(String name) {
    for (Platform p : values()) {
      if (p.wireName.equals(name)) {
        return p;
      }
    }
    throw new IllegalArgumentException("unknown source '" + name + "' (expected telegram, discord or system)");
  }
}
