package io.xpbridge.domain;

import java.util.Locale;

/**
 * Where a sync event stands ({@code sync_events.status}). An event whose ledger part is applied has
 * {@code applied_at} set; while its platform effects are still being delivered it stays
 * {@code PENDING} (or {@code PROCESSING} under a delivery claim), then ends {@code COMPLETED} or
 * {@code FAILED}. An event the ledger refused is {@code FAILED} with {@code applied_at} null.
 */
public enum EventStatus {
  PENDING, PROCESSING, COMPLETED, FAILED;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static EventStatus fromWire(String name) {
    for (EventStatus status : values()) {
      if (status.wireName().equals(name)) {
        return status;
      }
    }
    throw new IllegalArgumentException("unknown event status '" + name + "'");
  }
}
