package io.xpbridge.telegram;

import io.vertx.core.Future;

/** /start registers the player; /start link_CODE (a t.me deep link) also redeems a link code. */
final class StartCommand implements CommandHandler {

  static final String LINK_PAYLOAD_PREFIX = "link_";

  private final CommandServices services;

  StartCommand(CommandServices services) {
    this.services = services;
  }

  @Override
  public Future<Void> handle(IncomingCommand command) {
    return services.players().register(command.registration()).compose(registered -> {
      String payload = command.args();
      if (payload.startsWith(LINK_PAYLOAD_PREFIX)) {
        return LinkCommand.redeem(services, command, payload.substring(LINK_PAYLOAD_PREFIX.length()));
      }
      services.replies().reply(command, Texts.welcome(command.lang(), registered.created()));
      return Future.succeededFuture();
    });
  }
}
