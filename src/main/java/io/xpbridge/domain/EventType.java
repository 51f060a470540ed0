package io.xpbridge.domain;

import java.util.Arrays;

/** Kinds of sync events, with the names used on the wire and in the database. */
public enum EventType {
  XP_CHANGE("xp_change", "xp"),
  BALANCE_CHANGE("balance_change", "balance"),
  RANK_CHANGE("rank_change", null),
  ACHIEVEMENT_UNLOCK("achievement_unlock", "achievement"),
  REWARD_GRANT("reward_grant", "reward"),
  /** Two accounts linked on /link: a transfer of XP and coins from the absorbed player, if any, to the survivor. */
  LINK("link", "merge"),
  /** A season ended and the next began (no ledger change: the key makes the rollover happen once). */
  SEASON_ROLLOVER("season_rollover", null),
  /** Effect only: tell the players and the announce channel how an ended season finished. */
  SEASON_NOTICE("season_notice", null),
  /** Effect only: post a member's rank-up or new achievement in discord.announceChannelId. */
  ANNOUNCEMENT("announcement", null),
  /**
   * One row of an imported file (MEE6, Polaris, CSV, an xpbridge export): its target XP and balance
   * ({@link ImportTarget}) become a change at apply time, from the locked row. Internal only: the
   * importer submits it, never a client.
   */
  IMPORT("import", "import");

  private final String wireName;
  private final String auditType;

  EventType(String wireName, String auditType) {
    this.wireName = wireName;
    this.auditType = auditType;
  }

  public String wireName() {
    return wireName;
  }

  /** The {@code transactions.type} written when this event changes the ledger. */
  public String auditType() {
    return auditType;
  }

  /** Whether outside callers may submit it; rank changes are only ever derived from XP. */
  public boolean submittable() {
    return this == XP_CHANGE || this == BALANCE_CHANGE || this == ACHIEVEMENT_UNLOCK || this == REWARD_GRANT;
  }

  /** Events whose work includes telling the platforms something. */
  public boolean carriesEffects() {
    return this == RANK_CHANGE || this == ACHIEVEMENT_UNLOCK || this == SEASON_NOTICE || this == ANNOUNCEMENT;
  }

  public static EventType fromWire(String name) {
    return Arrays.stream(values())
        .filter(t -> t.wireName.equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown event type '" + name + "'"));
  }
}
