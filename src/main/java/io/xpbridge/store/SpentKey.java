package io.xpbridge.store;

import io.vertx.sqlclient.Row;
import io.xpbridge.domain.EventStatus;

/**
 * A key some event already spent, with what became of that event: COMPLETED once its ledger part
 * is applied (its effects may still be on their way), FAILED when the ledger refused it, PENDING
 * while it waits for the queue worker. Read from rows of {@code (id, status, applied, error)}.
 */
public record SpentKey(long eventId, EventStatus outcome, String error) {

  /** Columns of a spent-key row, after {@code idempotency_key}: the event's id, status, whether applied, error. */
  static final String COLUMNS_OF_EVENT = "id, status, applied_at IS NOT NULL, error_message";
  /** The same columns for a key spent by an audit row alone: its event was applied. */
  static final String COLUMNS_OF_AUDIT = "coalesce(event_id, 0), 'completed', true, NULL";

  static SpentKey read(Row row, int firstColumn) {
    boolean applied = Boolean.TRUE.equals(row.getBoolean(firstColumn + 2));
    EventStatus status = EventStatus.fromWire(row.getString(firstColumn + 1));
    EventStatus outcome = applied ? EventStatus.COMPLETED
        : status == EventStatus.FAILED ? EventStatus.FAILED : EventStatus.PENDING;
    return new SpentKey(row.getLong(firstColumn), outcome,
        outcome == EventStatus.FAILED ? row.getString(firstColumn + 3) : null);
  }

  /** Two rows for one key (its event and its audit row): the one naming the event wins. */
  static SpentKey preferEvent(SpentKey a, SpentKey b) {
    return a.eventId >= b.eventId ? a : b;
  }

  public SubmitResult duplicateResult() {
    return new SubmitResult(eventId, true, outcome, error);
  }
}
