package io.xpbridge.bus;

import io.vertx.core.json.JsonObject;
import io.xpbridge.domain.InvalidRequestException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * {@code data.daily} of a daily-reward grant: {@code {day: "yyyy-MM-dd", streak: n}}. The ledger
 * reads it to refuse a second claim for one day, so a value it cannot read is refused on arrival.
 */
final class DailyData {
  static final int MAX_STREAK = 100_000;

  private DailyData() {}

  static void requireValid(JsonObject data) {
    Object daily = data.getValue("daily");
    if (daily == null) {
      return;
    }
    if (!(daily instanceof JsonObject object)) {
      throw new InvalidRequestException("'data.daily' must be an object {day, streak}");
    }
    Object day = object.getValue("day");
    try {
      if (!(day instanceof String text)) {
        throw new DateTimeParseException("not a string", String.valueOf(day), 0);
      }
      LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw new InvalidRequestException("'data.daily.day' must be a date (yyyy-MM-dd), got " + day);
    }
    Object streak = object.getValue("streak");
    if (streak != null && !(streak instanceof Integer n && n >= 1 && n <= MAX_STREAK)) {
      throw new InvalidRequestException("'data.daily.streak' must be a whole number from 1 to " + MAX_STREAK
          + ", got " + streak);
    }
  }
}
