package io.xpbridge.telegram;

import io.vertx.core.Future;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.xpbridge.bus.EffectKind;
import io.xpbridge.bus.Platforms;
import io.xpbridge.domain.InvalidRequestException;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles {@code EFFECTS_TELEGRAM}: tells a player about a rank change, an achievement or their
 * place in an ended season and its reward, in their language. Answers only once Telegram accepted
 * the message, so the engine knows it was seen: {ok:true}, fail(403) when the player blocked the
 * bot (retrying will not help), fail(400) for a request or chat Telegram rejects, fail(429) when
 * Telegram's rate limit held it back (wait, it is not the message's fault), fail(503) when it is
 * worth retrying later.
 */
final class EffectNotifier {

  private static final Logger log = LoggerFactory.getLogger(EffectNotifier.class);

  private final Replies replies;
  private final LongSupplier maxWaitMs;

  EffectNotifier(Replies replies, LongSupplier maxWaitMs) {
    this.replies = replies;
    this.maxWaitMs = maxWaitMs;
  }

  Future<Platforms.Ack> deliver(Platforms.TelegramEffect effect) {
    Long chatId = effect.chatId() != null ? effect.chatId() : effect.telegramId();
    if (chatId == null) {
      throw new InvalidRequestException("effect " + effect.eventId() + " has neither chatId nor telegramId");
    }
    Lang lang = Lang.from(effect.languageCode());
    EffectKind kind = effect.kind();
    String text;
    if (kind == EffectKind.RANK_UP) {
      text = Texts.rankUp(lang, effect.rank(), effect.previousRank(), effect.xp() == null ? 0 : effect.xp());
    } else if (kind == EffectKind.ACHIEVEMENT) {
      text = Texts.achievementUnlocked(lang, effect.achievement());
    } else if (kind == EffectKind.SEASON_REWARD) {
      text = seasonReward(effect, lang);
    } else {
      throw new InvalidRequestException("unknown Telegram effect kind " + (kind == null ? "" : kind.wireName())
          + " (expected rank_up, achievement or season_reward)");
    }
    return replies.send(chatId, text, maxWaitMs.getAsLong())
        .map(sent -> Platforms.Ack.OK)
        .recover(error -> Future.failedFuture(failure(effect.eventId(), chatId, error)));
  }

  /** The engine sends the player's own entry only: {@code season.winners} holds exactly one. */
  private static String seasonReward(Platforms.TelegramEffect effect, Lang lang) {
    Platforms.SeasonResult season = effect.season();
    if (season == null || season.winners().size() != 1) {
      throw new InvalidRequestException("season_reward effect " + effect.eventId()
          + " must carry season.winners with exactly the player's own entry, got "
          + (season == null ? "no season" : season.winners().size() + " entries"));
    }
    return Texts.seasonReward(lang, season.name(), season.winners().get(0));
  }

  private static ReplyException failure(long eventId, long chatId, Throwable error) {
    if (error instanceof TelegramCallException call) {
      switch (call.kind()) {
        case FORBIDDEN -> {
          log.info("Effect {}: telegram chat {} blocked the bot", eventId, chatId);
          return failure(403, "Telegram chat " + chatId + " blocked the bot or is unreachable: " + call.getMessage());
        }
        case RATE_LIMITED -> {
          log.info("Effect {}: Telegram is rate-limiting messages to chat {}; the engine will try again", eventId, chatId);
          return failure(429, "Telegram is rate-limiting the bot, try later: " + call.getMessage());
        }
        case REJECTED -> {
          log.warn("Effect {}: Telegram rejected the message to chat {}: {}", eventId, chatId, call.getMessage());
          return failure(400, "Telegram rejected the message to chat " + chatId + ": " + call.getMessage());
        }
        default -> { }
      }
    }
    log.info("Effect {}: message to telegram chat {} not delivered yet: {}", eventId, chatId, error.getMessage());
    return failure(503, "Telegram is unavailable or rate-limiting, try later: " + error.getMessage());
  }

  private static ReplyException failure(int code, String text) {
    return new ReplyException(ReplyFailure.RECIPIENT_FAILURE, code, text);
  }
}
