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
 * after it would see the bot's stale write, change nothing and still report success. The same
 * bookkeeping tells a hand edit from an echo ({@link #confirmed} answers which), so only hand edits
 * trigger a member check ({@link HandEdits}).
 * Event-loop only.
 */
final class RecentRoleWrites {
  /** Long enough for the gateway echo to arrive, short enough that a hand edit is soon believed. */
  static final long TRUST_MS = 15_000;

  private record Write(boolean present, long atMs) {}

  private final Map<Long, Map<Long, Write>> byMember = new HashMap<>();

  /** A write sent and not answered yet: its echo may arrive (on this context) before the REST answer. */
  private static final class Sending {
    final boolean present;
    boolean echoed;

    Sending(boolean present) {
      this.present = present;
    }
  }

  private final Map<Long, Map<Long, Sending>> inFlight = new HashMap<>();

  /** The bot is about to change {@code roleId} on the member (before the REST call). */
  void writing(long memberId, long roleId, boolean present) {
    inFlight.computeIfAbsent(memberId, id -> new HashMap<>()).put(roleId, new Sending(present));
  }

  /**
   * The REST call of {@link #writing} answered (either way). Returns whether its echo was already seen
   * here; if not, a successful write must be {@link #record}ed, even when JDA's cache shows it already:
   * the echo that updated the cache may still be queued for this context, and must be known as the bot's.
   */
  boolean settled(long memberId, long roleId) {
    Map<Long, Sending> writes = inFlight.get(memberId);
    Sending sending = writes == null ? null : writes.remove(roleId);
    if (writes != null && writes.isEmpty()) {
      inFlight.remove(memberId);
    }
    return sending != null && sending.echoed;
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
    Map<Long, Sending> sending = inFlight.get(memberId);
    Sending write = sending == null ? null : sending.get(roleId);
    boolean own = false;
    if (write != null && write.present == present && !write.echoed) {
      write.echoed = true;
      own = true;
    }
    Map<Long, Write> writes = byMember.get(memberId);
    if (writes == null) {
      return own;
    }
    Write recorded = writes.get(roleId);
    if (recorded != null && recorded.present() == present) {
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
