package io.xpbridge.account;

import io.vertx.core.Future;
import io.xpbridge.store.PlayerStore;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * The top of the leaderboard, read from the database at most once per {@link #MAX_AGE_MS}. There is
 * no index on players' XP (it made every applied event dearer; see migration V2), so a read is a
 * sequential scan of the players; this keeps a burst of /top commands from turning into a burst of
 * scans while no answer is older than a second. Readers that arrive while a read is under way share
 * it. Must be used from one context.
 */
final class Leaderboard {
  static final long MAX_AGE_MS = 1_000;

  private final PlayerStore players;
  private final int size;
  private final LongSupplier clockMs;
  private List<PlayerStore.TopEntry> snapshot;
  private long readStartedAtMs;
  private Future<List<PlayerStore.TopEntry>> reading;

  Leaderboard(PlayerStore players, int size, LongSupplier clockMs) {
    this.players = players;
    this.size = size;
    this.clockMs = clockMs;
  }

  /** The best {@code limit} players (at most {@code size}), best first. */
  Future<List<PlayerStore.TopEntry>> top(int limit) {
    return entries().map(all -> all.subList(0, Math.min(limit, all.size())));
  }

  private Future<List<PlayerStore.TopEntry>> entries() {
    long now = clockMs.getAsLong();
    if (snapshot != null && now - readStartedAtMs < MAX_AGE_MS) {
      return Future.succeededFuture(snapshot);
    }
    if (reading == null) {
      reading = players.top(size).onComplete(ar -> {
        reading = null;
        if (ar.succeeded()) {
          snapshot = ar.result();
          readStartedAtMs = now;
        }
      });
    }
    return reading;
  }
}
