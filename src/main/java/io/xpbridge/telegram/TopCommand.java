package io.xpbridge.telegram;

import io.vertx.core.Future;
import io.xpbridge.bus.Players;
import java.util.Locale;
import java.util.Set;

/**
 * /top: the ten best of the running season and the caller's own place in it; /top all: the same by
 * lifetime XP. Rank names in the caller's language.
 */
final class TopCommand implements CommandHandler {

  static final int LIMIT = 10;
  /** What a player may type after /top for the lifetime standings, in either language. */
  private static final Set<String> ALL_TIME = Set.of("all", "все", "всё");
  private static final Set<String> SEASON = Set.of("", "season", "сезон");

  private final CommandServices services;

  TopCommand(CommandServices services) {
    this.services = services;
  }

  @Override
  public Future<Void> handle(IncomingCommand command) {
    String asked = command.args().split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
    String standing = ALL_TIME.contains(asked) ? Players.ALL_TIME : SEASON.contains(asked) ? Players.CURRENT_SEASON : null;
    if (standing == null) {
      services.replies().reply(command, Texts.topUsage(command.lang()));
      return Future.succeededFuture();
    }
    Players.TopQuery query = Players.TopQuery.telegram(LIMIT, command.userId(), command.lang().code).of(standing);
    return services.bus().top(query)
        .onSuccess(top -> services.replies().reply(command, Texts.top(command.lang(), top)))
        .mapEmpty();
  }
}
