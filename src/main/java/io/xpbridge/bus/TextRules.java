package io.xpbridge.bus;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.xpbridge.domain.InvalidRequestException;

/**
 * What text and nested data an event may carry. PostgreSQL cannot store NUL in text or jsonb, and
 * a lone UTF-16 surrogate is not a character at all (two different ones reach the database as the
 * same replacement character, so two keys could collide): both are refused where they arrive,
 * before they can fail a batch that holds other people's events.
 */
public final class TextRules {
  /** How deep {@code data} may nest (objects and arrays); deeper input is refused, not recursed into. */
  public static final int MAX_DATA_DEPTH = 8;

  private TextRules() {}

  /** Refuses {@code text} that holds NUL or a lone surrogate, naming {@code field}. */
  public static void requireStorable(String field, String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == 0) {
        throw new InvalidRequestException("'" + field + "' contains a NUL character");
      }
      if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        throw new InvalidRequestException("'" + field + "' contains a lone UTF-16 surrogate (not a character)");
      }
    }
  }

  /** Checks every key and string of {@code data} and its depth, without recursing past the limit. */
  public static void requireStorableData(String field, Object data) {
    check(field, data, 1);
  }

  private static void check(String path, Object value, int depth) {
    if (value instanceof JsonObject || value instanceof JsonArray) {
      if (depth > MAX_DATA_DEPTH) {
        throw new InvalidRequestException("'" + path + "' nests deeper than " + MAX_DATA_DEPTH + " levels");
      }
    }
    if (value instanceof JsonObject object) {
      for (String key : object.fieldNames()) {
        requireStorable(path + " key", key);
        check(path + "." + key, object.getValue(key), depth + 1);
      }
    } else if (value instanceof JsonArray array) {
      for (int i = 0; i < array.size(); i++) {
        check(path + "[" + i + "]", array.getValue(i), depth + 1);
      }
    } else if (value instanceof String text) {
      requireStorable(path, text);
    }
  }
}
