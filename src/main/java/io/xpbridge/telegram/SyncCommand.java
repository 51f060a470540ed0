package io.xpbridge.telegram;

import io.vertx.core.Future;
import io.xpbridge.bus.Admin;
import io.xpbridge.bus.Players;

/** /sync: reconcile the caller's profile with Discord now instead of waiting for the periodic pass. */
final class SyncCommand implements CommandHandler {

  private final CommandServices services;

  SyncCommand(CommandServices services) {
    this.services = services;
  }

  @Override
  public Future<Void> handle(IncomingCommand command) {
    return services.bus().profile(Players.ProfileQuery.telegram(command.userId()))
        .compose(profile -> services.bus().reconcile(new Admin.ReconcileRun(profile.playerId())))
        .onSuccess(report -> services.replies().reply(command, Texts.syncDone(command.lang(), report)))
        .mapEmpty();
  }
}
