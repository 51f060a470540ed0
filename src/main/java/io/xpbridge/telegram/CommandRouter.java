package io.xpbridge.telegram;

import io.vertx.core.Future;
import io.vertx.core.eventbus.ReplyException;
import io.xpbridge.bus.RegisteredPlayers;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends each command to its handler, registers unknown players on the way, and turns any failure
 * into a reply the player can act on. Never fails: a broken command must not stop polling.
 */
final class CommandRouter {

  private static final Logger log = LoggerFactory.getLogger(CommandRouter.class);

  /** Commands that need no player record (or create it themselves). */
  private static final Set<String> WITHOUT_REGISTRATION = Set.of("start", "help");

  private final Map<String, CommandHandler> handlers;
  private final RegisteredPlayers players;
  private final Replies replies;

  CommandRouter(Map<String, CommandHandler> handlers, RegisteredPlayers players, Replies replies) {
    this.handlers = Map.copyOf(handlers);
    this.players = players;
    this.replies = replies;
  }

  boolean knows(String name) {
    return handlers.containsKey(name);
  }

  Future<Void> route(IncomingCommand command) {
    CommandHandler handler = handlers.get(command.name());
    if (handler == null) {
      replies.reply(command, Texts.unknownCommand(command.lang(), command.name()));
      return Future.succeededFuture();
    }
    Future<Void> ready = WITHOUT_REGISTRATION.contains(command.name())
        ? Future.succeededFuture()
        : players.ensure(command.registration());
    return ready.compose(v -> invoke(handler, command)).recover(error -> {
      if (error instanceof ReplyException reply && reply.failureCode() >= 400 && reply.failureCode() < 500) {
        log.debug("/{} from telegram user {} refused by the engine ({}): {}", command.name(), command.userId(),
            reply.failureCode(), reply.getMessage());
      } else if (error instanceof ReplyException reply) {
        log.info("/{} from telegram user {} failed on the bus ({} {}): {}", command.name(), command.userId(),
            reply.failureType(), reply.failureCode(), reply.getMessage());
      } else {
        log.warn("/{} from telegram user {} failed", command.name(), command.userId(), error);
      }
      replies.reply(command, Texts.busFailure(command.lang(), error));
      return Future.succeededFuture();
    });
  }

  private static Future<Void> invoke(CommandHandler handler, IncomingCommand command) {
    try {
      Future<Void> result = handler.handle(command);
      return result == null ? Future.succeededFuture() : result;
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }
}
