package io.xpbridge.telegram;

import io.vertx.core.Future;
import io.xpbridge.bus.Links;

final class UnlinkCommand implements CommandHandler {

  private final CommandServices services;

  UnlinkCommand(CommandServices services) {
    this.services = services;
  }

  @Override
  public Future<Void> handle(IncomingCommand command) {
    return services.bus().unlink(Links.Account.telegram(command.userId()))
        .onSuccess(reply -> services.replies().reply(command, Texts.unlinked(command.lang(), reply.unlinked())))
        .mapEmpty();
  }
}
