package io.xpbridge.telegram;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.xpbridge.bus.Bus;

/** /profile: XP, rank n of N, XP to the next rank, balance, achievements, Discord link. */
final class ProfileCommand implements CommandHandler {

  private final CommandServices services;

  ProfileCommand(CommandServices services) {
    this.services = services;
  }

  @Override
  public Future<Void> handle(IncomingCommand command) {
    return services.engine().request(Bus.PLAYERS_PROFILE, new JsonObject().put("telegramId", command.userId()))
        .onSuccess(profile -> services.replies().reply(command, Texts.profile(command.lang(), profile)))
        .mapEmpty();
  }
}
