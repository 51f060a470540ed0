package io.xpbridge.telegram;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.xpbridge.bus.Bus;

final class UnlinkCommand implements CommandHandler {

  private final CommandServices services;

  UnlinkCommand(CommandServices services) {
    this.services = services;
  }

  @Override
  public Future<Void> handle(IncomingCommand command) {
    return services.engine().request(Bus.LINK_UNLINK, new JsonObject().put("telegramId", command.userId()))
        .onSuccess(reply -> services.replies().reply(command, Texts.unlinked(command.lang(), reply.getBoolean("unlinked", false))))
        .mapEmpty();
  }
}
