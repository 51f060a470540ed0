package io.xpbridge.config;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Set;

/**
 * Keys of a config file that no setting reads: a typo such as {@code sync.batchSizee} would
 * otherwise be "accepted and applied" while the setting it meant keeps its default. A key is known
 * when the parse read it, or read something inside it.
 */
final class UnknownKeys {
  private UnknownKeys() {}

  static void reject(JsonObject root, ConfigReader in) {
    Set<String> read = in.readPaths();
    walk(root, "", read, in);
  }

  private static void walk(JsonObject object, String path, Set<String> read, ConfigReader in) {
    for (String key : object.fieldNames()) {
      String name = path.isEmpty() ? key : path + "." + key;
      Object value = object.getValue(key);
      if (readBelow(read, name)) {
        if (value instanceof JsonObject child) {
          walk(child, name, read, in);
        } else if (value instanceof JsonArray array) {
          walkArray(array, name, read, in);
        }
      } else if (!read.contains(name)) {
        in.reject("unknown key " + name + suggestion(name, read) + ": no setting has that name");
      }
    }
  }

  private static void walkArray(JsonArray array, String path, Set<String> read, ConfigReader in) {
    for (int i = 0; i < array.size(); i++) {
      String name = path + "[" + i + "]";
      if (array.getValue(i) instanceof JsonObject element && readBelow(read, name)) {
        walk(element, name, read, in);
      }
    }
  }

  private static boolean readBelow(Set<String> read, String name) {
    for (String path : read) {
      if (path.length() > name.length() && path.startsWith(name)
          && (path.charAt(name.length()) == '.' || path.charAt(name.length()) == '[')) {
        return true;
      }
    }
    return false;
  }

  /** " (did you mean sync.batchSize?)" for a near miss of a setting beside it. */
  private static String suggestion(String name, Set<String> read) {
    int dot = name.lastIndexOf('.');
    String parent = dot < 0 ? "" : name.substring(0, dot + 1);
    String last = name.substring(dot + 1);
    List<String> near = read.stream()
        .filter(path -> path.startsWith(parent) && path.indexOf('.', parent.length()) < 0)
        .filter(path -> distance(path.substring(parent.length()), last) <= 2)
        .sorted().toList();
    return near.isEmpty() ? "" : " (did you mean " + near.get(0) + "?)";
  }

  private static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (Character.toLowerCase(a.charAt(i - 1))
            == Character.toLowerCase(b.charAt(j - 1)) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
