package io.xpbridge.telegram;

import io.vertx.core.Future;

final class HelpCommand implements CommandHandler {

  private final Replies replies;

  HelpCommand(Replies replies) {
    this.replies = replies;
  }

  @Override
  public Future<Void> handle(IncomingCommand command) {
    replies.reply(command, Texts.help(command.lang()));
    return Future.succeededFuture();
  }
}
