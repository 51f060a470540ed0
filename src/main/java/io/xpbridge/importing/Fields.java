package io.xpbridge.importing;

import com.fasterxml.jackson.databind.JsonNode;

/** Reading ids and amounts from imported files, alike for every format. */
final class Fields {
  private Fields() {}

  /** A value that is not what a field must hold; its message names the field. */
  static final class Bad extends Exception {
    Bad(String message) {
      super(message, null, false, false);
    }
  }

  /**
   * A Discord or Telegram id: digits (Discord ids are written as strings because they exceed 2^53;
   * a whole JSON number is taken too), positive, within a long.
   */
  static long id(String field, String text) throws Bad {
    if (text == null || text.isBlank()) {
      throw new Bad("'" + field + "' is missing");
    }
    String digits = text.trim();
    if (!digits.matches("[0-9]{1,19}")) {
      throw new Bad("'" + field + "' must be a positive whole number, got '" + shorten(digits) + "'");
    }
    try {
      long id = Long.parseLong(digits);
      if (id <= 0) {
        throw new Bad("'" + field + "' must be positive, got " + digits);
      }
      return id;
    } catch (NumberFormatException e) {
      throw new Bad("'" + field + "' is too large: " + digits);
    }
  }

  static long id(String field, JsonNode node) throws Bad {
    if (node == null || node.isNull() || node.isMissingNode()) {
      throw new Bad("'" + field + "' is missing");
    }
    if (node.isIntegralNumber()) {
      return id(field, node.asText());
    }
    if (!node.isTextual()) {
      throw new Bad("'" + field + "' must be a string of digits");
    }
    return id(field, node.textValue());
  }

  /** XP or a balance: a whole number of at least 0. */
  static long amount(String field, String text) throws Bad {
    if (text == null || text.isBlank()) {
      throw new Bad("'" + field + "' is missing");
    }
    try {
      long value = Long.parseLong(text.trim());
      if (value < 0) {
        throw new Bad("'" + field + "' must not be negative, got " + value);
      }
      return value;
    } catch (NumberFormatException e) {
      throw new Bad("'" + field + "' must be a whole number, got '" + shorten(text.trim()) + "'");
    }
  }

  static long amount(String field, JsonNode node) throws Bad {
    if (node == null || node.isNull() || node.isMissingNode()) {
      throw new Bad("'" + field + "' is missing");
    }
    if (node.isIntegralNumber() && node.canConvertToLong()) {
      return amount(field, node.asText());
    }
    if (node.isFloatingPointNumber() && node.asDouble() == Math.rint(node.asDouble())) {
      return amount(field, Long.toString((long) node.asDouble()));
    }
    throw new Bad("'" + field + "' must be a whole number, got " + shorten(node.toString()));
  }

  static Long optionalAmount(String field, JsonNode node) throws Bad {
    return node == null || node.isNull() || node.isMissingNode() ? null : amount(field, node);
  }

  static String text(JsonNode node) {
    return node == null || node.isNull() || !node.isValueNode() ? null : node.asText();
  }

  static String shorten(String text) {
    return text.length() <= 40 ? text : text.substring(0, 40) + "…";
  }
}
