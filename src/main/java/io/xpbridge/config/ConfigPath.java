package io.xpbridge.config;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** Reads dotted paths such as {@code sync.batchSize} with range checks and messages that name the field. */
final class ConfigPath {
  private ConfigPath() {}

  static Object value(JsonObject root, String path) {
    Object node = root;
    for (String part : path.split("\\.")) {
      if (!(node instanceof JsonObject object)) {
        return null;
      }
      node = object.getValue(part);
    }
    return node;
  }

  static JsonObject object(JsonObject root, String path) {
    Object value = value(root, path);
    if (value == null) {
      return new JsonObject();
    }
    if (!(value instanceof JsonObject object)) {
      throw new ConfigException(path + " must be an object");
    }
    return object;
  }

  static JsonArray array(JsonObject root, String path) {
    Object value = value(root, path);
    if (value == null) {
      return new JsonArray();
    }
    if (!(value instanceof JsonArray array)) {
      throw new ConfigException(path + " must be an array");
    }
    return array;
  }

  static long longIn(JsonObject root, String path, long defaultValue, long min, long max) {
    Object value = value(root, path);
    if (value == null) {
      return defaultValue;
    }
    long number;
    if (value instanceof Number n && !(value instanceof Double) && !(value instanceof Float)) {
      number = n.longValue();
    } else if (value instanceof String s && s.matches("-?\\d{1,18}")) {
      number = Long.parseLong(s);
    } else {
      throw new ConfigException(path + " must be a whole number, got " + value);
    }
    if (number < min || number > max) {
      throw new ConfigException(path + " must be between " + min + " and " + max + ", got " + number);
    }
    return number;
  }

  static int intIn(JsonObject root, String path, int defaultValue, int min, int max) {
    return (int) longIn(root, path, defaultValue, min, max);
  }

  static String string(JsonObject root, String path, String defaultValue) {
    Object value = value(root, path);
    if (value == null) {
      return defaultValue;
    }
    if (!(value instanceof String s)) {
      throw new ConfigException(path + " must be a string, got " + value);
    }
    return s.isBlank() ? defaultValue : s;
  }

  /** Discord snowflakes: accepted as numbers or strings, null when unset. */
  static Long snowflake(Object value, String path) {
    if (value == null) {
      return null;
    }
    if (value instanceof Number n && !(value instanceof Double)) {
      return n.longValue();
    }
    if (value instanceof String s && s.matches("\\d{1,20}")) {
      return Long.parseUnsignedLong(s);
    }
    if (value instanceof String s && s.isBlank()) {
      return null;
    }
    throw new ConfigException(path + " must be a Discord id (digits), got " + value);
  }
}
