package io.xpbridge.telegram;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.xpbridge.bus.Bus;

/** /sync: reconcile the caller's profile with Discord now instead of waiting for the periodic pass. */
final class SyncCommand implements CommandHandler {

  private final CommandServices services;

  SyncCommand(CommandServices services) {
    this.services = services;
  }

  @Override
  public Future<Void> handle(IncomingCommand command) {
    return services.engine().request(Bus.PLAYERS_PROFILE, new JsonObject().put("telegramId", command.userId()))
        .compose(profile -> services.engine().request(Bus.RECONCILE_RUN_NOW,
            new JsonObject().put("playerId", profile.getLong("playerId"))))
        .onSuccess(reply -> services.replies().reply(command, Texts.syncDone(command.lang(), reply)))
        .mapEmpty();
  }
}
