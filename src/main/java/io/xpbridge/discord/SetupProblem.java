package io.xpbridge.discord;

import io.xpbridge.bus.Platforms;

/**
 * One thing in the Discord server that keeps the bot from doing its job, with the fix in English and
 * Russian (admins of our communities read either). {@code id} is the role or channel it is about, null
 * for a server-wide cause (the bot lacks Manage Roles), so one alert covers every role then.
 */
record SetupProblem(Cause cause, Long id, String name, String fixEn, String fixRu) {

  SetupProblem(Cause cause, Long id, String name, Texts.Phrase fix) {
    this(cause, id, name, fix.en(), fix.ru());
  }

  enum Cause {
    ROLE_MISSING("role_missing"),
    ROLE_ABOVE_BOT("role_above_bot"),
    NO_MANAGE_ROLES("no_manage_roles"),
    CHANNEL_MISSING("channel_missing"),
    CHANNEL_NOT_WRITABLE("channel_not_writable");

    final String wireName;

    Cause(String wireName) {
      this.wireName = wireName;
    }
  }

  /** What alerts are deduplicated by: the same cause for the same role or channel. */
  String key() {
    return cause.wireName + ":" + (id == null ? "server" : Long.toUnsignedString(id));
  }

  Platforms.SetupProblem toBus() {
    return new Platforms.SetupProblem(cause.wireName, id, name, fixEn);
  }
}
