package io.xpbridge.telegram;

import io.vertx.core.Future;
import io.xpbridge.bus.Links;
import java.util.regex.Pattern;

/**
 * /link issues a code to type in Discord; /link CODE (or the deep link /start link_CODE) redeems
 * a code issued in Discord. Refusals (unknown code, already linked, too many tries) are put into
 * words by {@link CommandRouter}.
 */
final class LinkCommand implements CommandHandler {

  private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_-]{4,32}");

  private final CommandServices services;

  LinkCommand(CommandServices services) {
    this.services = services;
  }

  @Override
  public Future<Void> handle(IncomingCommand command) {
    if (!command.args().isEmpty()) {
      return redeem(services, command, command.args().split("\\s+", 2)[0]);
    }
    return services.bus().issueLinkCode(Links.Account.telegram(command.userId()))
        .onSuccess(issued -> services.replies().reply(command, Texts.linkCode(command.lang(),
            issued.code(), issued.ttlSeconds(), services.botUsername().get())))
        .mapEmpty();
  }

  static Future<Void> redeem(CommandServices services, IncomingCommand command, String code) {
    if (!CODE.matcher(code).matches()) {
      services.replies().reply(command, Texts.linkCodeUnknown(command.lang()));
      return Future.succeededFuture();
    }
    return services.bus().redeemLinkCode(Links.Redeem.telegram(code, command.userId(), command.username()))
        .onSuccess(linked -> services.replies().reply(command,
            Texts.linked(command.lang(), linked.mergedXp(), linked.mergedBalance())))
        .mapEmpty();
  }
}
