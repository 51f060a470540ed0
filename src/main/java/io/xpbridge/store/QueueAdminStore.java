package io.xpbridge.store;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import io.xpbridge.bus.Admin;
import io.xpbridge.domain.EventStatus;

/** Queue statistics, requeue of failed events and the database health probe. */
public final class QueueAdminStore {
  static final String COUNTS = "SELECT event_type, status, count(*) FROM sync_events GROUP BY event_type, status";
  /**
   * The queue's depth for the metrics, without reading the completed rows: unfinished and failed rows
   * are counted through their partial indexes, the total is the live-row count PostgreSQL's statistics
   * keep (every commit's inserts and deletes, reported within a second), and completed is the rest.
   */
  static final String DEPTH = """
      WITH unfinished AS (
        SELECT count(*) FILTER (WHERE status = 'pending') AS pending,
               count(*) FILTER (WHERE status = 'processing') AS processing,
               coalesce(extract(epoch FROM now() - min(created_at)), 0)::double precision AS oldest
          FROM sync_events WHERE status IN ('pending', 'processing')),
      failed AS (SELECT count(*) AS failed FROM sync_events WHERE status = 'failed')
      SELECT u.pending, u.processing, f.failed,
             greatest(pg_stat_get_live_tuples('sync_events'::regclass) - u.pending - u.processing - f.failed, 0)
               AS completed,
             u.oldest
        FROM unfinished u, failed f""";
  static final String REQUEUE = """
      UPDATE sync_events
         SET status = 'pending', retries = 0, next_attempt_at = now(), error_message = NULL,
             processed_at = NULL, claimed_by = NULL
       WHERE id = $1 AND status = 'failed'
      RETURNING id""";
  static final String STATUS_OF = "SELECT status FROM sync_events WHERE id = $1";

  private final Pool pool;

  public QueueAdminStore(Pool pool) {
    this.pool = pool;
  }

  /** {pending, processing, completed, failed, total, byType: {type: {status: n}}, oldestPendingAgeSeconds}. */
  public Future<JsonObject> stats() {
    return pool.query(COUNTS).execute().compose(rows -> {
      JsonObject stats = new JsonObject();
      for (EventStatus status : EventStatus.values()) {
        stats.put(status.wireName(), 0L);
      }
      JsonObject byType = new JsonObject();
      long total = 0;
      for (Row row : rows) {
        String type = row.getString(0);
        String status = row.getString(1);
        long count = row.getLong(2);
        total += count;
        stats.put(status, stats.getLong(status, 0L) + count);
        JsonObject typeCounts = byType.getJsonObject(type);
        if (typeCounts == null) {
          typeCounts = new JsonObject();
          byType.put(type, typeCounts);
        }
        typeCounts.put(status, count);
      }
      stats.put("total", total).put("byType", byType);
      return depth().map(depth -> stats.put("oldestPendingAgeSeconds", depth.oldestPendingAgeSeconds()));
    });
  }

  /** Events by status and the oldest unfinished one's age; completed is an estimate (see {@link #DEPTH}). */
  public Future<Admin.QueueDepth> depth() {
    return pool.query(DEPTH).execute().map(rows -> {
      Row row = rows.iterator().next();
      return new Admin.QueueDepth(row.getLong("pending"), row.getLong("processing"), row.getLong("completed"),
          row.getLong("failed"), row.getDouble("oldest"));
    });
  }

  /** Empty when the event does not exist; otherwise whether it was put back (only failed events are). */
  public Future<RequeueResult> requeue(long eventId) {
    return pool.preparedQuery(REQUEUE).execute(Tuple.of(eventId)).compose(rows -> {
      if (rows.size() > 0) {
        return Future.succeededFuture(new RequeueResult(true, true, EventStatus.PENDING));
      }
      return pool.preparedQuery(STATUS_OF).execute(Tuple.of(eventId)).map(status -> status.size() == 0
          ? new RequeueResult(false, false, null)
          : new RequeueResult(true, false, EventStatus.fromWire(status.iterator().next().getString(0))));
    });
  }

  public record RequeueResult(boolean exists, boolean requeued, EventStatus status) {}

  public Future<Void> ping() {
    return pool.query("SELECT 1").execute().mapEmpty();
  }
}
