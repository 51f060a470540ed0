package io.xpbridge.telegram;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.xpbridge.bus.Bus;
import io.xpbridge.bus.BusClient;
import io.xpbridge.bus.SubmitEvent;
import io.xpbridge.bus.SubmitReply;
import io.xpbridge.config.DicePayouts;
import io.xpbridge.config.TelegramSettings;
import io.xpbridge.domain.Activity;
import io.xpbridge.domain.EventType;
import io.xpbridge.domain.IdempotencyKeys;
import io.xpbridge.domain.Platform;
import io.xpbridge.domain.PlayerRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.send.SendDice;
import org.telegram.telegrambots.meta.api.objects.Dice;
import org.telegram.telegrambots.meta.api.objects.message.Message;

/**
 * /play [emoji] (alias /dice): Telegram rolls an animated dice, we pay what
 * {@code telegram.games.payouts} sets for the outcome (a 🎰 value is a reel combination, not a
 * score) and name the outcome. The roll is Telegram's, so players cannot pick their luck; the
 * payment key comes from the command message, so a re-delivered command never pays twice.
 */
final class DiceGameCommand implements CommandHandler {

  private static final Logger log = LoggerFactory.getLogger(DiceGameCommand.class);
  private static final int SUBMIT_ATTEMPTS = 3;
  private static final long SUBMIT_RETRY_MS = 1_000;

  private final Vertx vertx;
  private final CommandServices services;
  private final GameCooldowns cooldowns = new GameCooldowns();

  DiceGameCommand(Vertx vertx, CommandServices services) {
    this.vertx = vertx;
    this.services = services;
  }

  @Override
  public Future<Void> handle(IncomingCommand command) {
    TelegramSettings.GameSettings games = services.settings().get().games();
    String emoji = command.args().isEmpty() ? games.defaultEmoji() : command.args().split("\\s+", 2)[0];
    if (!games.emojis().contains(emoji)) {
      services.replies().reply(command, Texts.gameUnknownEmoji(command.lang(), games.emojis()));
      return Future.succeededFuture();
    }
    long waitSeconds = cooldowns.tryStart(command.userId(), games.cooldownSeconds(), services.clock().millis());
    if (waitSeconds > 0) {
      services.replies().reply(command, Texts.gameCooldown(command.lang(), waitSeconds));
      return Future.succeededFuture();
    }
    SendDice roll = SendDice.builder().chatId(command.chatId()).emoji(emoji).build();
    return services.queue().submit(command.chatId(), roll)
        .onFailure(error -> {
          cooldowns.release(command.userId());
          log.warn("Dice for chat {} could not be sent: {}", command.chatId(), error.getMessage());
        })
        .compose(message -> pay(command, emoji, message, games));
  }

  private Future<Void> pay(IncomingCommand command, String emoji, Message diceMessage, TelegramSettings.GameSettings games) {
    Dice dice = diceMessage == null ? null : diceMessage.getDice();
    DicePayouts.Payout payout = dice == null || dice.getValue() == null ? null : games.payouts().of(emoji, dice.getValue());
    if (payout == null) {
      log.warn("Telegram answered sendDice {} in chat {} without a value we know ({}); nothing paid", emoji,
          command.chatId(), dice == null ? null : dice.getValue());
      services.replies().reply(command, Texts.gameNotCounted(command.lang()));
      return Future.succeededFuture();
    }
    int value = dice.getValue();
    String result = Texts.gameResult(command.lang(), emoji, value, payout.xp(), payout.coins());
    if (payout.paysNothing()) {
      // The bus takes no event that moves nothing, so an outcome configured to pay 0 is only announced.
      announceLater(command, games.resultDelayMs(), result);
      return Future.succeededFuture();
    }
    String key = IdempotencyKeys.game(command.chatId(), command.messageId(), command.userId());
    SubmitEvent event = SubmitEvent.of(Platform.TELEGRAM, payout.xp() > 0 ? EventType.XP_CHANGE : EventType.BALANCE_CHANGE,
            new PlayerRef(PlayerRef.Kind.TELEGRAM, command.userId()), key)
        .xp(payout.xp())
        .balance(payout.coins())
        .entity(IdempotencyKeys.diceEntity(command.chatId(), diceMessage.getMessageId()))
        .reason("telegram dice " + emoji + " = " + value)
        .data(new JsonObject().put("emoji", emoji).put("value", value).put("diceMessageId", diceMessage.getMessageId()))
        .activity(gameIn(command))
        .build();
    return submitWithRetry(event, SUBMIT_ATTEMPTS)
        .onSuccess(reply -> announceLater(command, games.resultDelayMs(), outcome(command.lang(), reply, result)))
        .<Void>mapEmpty()
        .recover(error -> {
          log.warn("Dice result {} for telegram user {} not recorded (key {}): {}", value, command.userId(), key,
              error.getMessage());
          services.replies().reply(command, Texts.gameNotCounted(command.lang()));
          return Future.succeededFuture();
        });
  }

  /** The game as activity: its chat for the multipliers, the command's own time for the engine's cooldown. */
  private static Activity gameIn(IncomingCommand command) {
    Activity game = Activity.telegramGame(command.chatId());
    return command.messageDate() > 0 ? game.at(command.messageDate() * 1000) : game;
  }

  private static String outcome(Lang lang, SubmitReply reply, String result) {
    if (reply.refused()) {
      return Texts.gameNotCounted(lang);
    }
    if (reply.duplicate()) {
      return Texts.gameAlreadyCounted(lang);
    }
    return reply.withheld() == null ? result
        : result + "\n" + Texts.gameWithheld(lang, reply.withheld(), reply.xp() == null ? 0 : reply.xp());
  }

  /** The payment is recorded at once; only the announcement waits for the dice animation to end. */
  private void announceLater(IncomingCommand command, long delayMs, String text) {
    if (delayMs <= 0) {
      services.replies().reply(command, text);
    } else {
      vertx.setTimer(delayMs, id -> services.replies().reply(command, text));
    }
  }

  /** The dice was already rolled: a short outage must not cost the player the roll. Same key, so retrying is safe. */
  private Future<SubmitReply> submitWithRetry(SubmitEvent event, int attemptsLeft) {
    return services.bus().submit(event).recover(error -> {
      if (attemptsLeft <= 1 || !BusClient.isTransient(error)) {
        return Future.failedFuture(error);
      }
      Promise<Void> pause = Promise.promise();
      vertx.setTimer(SUBMIT_RETRY_MS, id -> pause.complete());
      return pause.future().compose(v -> submitWithRetry(event, attemptsLeft - 1));
    });
  }
}
