package io.xpbridge.store;

import io.vertx.sqlclient.Row;
import io.xpbridge.domain.EventStatus;
import io.xpbridge.domain.EventType;

/**
 * A key some event already spent: what became of that event (COMPLETED once its ledger part is
 * applied, its effects maybe still on their way; FAILED when the ledger refused it; PENDING while it
 * waits for the queue worker), and what it asked for, so a later submit of the key can be told
 * apart from a retry of the same request. Read from a query's columns, see {@link #COLUMNS_OF_EVENT}.
 */
public record SpentKey(long eventId, EventStatus outcome, String error, long playerId, String auditType, long xp,
    long balance) {

  /** Columns of a spent-key row, after {@code idempotency_key}, for a key spent by an event. */
  static final String COLUMNS_OF_EVENT =
      "id, status, applied_at IS NOT NULL, error_message, player_id, event_type, xp_delta, balance_delta";
  /** The same columns for a key spent by an audit row alone (its event cleaned up): it was applied. */
  static final String COLUMNS_OF_AUDIT =
      "coalesce(event_id, 0), 'completed', true, NULL, player_id, type, delta_xp, delta_balance";
  /** The same columns left empty, for rows that are not spent keys. */
  static final String NO_COLUMNS = "NULL, NULL, NULL, NULL, NULL, NULL, NULL";

  static SpentKey read(Row row, int first) {
    boolean applied = Boolean.TRUE.equals(row.getBoolean(first + 2));
    EventStatus status = EventStatus.fromWire(row.getString(first + 1));
    EventStatus outcome = applied ? EventStatus.COMPLETED
        : status == EventStatus.FAILED ? EventStatus.FAILED : EventStatus.PENDING;
    return new SpentKey(row.getLong(first), outcome, outcome == EventStatus.FAILED ? row.getString(first + 3) : null,
        row.getLong(first + 4), auditTypeOf(row.getString(first + 5)), row.getLong(first + 6), row.getLong(first + 7));
  }

  /** An event row names its event type, an audit row its audit type: compare both as audit types. */
  private static String auditTypeOf(String type) {
    for (EventType eventType : EventType.values()) {
      if (eventType.wireName().equals(type)) {
        return eventType.auditType();
      }
    }
    return type;
  }

  /** Two rows for one key (its event and its audit row): the one naming the event wins. */
  static SpentKey preferEvent(SpentKey a, SpentKey b) {
    return a.eventId >= b.eventId ? a : b;
  }

  /**
   * The answer to a submit of this key asking for {@code type} and the amounts for {@code playerId}:
   * the first event's outcome when it is the same request (a retry), a key reused otherwise.
   */
  public SubmitResult answer(long playerId, EventType type, long xp, long balance) {
    boolean same = this.playerId == playerId && java.util.Objects.equals(auditType, type.auditType())
        && this.xp == xp && this.balance == balance;
    return same ? new SubmitResult(eventId, true, outcome, error) : SubmitResult.keyReused(eventId);
  }
}
