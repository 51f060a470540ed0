package io.xpbridge.discord;

import java.util.Set;
import java.util.function.LongConsumer;
import java.util.function.Supplier;

/**
 * Decides which role changes the gateway reports were made by someone else: a rank or achievement
 * role (one the ledger decides) added or removed, not echoing the bot's own write. Those members get
 * a check at once instead of waiting for the next reconcile pass. Event-loop only.
 */
final class HandEdits {
  private final RecentRoleWrites ownWrites;
  private final Supplier<Set<Long>> managedRoles;
  private final LongConsumer check;

  HandEdits(RecentRoleWrites ownWrites, Supplier<Set<Long>> managedRoles, LongConsumer check) {
    this.ownWrites = ownWrites;
    this.managedRoles = managedRoles;
    this.check = check;
  }

  /** A GUILD_MEMBER_UPDATE showed {@code roleId} added to ({@code present}) or removed from the member. */
  void seen(long memberId, long roleId, boolean present) {
    boolean own = ownWrites.confirmed(memberId, roleId, present);
    if (!own && managedRoles.get().contains(roleId)) {
      check.accept(memberId);
    }
  }
}
