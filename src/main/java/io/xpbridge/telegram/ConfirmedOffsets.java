package io.xpbridge.telegram;

import io.vertx.core.Future;

/**
 * Where the poller keeps its confirmed offset beyond Telegram itself: in the database, so the node
 * that takes the poller over after this one continues from there (see {@code store.TelegramOffsetStore}).
 */
interface ConfirmedOffsets {
  /** Kept with Telegram only: a bot deployed without the service's database (a test of the bot alone). */
  ConfirmedOffsets NONE = new ConfirmedOffsets() {
    @Override
    public Future<Long> load() {
      return Future.succeededFuture(0L);
    }

    @Override
    public Future<Void> save(long offset) {
      return Future.succeededFuture();
    }

    @Override
    public boolean kept() {
      return false;
    }
  };

  /** Kept in the database by {@code store}, under the bot's id. */
  static ConfirmedOffsets inDatabase(io.xpbridge.store.TelegramOffsetStore store, long botId) {
    return new ConfirmedOffsets() {
      @Override
      public Future<Long> load() {
        return store.load(botId);
      }

      @Override
      public Future<Void> save(long offset) {
        return store.save(botId, offset);
      }

      @Override
      public boolean kept() {
        return true;
      }
    };
  }

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
