package io.xpbridge.config;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads dotted paths such as {@code sync.batchSize} with range checks. A bad value does not stop
 * the reading: its problem is written down with the field's full name and the default stands in,
 * so one pass over a config names every problem, not only the first.
 */
final class ConfigReader {
  private final JsonObject node;
  /** Full name of {@link #node} plus a dot ({@code ranks[2].}), empty at the root. */
  private final String prefix;
  private final List<String> problems;
  /** Full names of every path read, for {@link UnknownKeys}. */
  private final Set<String> read;

  private ConfigReader(JsonObject node, String prefix, List<String> problems, Set<String> read) {
    this.node = node;
    this.prefix = prefix;
    this.problems = problems;
    this.read = read;
  }

  static ConfigReader of(JsonObject root) {
    return new ConfigReader(root == null ? new JsonObject() : root, "", new ArrayList<>(), new HashSet<>());
  }

  /** Reads inside {@code child} (an element of a list), naming its fields {@code name.field}. */
  ConfigReader within(JsonObject child, String name) {
    return new ConfigReader(child, prefix + name + ".", problems, read);
  }

  /** Every path read so far, by full name. */
  Set<String> readPaths() {
    return read;
  }

  List<String> problems() {
    return List.copyOf(problems);
  }

  int problemCount() {
    return problems.size();
  }

  void reject(String problem) {
    problems.add(problem);
  }

  String name(String path) {
    return prefix + path;
  }

  Object value(String path) {
    read.add(prefix + path);
    Object value = node;
    for (String part : path.split("\\.")) {
      if (!(value instanceof JsonObject object)) {
        return null;
      }
      value = object.getValue(part);
    }
    return value;
  }

  /** A section that, when present, must be an object (its keys are read with their dotted paths). */
  void requireObject(String path) {
    Object value = value(path);
    if (value != null && !(value instanceof JsonObject)) {
      reject(name(path) + " must be an object, got " + value);
    }
  }

  JsonArray array(String path) {
    Object value = value(path);
    if (value == null) {
      return new JsonArray();
    }
    if (!(value instanceof JsonArray array)) {
      reject(name(path) + " must be an array, got " + value);
      return new JsonArray();
    }
    return array;
  }

  long longIn(String path, long defaultValue, long min, long max) {
    Long number = number(path, min, max);
    return number == null ? defaultValue : number;
  }

  int intIn(String path, int defaultValue, int min, int max) {
    return (int) longIn(path, defaultValue, min, max);
  }

  /** A number with no upper bound. */
  long atLeast(String path, long defaultValue, long min) {
    return longIn(path, defaultValue, min, Long.MAX_VALUE);
  }

  /** Null (with the problem written down) when the value is missing or bad. */
  Long required(String path, long min, long max) {
    if (value(path) == null) {
      reject(name(path) + " is required");
      return null;
    }
    return number(path, min, max);
  }

  /** Null when unset or bad; a bad value is written down. */
  private Long number(String path, long min, long max) {
    Object value = value(path);
    if (value == null) {
      return null;
    }
    long number;
    if (value instanceof Number n && !(value instanceof Double) && !(value instanceof Float)) {
      number = n.longValue();
    } else if (value instanceof String s && s.matches("-?\\d{1,18}")) {
      number = Long.parseLong(s);
    } else {
      reject(name(path) + " must be a whole number, got " + value);
      return null;
    }
    if (number < min || number > max) {
      reject(name(path) + (max == Long.MAX_VALUE ? " must be at least " + min
          : " must be between " + min + " and " + max) + ", got " + number);
      return null;
    }
    return number;
  }

  /** A decimal such as a multiplier ({@code 1.5}, {@code 2}); finite, between the bounds. */
  double decimalIn(String path, double defaultValue, double min, double max) {
    Double number = decimal(value(path), name(path), min, max);
    return number == null ? defaultValue : number;
  }

  /** As {@link #decimalIn} for a value found elsewhere (a map's entry); null when missing or bad. */
  Double decimal(Object value, String fullName, double min, double max) {
    if (value == null) {
      return null;
    }
    if (!(value instanceof Number n) || !Double.isFinite(n.doubleValue())) {
      reject(fullName + " must be a number, got " + value);
      return null;
    }
    double number = n.doubleValue();
    if (number < min || number > max) {
      reject(fullName + " must be between " + min + " and " + max + ", got " + value);
      return null;
    }
    return number;
  }

  /** An object of {@code "<id>": value}, e.g. multipliers by channel; empty when unset. */
  JsonObject object(String path) {
    Object value = value(path);
    if (value == null) {
      return new JsonObject();
    }
    if (!(value instanceof JsonObject object)) {
      reject(name(path) + " must be an object, got " + value);
      return new JsonObject();
    }
    return object;
  }

  /** true or false; the default when unset. */
  boolean bool(String path, boolean defaultValue) {
    Object value = value(path);
    if (value == null) {
      return defaultValue;
    }
    if (!(value instanceof Boolean b)) {
      reject(name(path) + " must be true or false, got " + value);
      return defaultValue;
    }
    return b;
  }

  /** Blank counts as unset. */
  String string(String path, String defaultValue) {
    Object value = value(path);
    if (value == null) {
      return defaultValue;
    }
    if (!(value instanceof String s)) {
      reject(name(path) + " must be a string, got " + value);
      return defaultValue;
    }
    return s.isBlank() ? defaultValue : s;
  }

  /** Discord ids: numbers or strings of digits (Discord tools hand them out as strings); null when unset. */
  Long snowflake(String path) {
    return snowflake(value(path), name(path));
  }

  Long snowflake(Object value, String fullName) {
    if (value == null) {
      return null;
    }
    if (value instanceof Number n && !(value instanceof Double) && !(value instanceof Float)) {
      return n.longValue();
    }
    if (value instanceof String s && s.isBlank()) {
      return null;
    }
    if (value instanceof String s && s.trim().matches("\\d{1,20}")) {
      BigInteger id = new BigInteger(s.trim());
      if (id.bitLength() <= 64) {
        return id.longValue();
      }
    }
    reject(fullName + " must be a Discord id (digits), got " + value);
    return null;
  }
}
