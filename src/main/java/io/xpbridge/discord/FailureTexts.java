package io.xpbridge.discord;

import io.xpbridge.bus.Refusal;

/**
 * What a player sees when a command could not be done: each {@link Refusal} in words, and the
 * answers for a service that is not answering or broke. English for now.
 */
final class FailureTexts {
  static final String NOT_ANSWERING =
      "xpbridge is not answering right now (the service may be restarting). Please try again in a minute.";
  static final String UNEXPECTED =
      "Something went wrong on our side while running this command. It has been logged; please try again later.";

  private FailureTexts() {}

  static String refusal(Refusal.Refused refused) {
    return switch (refused.refusal()) {
      case NO_PROFILE -> ProfileCommand.NO_PROFILE;
      case LINK_CODE_UNKNOWN -> "This code is unknown, already used or expired. Ask for a new one with /link.";
      case LINK_CODE_SAME_PLATFORM -> "This code was made here in Discord; enter it in the Telegram bot with /link CODE.";
      case LINK_ISSUER_ALREADY_LINKED -> "That Telegram account is already linked to another Discord account. "
          + "Unlink it there first with /unlink.";
      case LINK_CALLER_ALREADY_LINKED -> "Your Discord account is already linked to another profile. Use /unlink first.";
      case LINK_ALREADY_LINKED -> "These accounts are already linked.";
      case LINK_TOO_MANY_ATTEMPTS -> refused.detail() == null || !refused.detail().matches("\\d{1,6}")
          ? "Too many wrong codes. Please try again later."
          : "Too many wrong codes. Try again in " + refused.detail() + " min.";
      case DAILY_NOT_GRANTED -> "Today's daily reward could not be granted: the ledger did not accept it. "
          + "Please tell an admin.";
      case KEY_REUSED -> "That was already counted.";
    };
  }
}
