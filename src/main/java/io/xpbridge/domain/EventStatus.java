package io.xpbridge.domain;

/**
 * Where a sync event stands ({@code sync_events.status}). An event whose ledger part is applied has
 * {@code applied_at} set; while its platform effects are still being delivered it stays
 * {@code PENDING} (or {@code PROCESSING} under a delivery claim), then ends {@code COMPLETED} or
 * {@code FAILED}. An event the ledger refused is {@code FAILED} with {@code applied_at} null.
 */
public enum EventStatus {
  PENDING, PROCESSING, COMPLETED, FAILED;

  /** Computed once: it is written for every event on the hot path. */
  private final String wireName = WireNames.of(this);

  public String wireName() {
    return wireName;
  }

  public static EventStatus fromWire(String name) {
    EventStatus status = WireNames.find(EventStatus.class, name);
    if (status == null) {
      throw new IllegalArgumentException("unknown event status '" + name + "'");
    }
    return status;
  }
}
