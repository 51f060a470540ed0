package io.xpbridge.config;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Checks a whole configuration; a config is applied only when this finds nothing. */
public final class ConfigValidator {
  private ConfigValidator() {}

  public static List<String> problems(JsonObject root) {
    List<String> problems = new ArrayList<>();
    check(problems, r -> SyncSettings.from(r), root);
    check(problems, r -> ReconcileSettings.from(r), root);
    check(problems, r -> CleanupSettings.from(r), root);
    check(problems, r -> LinkSettings.from(r), root);
    check(problems, r -> DailySettings.from(r), root);
    check(problems, r -> GameRules.ladder(r), root);
    check(problems, r -> GameRules.achievements(r), root);
    check(problems, r -> HttpSettings.from(r), root);
    check(problems, r -> DbSettings.from(r), root);
    check(problems, r -> ConfigPath.string(r, "log.level", "INFO"), root);
    String level = safeLevel(root);
    if (level != null && !List.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR").contains(level.toUpperCase())) {
      problems.add("log.level must be one of TRACE, DEBUG, INFO, WARN, ERROR, got " + level);
    }
    return problems;
  }

  private static String safeLevel(JsonObject root) {
    try {
      return ConfigPath.string(root, "log.level", "INFO");
    } catch (ConfigException e) {
      return null;
    }
  }

  private static void check(List<String> problems, Consumer<JsonObject> reader, JsonObject root) {
    try {
      reader.accept(root);
    } catch (ConfigException e) {
      problems.add(e.getMessage());
    } catch (RuntimeException e) {
      problems.add("unreadable value: " + e.getMessage());
    }
  }
}
