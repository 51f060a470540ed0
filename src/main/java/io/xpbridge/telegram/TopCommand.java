package io.xpbridge.telegram;

import io.vertx.core.Future;
import io.xpbridge.bus.Players;

/** /top: the ten best players and the caller's own place, rank names in the caller's language. */
final class TopCommand implements CommandHandler {

  static final int LIMIT = 10;

  private final CommandServices services;

  TopCommand(CommandServices services) {
    this.services = services;
  }

  @Override
  public Future<Void> handle(IncomingCommand command) {
    Players.TopQuery query = Players.TopQuery.telegram(LIMIT, command.userId(), command.lang().code);
    return services.bus().top(query)
        .onSuccess(top -> services.replies().reply(command, Texts.top(command.lang(), top)))
        .mapEmpty();
  }
}
