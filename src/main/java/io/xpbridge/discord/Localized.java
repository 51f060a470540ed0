package io.xpbridge.discord;

import io.vertx.core.json.JsonObject;

/** Rank and achievement names come either as plain strings or as {"ru": ..., "en": ...}. */
final class Localized {
  private Localized() {}

  static String pick(Object name, String locale) {
    if (name instanceof JsonObject names) {
      String language = locale == null ? "en" : locale.split("[-_]")[0];
      String value = names.getString(language);
      if (value == null) {
        value = names.getString("en");
      }
      if (value == null && !names.isEmpty()) {
        value = String.valueOf(names.iterator().next().getValue());
      }
      return value == null ? "" : value;
    }
    return name == null ? "" : name.toString();
  }
}
