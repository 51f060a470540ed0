package io.xpbridge.sync;

import io.xpbridge.domain.PlayerRef;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The player behind each reference (Telegram id, Discord id or player id) as recent batches found
 * it, bounded: the references resolved longest ago are forgotten first (a hot one is learned again
 * by its next batch). Only the batcher's choice of which events may be written
 * at the same time rests on it: a reference not seen yet, or one a /link has moved to another player
 * since, costs a lock wait in PostgreSQL, never a wrong write.
 */
final class RememberedPlayers {
  static final int CAPACITY = 100_000;

  private final Map<PlayerRef, Long> players = new LinkedHashMap<>(1024, 0.75f, false) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<PlayerRef, Long> eldest) {
      return size() > CAPACITY;
    }
  };

  /** The player id the reference names or is remembered for; null when none is known yet. */
  Long idOf(PlayerRef ref) {
    return ref.kind() == PlayerRef.Kind.PLAYER ? Long.valueOf(ref.id()) : players.get(ref);
  }

  void remember(Map<PlayerRef, Long> resolved) {
    players.putAll(resolved);
  }
}
