package io.xpbridge.telegram;

import io.vertx.core.Future;

/**
 * Where the poller keeps its confirmed offset beyond Telegram itself: in the database, so the node
 * that takes the poller over after this one continues from there (see {@code store.TelegramOffsetStore}).
 */
interface ConfirmedOffsets {
  /** The offset to start from; 0 when none was kept. */
  Future<Long> load();

  /** Every update below {@code offset} is handled. */
  Future<Void> save(long offset);

  /**
   * Whether the offset is kept beyond Telegram: then stopping does not confirm it to Telegram with a
   * last getUpdates (the next poller sends it anyway), which would cut this poller's own pending long
   * poll with a 409 Conflict just as two pollers would.
   */
  boolean kept();
}
