package io.xpbridge.telegram;

import io.vertx.core.Future;
import io.xpbridge.bus.Players;
import java.util.Locale;
import java.util.Set;

/**
 * /privacy: whether the player is on the public standings (/top in both bots, the web leaderboard and
 * pages, season results) and how to change it; /privacy hide|show (скрыть|показать) changes it.
 */
final class PrivacyCommand implements CommandHandler {

  private static final Set<String> HIDE = Set.of(Players.HIDE, "скрыть");
  private static final Set<String> SHOW = Set.of(Players.SHOW, "показать");

  private final CommandServices services;

  PrivacyCommand(CommandServices services) {
    this.services = services;
  }

  @Override
  public Future<Void> handle(IncomingCommand command) {
    String asked = command.args().split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
    Boolean hidden = HIDE.contains(asked) ? Boolean.TRUE : SHOW.contains(asked) ? Boolean.FALSE : null;
    if (hidden == null && !asked.isEmpty()) {
      services.replies().reply(command, Texts.privacyUsage(command.lang()));
      return Future.succeededFuture();
    }
    return services.bus().visibility(Players.VisibilityChange.telegram(command.userId(), hidden))
        .onSuccess(now -> services.replies().reply(command, Texts.privacy(command.lang(), now, hidden != null)))
        .mapEmpty();
  }
}
