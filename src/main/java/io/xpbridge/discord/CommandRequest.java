package io.xpbridge.discord;

import java.util.Map;

/** A slash command invocation copied out of JDA. {@code locale} is the caller's Discord language, e.g. "ru". */
record CommandRequest(long interactionId, long discordId, String username, String locale, Map<String, String> options) {
  String option(String name) {
    String value = options.get(name);
    return value == null || value.isBlank() ? null : value.trim();
  }
}
