package io.xpbridge.store;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import io.xpbridge.domain.EventStatus;

/**
 * Deletes finished events past their retention, and spent link codes and old wrong attempts. The
 * created_at bound is implied by processed_at (an event is processed after it is created) and lets
 * the BRIN index skip the recent part of the table.
 */
public final class CleanupStore {
  static final String DELETE_FINISHED = """
      DELETE FROM sync_events
       WHERE status = $1 AND processed_at < now() - make_interval(days => $2)
         AND created_at < now() - make_interval(days => $2)""";
  static final String DELETE_OLD_CODES = "DELETE FROM link_codes WHERE expires_at < now() - interval '1 day'";
  static final String DELETE_OLD_ATTEMPTS = "DELETE FROM link_attempts WHERE attempted_at < now() - interval '1 day'";

  private final Pool pool;

  public CleanupStore(Pool pool) {
    this.pool = pool;
  }

  public record Deleted(int completed, int failed, int linkCodes) {}

  public Future<Deleted> clean(int completedDays, int failedDays) {
    return pool.preparedQuery(DELETE_FINISHED).execute(Tuple.of(EventStatus.COMPLETED.wireName(), completedDays))
        .compose(completed -> pool.preparedQuery(DELETE_FINISHED).execute(Tuple.of(EventStatus.FAILED.wireName(), failedDays))
            .compose(failed -> pool.query(DELETE_OLD_CODES).execute()
                .compose(codes -> pool.query(DELETE_OLD_ATTEMPTS).execute()
                    .map(v -> new Deleted(completed.rowCount(), failed.rowCount(), codes.rowCount())))));
  }
}
