package io.xpbridge.telegram;

import io.vertx.core.Future;
import io.xpbridge.bus.Players;
import io.xpbridge.domain.PublicLinks;
import java.util.function.Supplier;

/**
 * /profile: XP, rank n of N, XP to the next rank, balance, achievements, Discord link, and the player's
 * public page when {@code web.publicBaseUrl} is set.
 */
final class ProfileCommand implements CommandHandler {

  private final CommandServices services;
  /** {@code web.publicBaseUrl} as it is now; null: no link. */
  private final Supplier<String> publicBaseUrl;

  ProfileCommand(CommandServices services, Supplier<String> publicBaseUrl) {
    this.services = services;
    this.publicBaseUrl = publicBaseUrl;
  }

  @Override
  public Future<Void> handle(IncomingCommand command) {
    return services.bus().profile(Players.ProfileQuery.telegram(command.userId()))
        .onSuccess(profile -> services.replies().reply(command, Texts.profile(command.lang(), profile,
            profile.hidden() ? null : PublicLinks.playerPage(publicBaseUrl.get(), profile.publicId()))))
        .mapEmpty();
  }
}
