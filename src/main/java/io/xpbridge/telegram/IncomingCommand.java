package io.xpbridge.telegram;

import io.xpbridge.bus.Players;

/**
 * A command from a player, with the Telegram ids that make idempotency keys.
 *
 * @param messageDate when Telegram received the message, epoch seconds (0 if unknown)
 * @param name command without slash and bot suffix, lower case ({@code "daily"})
 * @param args text after the command, trimmed, possibly empty
 */
record IncomingCommand(
    long updateId,
    long chatId,
    int messageId,
    long messageDate,
    long userId,
    String username,
    String languageCode,
    Lang lang,
    String name,
    String args) {

  /** Who sent it, where to answer and in which language: what the engine needs to notify them later. */
  Players.Register registration() {
    return Players.Register.telegram(userId, chatId, username, languageCode);
  }
}
