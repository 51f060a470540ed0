package io.xpbridge.discord;

import java.util.Map;

/** A slash command invocation copied out of JDA. {@code lang}: the caller's Discord language, as we answer it. */
record CommandRequest(long interactionId, long discordId, String username, Lang lang, Map<String, String> options) {
  String option(String name) {
    String value = options.get(name);
    return value == null || value.isBlank() ? null : value.trim();
  }
}
