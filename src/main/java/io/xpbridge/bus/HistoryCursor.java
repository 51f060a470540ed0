package io.xpbridge.bus;

import io.xpbridge.domain.InvalidRequestException;

/**
 * The {@code before} cursor of {@code GET /api/v1/players/{id}/history}: {@code <micros>:<kind>:<id>},
 * the row's time in microseconds since the epoch, {@code event} or {@code audit}, and its id. The
 * previous page's {@code next} is passed back as it is.
 */
public record HistoryCursor(long micros, String kind, long id) {
  public static final String FIELD = "before";

  /** Null for a missing cursor; 400 (an {@link InvalidRequestException}) for one that is not a cursor. */
  public static HistoryCursor parse(String text) {
    if (text == null || text.isEmpty()) {
      return null;
    }
    String[] parts = text.split(":", -1);
    if (parts.length != 3 || !("event".equals(parts[1]) || "audit".equals(parts[1]))) {
      throw bad();
    }
    try {
      long micros = Long.parseLong(parts[0]);
      long id = Long.parseLong(parts[2]);
      if (id <= 0) {
        throw bad();
      }
      return new HistoryCursor(micros, parts[1], id);
    } catch (NumberFormatException e) {
      throw bad();
    }
  }

  private static InvalidRequestException bad() {
    return new InvalidRequestException("'" + FIELD + "' must be the 'next' of the previous page (<micros>:<event|audit>:<id>)");
  }

  @Override
  public String toString() {
    return micros + ":" + kind + ":" + id;
  }
}
