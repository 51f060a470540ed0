package io.xpbridge.telegram;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.xpbridge.bus.Bus;

/** /top: the ten best players and the caller's own place. */
final class TopCommand implements CommandHandler {

  static final int LIMIT = 10;

  private final CommandServices services;

  TopCommand(CommandServices services) {
    this.services = services;
  }

  @Override
  public Future<Void> handle(IncomingCommand command) {
    JsonObject request = new JsonObject().put("limit", LIMIT).put("telegramId", command.userId());
    return services.engine().request(Bus.PLAYERS_TOP, request)
        .onSuccess(reply -> services.replies().reply(command, Texts.top(command.lang(), reply)))
        .mapEmpty();
  }
}
