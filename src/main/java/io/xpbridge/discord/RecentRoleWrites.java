package io.xpbridge.discord;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Role changes the bot made that JDA's member cache may not show yet: the cache is only updated
 * by the GUILD_MEMBER_UPDATE that Discord dispatches after the REST call. Without this, a second
 * rank effect arriving right after the first would not see the role the first one added, and the
 * member would keep two rank roles until the next reconcile.
 *
 * <p>Once the echo of a write arrives ({@link #confirmed}) the cache is the truth again: a
 * moderator's later hand edit must be believed at once, or a reconcile correction made right
 * after it would see the bot's stale write, change nothing and still report success.
 * Event-loop only.
 */
final class RecentRoleWrites {
  /** Long enough for the gateway echo to arrive, short enough that a hand edit is soon believed. */
  static final long TRUST_MS = 15_000;

  private record Write(boolean present, long atMs) {}

  private final Map<Long, Map<Long, Write>> byMember = new HashMap<>();
  /** Writes sent and not answered yet: their echo may arrive before the REST answer. */
  private final Map<Long, Map<Long, Boolean>> inFlight = new HashMap<>();

  /** The bot is about to change {@code roleId} on the member (before the REST call). */
  void writing(long memberId, long roleId, boolean present) {
    inFlight.computeIfAbsent(memberId, id -> new HashMap<>()).put(roleId, present);
  }

  /** The REST call of {@link #writing} answered (either way); a successful one is {@link #record}ed first. */
  void settled(long memberId, long roleId) {
    Map<Long, Boolean> writes = inFlight.get(memberId);
    if (writes != null) {
      writes.remove(roleId);
      if (writes.isEmpty()) {
        inFlight.remove(memberId);
      }
    }
  }

  void record(long memberId, long roleId, boolean present, long nowMs) {
    byMember.computeIfAbsent(memberId, id -> new HashMap<>()).put(roleId, new Write(present, nowMs));
  }

  /**
   * The gateway showed {@code roleId} on (or off) the member: a write saying the same is echoed, forget it.
   * Returns whether the change was the bot's own write (sent or recorded); anything else was made by
   * someone else, by hand.
   */
  boolean confirmed(long memberId, long roleId, boolean present) {
    Map<Long, Boolean> sending = inFlight.get(memberId);
    boolean own = sending != null && Boolean.valueOf(present).equals(sending.get(roleId));
    Map<Long, Write> writes = byMember.get(memberId);
    if (writes == null) {
      return own;
    }
    Write write = writes.get(roleId);
    if (write != null && write.present() == present) {
      writes.remove(roleId);
      own = true;
    }
    if (writes.isEmpty()) {
      byMember.remove(memberId);
    }
    return own;
  }

  /** The cached roles with the bot's recent, not yet echoed writes applied on top. */
  Set<Long> effectiveRoles(long memberId, Set<Long> cachedRoles, long nowMs) {
    Set<Long> roles = new HashSet<>(cachedRoles);
    Map<Long, Write> writes = byMember.get(memberId);
    if (writes == null) {
      return roles;
    }
    writes.entrySet().removeIf(entry -> nowMs - entry.getValue().atMs() > TRUST_MS
        || cachedRoles.contains(entry.getKey()) == entry.getValue().present());
    writes.forEach((roleId, write) -> {
      if (write.present()) {
        roles.add(roleId);
      } else {
        roles.remove(roleId);
      }
    });
    if (writes.isEmpty()) {
      byMember.remove(memberId);
    }
    return roles;
  }
}
