package io.xpbridge.telegram;

import io.vertx.core.Future;

/**
 * One bot command. The future completes when the command's work on the bus is done and its reply
 * is queued; it fails only with errors the router turns into a generic player message (bus
 * timeouts, 503...), so a handler deals with the failures it can explain better itself.
 */
interface CommandHandler {
  Future<Void> handle(IncomingCommand command);
}
