package io.xpbridge.discord;

import io.xpbridge.domain.IdempotencyKeys;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns voice presence into paid voice minutes. Plain Java, no threads: the verticle feeds it
 * snapshots and clock readings on its event loop.
 *
 * <p>A member earns for a "minute" (a unit of {@code unitMs}, 60 s in production) only if they
 * were eligible during all of it: connected outside the AFK channel, not muted or deafened (by
 * themself or the server), and not alone (another non-bot member in the same channel). Units
 * are aligned to the epoch, and the idempotency key names the Discord voice session and the
 * unit's index, so a restart, a replayed voice event or a second instance can never pay the
 * same real minute twice. The price: a partial minute at each state change is not paid.
 */
final class VoiceXpTracker {
  /** Caps one settlement after a long stall, e.g. a suspended VM, to a day of minutes. */
  private static final int MAX_UNITS_PER_SETTLEMENT = 1440;

  /** One paid unit. */
  record VoiceMinute(long userId, String username, String sessionId, long unitIndex, long channelId,
      List<Long> roleIds) {
    String idempotencyKey() {
      return IdempotencyKeys.voiceMinute(sessionId, unitIndex, userId);
    }
  }

  private static final class Accrual {
    final String sessionId;
    long eligibleSinceMs = -1;
    long lastPaidUnit = Long.MIN_VALUE;

    Accrual(String sessionId) {
      this.sessionId = sessionId;
    }
  }

  private final Map<Long, VoiceSnapshot> present = new HashMap<>();
  private final Map<Long, Accrual> accruals = new HashMap<>();
  private final List<VoiceMinute> due = new ArrayList<>();
  private long afkChannelId;
  private long unitMs;

  VoiceXpTracker(long unitMs) {
    this.unitMs = unitMs;
  }

  /** A member's voice state changed (joined, left, moved, muted...). */
  void update(VoiceSnapshot snapshot, long nowMs) {
    settle(nowMs);
    apply(snapshot);
    reevaluate(nowMs);
  }

  /**
   * Replaces the whole picture, e.g. from JDA's cache after a reconnect when no events were
   * fired for changes missed while disconnected.
   */
  void resync(Iterable<VoiceSnapshot> connected, long afkChannelId, long nowMs) {
    settle(nowMs);
    Set<Long> seen = new HashSet<>();
    for (VoiceSnapshot snapshot : connected) {
      if (snapshot.connected()) {
        seen.add(snapshot.userId());
        apply(snapshot);
      }
    }
    present.keySet().retainAll(seen);
    accruals.keySet().retainAll(seen);
    this.afkChannelId = afkChannelId;
    reevaluate(nowMs);
  }

  /** Live config change: a new unit length starts counting from now. */
  void setUnitMs(long newUnitMs, long nowMs) {
    if (newUnitMs == unitMs) {
      return;
    }
    settle(nowMs);
    unitMs = newUnitMs;
    for (Accrual accrual : accruals.values()) {
      accrual.lastPaidUnit = Long.MIN_VALUE;
      if (accrual.eligibleSinceMs >= 0) {
        accrual.eligibleSinceMs = nowMs;
      }
    }
  }

  /** Settles up to {@code nowMs} and hands over every unit earned since the last call. */
  List<VoiceMinute> drainDue(long nowMs) {
    settle(nowMs);
    List<VoiceMinute> result = List.copyOf(due);
    due.clear();
    return result;
  }

  boolean isEligible(long userId) {
    Accrual accrual = accruals.get(userId);
    return accrual != null && accrual.eligibleSinceMs >= 0;
  }

  int connectedCount() {
    return present.size();
  }

  private void apply(VoiceSnapshot snapshot) {
    if (!snapshot.connected()) {
      present.remove(snapshot.userId());
      accruals.remove(snapshot.userId());
      return;
    }
    present.put(snapshot.userId(), snapshot);
    if (snapshot.bot()) {
      return;
    }
    Accrual accrual = accruals.get(snapshot.userId());
    if (accrual == null || !accrual.sessionId.equals(snapshot.sessionId())) {
      accruals.put(snapshot.userId(), new Accrual(snapshot.sessionId()));
    }
  }

  private void reevaluate(long nowMs) {
    for (Map.Entry<Long, Accrual> entry : accruals.entrySet()) {
      Accrual accrual = entry.getValue();
      boolean eligible = eligible(present.get(entry.getKey()));
      if (eligible && accrual.eligibleSinceMs < 0) {
        accrual.eligibleSinceMs = nowMs;
      } else if (!eligible) {
        accrual.eligibleSinceMs = -1;
      }
    }
  }

  private boolean eligible(VoiceSnapshot member) {
    if (member == null || member.bot() || member.silenced() || member.channelId() == afkChannelId) {
      return false;
    }
    for (VoiceSnapshot other : present.values()) {
      if (other.userId() != member.userId() && !other.bot() && other.channelId() == member.channelId()) {
        return true;
      }
    }
    return false;
  }

  private void settle(long nowMs) {
    for (Map.Entry<Long, Accrual> entry : accruals.entrySet()) {
      Accrual accrual = entry.getValue();
      if (accrual.eligibleSinceMs < 0) {
        continue;
      }
      // Units lying entirely inside [eligibleSince, now).
      long first = Math.max(Math.floorDiv(accrual.eligibleSinceMs + unitMs - 1, unitMs),
          accrual.lastPaidUnit == Long.MIN_VALUE ? Long.MIN_VALUE : accrual.lastPaidUnit + 1);
      long endExclusive = Math.floorDiv(nowMs, unitMs);
      if (first >= endExclusive) {
        continue;
      }
      first = Math.max(first, endExclusive - MAX_UNITS_PER_SETTLEMENT);
      VoiceSnapshot member = present.get(entry.getKey());
      for (long unit = first; unit < endExclusive; unit++) {
        due.add(new VoiceMinute(entry.getKey(), member == null ? null : member.username(), accrual.sessionId, unit,
            member == null ? 0 : member.channelId(), member == null ? List.of() : member.roleIds()));
      }
      accrual.lastPaidUnit = endExclusive - 1;
    }
  }
}
