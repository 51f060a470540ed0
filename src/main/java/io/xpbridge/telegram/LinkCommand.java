package io.xpbridge.telegram;

import io.vertx.core.Future;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;
import io.xpbridge.bus.Bus;
import java.util.regex.Pattern;

/**
 * /link issues a code to type in Discord; /link CODE (or the deep link /start link_CODE) redeems
 * a code issued in Discord.
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
    return services.engine().request(Bus.LINK_ISSUE, new JsonObject().put("telegramId", command.userId()))
        .onSuccess(reply -> services.replies().reply(command, Texts.linkCode(command.lang(),
            reply.getString("code", "?"), reply.getLong("ttlSeconds", 600L), services.botUsername().get())))
        .mapEmpty();
  }

  static Future<Void> redeem(CommandServices services, IncomingCommand command, String code) {
    if (!CODE.matcher(code).matches()) {
      services.replies().reply(command, Texts.linkCodeUnknown(command.lang()));
      return Future.succeededFuture();
    }
    JsonObject request = new JsonObject().put("code", code).put("telegramId", command.userId());
    if (command.username() != null) {
      request.put("username", command.username());
    }
    return services.engine().request(Bus.LINK_REDEEM, request)
        .onSuccess(reply -> services.replies().reply(command,
            Texts.linked(command.lang(), reply.getLong("mergedXp", 0L), reply.getLong("mergedBalance", 0L))))
        .<Void>mapEmpty()
        .recover(error -> explained(services, command, error));
  }

  private static Future<Void> explained(CommandServices services, IncomingCommand command, Throwable error) {
    if (error instanceof ReplyException reply) {
      String text = switch (reply.failureCode()) {
        case 404 -> Texts.linkCodeUnknown(command.lang());
        case 409 -> Texts.alreadyLinked(command.lang());
        case 429 -> Texts.tooManyAttempts(command.lang(), reply.getMessage());
        default -> null;
      };
      if (text != null) {
        services.replies().reply(command, text);
        return Future.succeededFuture();
      }
    }
    return Future.failedFuture(error);
  }
}
