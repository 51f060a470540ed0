package io.xpbridge.telegram;

import io.vertx.core.Future;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.chat.Chat;
import org.telegram.telegrambots.meta.api.objects.message.Message;

/**
 * Decides what an update is: a command to route, chatter that deserves a short hint, or noise to
 * ignore (edited messages, bots, channels, group small talk). Hints are throttled per chat so a
 * sticker flood does not become a reply flood.
 */
final class UpdateDispatcher {

  private static final Logger log = LoggerFactory.getLogger(UpdateDispatcher.class);

  static final int MAX_ARGS_CHARS = 256;
  private static final long HINT_INTERVAL_MS = 30_000;
  private static final int MAX_HINT_CHATS = 10_000;

  private final CommandRouter router;
  private final Replies replies;
  private final Supplier<String> botUsername;
  private final LongSupplier clockMs;
  private final Map<Long, Long> lastHintAt = new HashMap<>();

  UpdateDispatcher(CommandRouter router, Replies replies, Supplier<String> botUsername, LongSupplier clockMs) {
    this.router = router;
    this.replies = replies;
    this.botUsername = botUsername;
    this.clockMs = clockMs;
  }

  Future<Void> handle(Update update) {
    Message message = update.getMessage();
    if (message == null || message.getChat() == null) {
      return Future.succeededFuture();
    }
    User from = message.getFrom();
    if (from == null || Boolean.TRUE.equals(from.getIsBot()) || from.getId() == null) {
      return Future.succeededFuture();
    }
    Chat chat = message.getChat();
    Lang lang = Lang.from(from.getLanguageCode());
    String text = message.getText();
    boolean looksLikeCommand = text != null && text.startsWith("/");

    if (Boolean.TRUE.equals(chat.isUserChat())) {
      if (!looksLikeCommand) {
        hint(chat.getId(), Texts.notACommand(lang));
        return Future.succeededFuture();
      }
      IncomingCommand command = parse(update, message, from, lang, text);
      return command == null ? Future.succeededFuture() : router.route(command);
    }
    if (Boolean.TRUE.equals(chat.isGroupChat()) || Boolean.TRUE.equals(chat.isSuperGroupChat())) {
      // Players' balances are personal; in groups we only point to the private chat.
      IncomingCommand command = looksLikeCommand ? parse(update, message, from, lang, text) : null;
      if (command != null && router.knows(command.name())) {
        hint(chat.getId(), Texts.privateOnly(lang, botUsername.get()));
      }
    }
    return Future.succeededFuture();
  }

  /** The command in {@code text}, or null when it is addressed to another bot ({@code /start@OtherBot}). */
  IncomingCommand parse(Update update, Message message, User from, Lang lang, String text) {
    String trimmed = text.strip();
    int space = indexOfWhitespace(trimmed);
    String token = space < 0 ? trimmed : trimmed.substring(0, space);
    String args = space < 0 ? "" : trimmed.substring(space).strip();
    String name = token.substring(1);
    int at = name.indexOf('@');
    if (at >= 0) {
      String addressee = name.substring(at + 1);
      name = name.substring(0, at);
      String me = botUsername.get();
      if (me != null && !addressee.equalsIgnoreCase(me)) {
        return null;
      }
    }
    return new IncomingCommand(
        update.getUpdateId() == null ? 0 : update.getUpdateId(),
        message.getChatId(),
        message.getMessageId() == null ? 0 : message.getMessageId(),
        message.getDate() == null ? 0 : message.getDate(),
        from.getId(),
        from.getUserName(),
        from.getLanguageCode(),
        lang,
        Texts.cut(name.toLowerCase(Locale.ROOT), 64),
        Texts.cut(args, MAX_ARGS_CHARS));
  }

  private void hint(long chatId, String text) {
    long now = clockMs.getAsLong();
    Long last = lastHintAt.get(chatId);
    if (last != null && now - last < HINT_INTERVAL_MS) {
      return;
    }
    if (lastHintAt.size() > MAX_HINT_CHATS) {
      lastHintAt.values().removeIf(at -> now - at >= HINT_INTERVAL_MS);
    }
    lastHintAt.put(chatId, now);
    replies.send(chatId, text).onFailure(error -> log.debug("Hint to chat {} not delivered: {}", chatId, error.getMessage()));
  }

  private static int indexOfWhitespace(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (Character.isWhitespace(text.charAt(i))) {
        return i;
      }
    }
    return -1;
  }
}
