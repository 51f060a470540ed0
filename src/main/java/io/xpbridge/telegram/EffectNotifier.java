package io.xpbridge.telegram;

import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles {@code EFFECTS_TELEGRAM}: tells a player about a rank change or an achievement, in their
 * language. Answers only once Telegram accepted the message, so the engine knows it was seen:
 * {ok:true}, fail(403) when the player blocked the bot (retrying will not help), fail(400) for a
 * request or chat Telegram rejects, fail(429) when Telegram's rate limit held it back (wait, it is
 * not the message's fault), fail(503) when it is worth retrying later.
 */
final class EffectNotifier {

  private static final Logger log = LoggerFactory.getLogger(EffectNotifier.class);

  private final Replies replies;
  private final LongSupplier maxWaitMs;

  EffectNotifier(Replies replies, LongSupplier maxWaitMs) {
    this.replies = replies;
    this.maxWaitMs = maxWaitMs;
  }

  void handle(Message<Object> message) {
    if (!(message.body() instanceof JsonObject effect)) {
      message.fail(400, "EFFECTS_TELEGRAM expects a JSON object");
      return;
    }
    Long chatId = effect.getLong("chatId", effect.getLong("telegramId"));
    if (chatId == null) {
      message.fail(400, "effect " + effect.getValue("eventId") + " has neither chatId nor telegramId");
      return;
    }
    Lang lang = Lang.from(effect.getString("languageCode"));
    String kind = effect.getString("kind", "");
    String text = switch (kind) {
      case "rank_up" -> Texts.rankUp(lang, effect.getJsonObject("rank"), effect.getJsonObject("previousRank"), effect.getLong("xp", 0L));
      case "achievement" -> Texts.achievementUnlocked(lang, effect.getJsonObject("achievement"));
      default -> null;
    };
    if (text == null) {
      message.fail(400, "unknown Telegram effect kind '" + kind + "' (expected rank_up or achievement)");
      return;
    }
    replies.send(chatId, text, maxWaitMs.getAsLong())
        .onSuccess(sent -> message.reply(new JsonObject().put("ok", true)))
        .onFailure(error -> fail(message, effect, chatId, error));
  }

  private static void fail(Message<Object> message, JsonObject effect, long chatId, Throwable error) {
    Object eventId = effect.getValue("eventId");
    if (error instanceof TelegramCallException call) {
      switch (call.kind()) {
        case FORBIDDEN -> {
          log.info("Effect {}: telegram chat {} blocked the bot", eventId, chatId);
          message.fail(403, "Telegram chat " + chatId + " blocked the bot or is unreachable: " + call.getMessage());
          return;
        }
        case RATE_LIMITED -> {
          log.info("Effect {}: Telegram is rate-limiting messages to chat {}; the engine will try again", eventId, chatId);
          message.fail(429, "Telegram is rate-limiting the bot, try later: " + call.getMessage());
          return;
        }
        case REJECTED -> {
          log.warn("Effect {}: Telegram rejected the message to chat {}: {}", eventId, chatId, call.getMessage());
          message.fail(400, "Telegram rejected the message to chat " + chatId + ": " + call.getMessage());
          return;
        }
        default -> { }
      }
    }
    log.info("Effect {}: message to telegram chat {} not delivered yet: {}", eventId, chatId, error.getMessage());
    message.fail(503, "Telegram is unavailable or rate-limiting, try later: " + error.getMessage());
  }

}
