package io.xpbridge.telegram;

import io.vertx.core.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.message.Message;

/** Text replies to players through the {@link SendQueue}; a failed reply is logged, never thrown. */
final class Replies {

  private static final Logger log = LoggerFactory.getLogger(Replies.class);
  /** Telegram's limit for one message. */
  static final int MAX_TEXT = 4096;

  private final SendQueue queue;

  Replies(SendQueue queue) {
    this.queue = queue;
  }

  /** Queues {@code text} for {@code chatId}; the future tells whether it was delivered. */
  Future<Message> send(long chatId, String text) {
    return send(chatId, text, 0);
  }

  Future<Message> send(long chatId, String text, long maxWaitMs) {
    SendMessage message = SendMessage.builder()
        .chatId(chatId)
        .text(Texts.cut(text, MAX_TEXT))
        .build();
    return queue.submit(chatId, message, maxWaitMs);
  }

  /**
   * Queues a reply for a command and does not wait for delivery: the command's work is done once
   * the reply is queued, and the queue retries on its own.
   */
  void reply(IncomingCommand command, String text) {
    send(command.chatId(), text).onFailure(error ->
        log.warn("Reply to /{} in chat {} was not delivered: {}", command.name(), command.chatId(), error.getMessage()));
  }
}
