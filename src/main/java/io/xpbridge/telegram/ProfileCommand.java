package io.xpbridge.telegram;

import io.vertx.core.Future;
import io.xpbridge.bus.Players;

/** /profile: XP, rank n of N, XP to the next rank, balance, achievements, Discord link. */
final class ProfileCommand implements CommandHandler {

  private final CommandServices services;

  ProfileCommand(CommandServices services) {
    this.services = services;
  }

  @Override
  public Future<Void> handle(IncomingCommand command) {
    return services.bus().profile(Players.ProfileQuery.telegram(command.userId()))
        .onSuccess(profile -> services.replies().reply(command, Texts.profile(command.lang(), profile)))
        .mapEmpty();
  }
}
