package io.xpbridge.store;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;

/**
 * The Telegram poller's confirmed offset (every update below it is handled), per bot, so the next
 * node that takes the poller over starts there (table {@code telegram_offsets}, V13).
 */
public final class TelegramOffsetStore {
  /**
   * Telegram picks the next update id at random after a week without updates, possibly below the
   * last one: an offset kept longer than this is not trusted (polling starts from Telegram's own).
   */
  static final String TRUSTED_FOR = "interval '6 days'";
  static final String LOAD = "SELECT confirmed_offset FROM telegram_offsets WHERE bot_id = $1 "
      + "AND updated_at > now() - " + TRUSTED_FOR;
  /**
   * Never backwards while trusted: a late write of an owner that lost the poller must not undo its
   * successor's progress; an untrusted (old) offset is simply replaced.
   */
  static final String SAVE = "INSERT INTO telegram_offsets (bot_id, confirmed_offset) VALUES ($1, $2) "
      + "ON CONFLICT (bot_id) DO UPDATE SET confirmed_offset = CASE WHEN telegram_offsets.updated_at > now() - "
      + TRUSTED_FOR + " THEN GREATEST(telegram_offsets.confirmed_offset, EXCLUDED.confirmed_offset) "
      + "ELSE EXCLUDED.confirmed_offset END, updated_at = now()";

  private final Pool pool;

  public TelegramOffsetStore(Pool pool) {
    this.pool = pool;
  }

  /** The stored offset, or 0 (Telegram's "from the oldest unconfirmed") when none is stored. */
  public Future<Long> load(long botId) {
    return pool.preparedQuery(LOAD).execute(Tuple.of(botId)).map(rows -> {
      var it = rows.iterator();
      if (!it.hasNext()) {
        return 0L;
      }
      Row row = it.next();
      return row.getLong(0);
    });
  }

  public Future<Void> save(long botId, long offset) {
    return pool.preparedQuery(SAVE).execute(Tuple.of(botId, offset)).mapEmpty();
  }
}
