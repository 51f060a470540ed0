package io.xpbridge.bus;

import java.util.List;

/** Messages about who is in the Discord guild and whose roles need a look (issue 14). */
public final class Members {
  private Members() {}

  /** {@link Bus#DISCORD_MEMBER_PRESENCE}: one member left the guild or (re)joined it. */
  public record Presence(long discordId, boolean present) {}

  /** {@link Bus#DISCORD_GUILD_ROSTER}: everyone in the guild now, sent after each (re)connect. */
  public record Roster(List<Long> discordIds) {
    public Roster {
      discordIds = discordIds == null ? List.of() : List.copyOf(discordIds);
    }
  }

  /**
   * Reply to a presence or roster, and the body of {@link Bus#DISCORD_MEMBERSHIP_CHANGED}: known
   * identities that just left and that just came back (unknown members change nothing).
   */
  public record Changed(List<Long> left, List<Long> returned) {
    public Changed {
      left = left == null ? List.of() : List.copyOf(left);
      returned = returned == null ? List.of() : List.copyOf(returned);
    }
  }

  /** {@link Bus#DISCORD_MEMBER_CHECK}: compare these members' roles with the ledger now. */
  public record Check(List<Long> discordIds) {
    public Check {
      discordIds = discordIds == null ? List.of() : List.copyOf(discordIds);
    }
  }

  /** Reply to a check: members looked at and corrections queued. */
  public record Checked(int members, int corrections) {}
}
