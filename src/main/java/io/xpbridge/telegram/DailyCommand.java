package io.xpbridge.telegram;

import io.vertx.core.Future;
import io.xpbridge.bus.Daily;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * /daily claims the daily reward. The day comes from the date Telegram stamped on the message
 * (in {@code daily.timezone}), not from when we handle it, so a message re-delivered after
 * midnight still maps to the same idempotency key.
 */
final class DailyCommand implements CommandHandler {

  private final CommandServices services;

  DailyCommand(CommandServices services) {
    this.services = services;
  }

  @Override
  public Future<Void> handle(IncomingCommand command) {
    ZoneId zone = services.settings().get().dailyZone();
    Instant sentAt = command.messageDate() > 0 ? Instant.ofEpochSecond(command.messageDate()) : services.clock().instant();
    LocalDate day = LocalDate.ofInstant(sentAt, zone);
    return services.bus().claimDaily(Daily.Claim.of(command.userId(), day))
        .onSuccess(result -> services.replies().reply(command, answer(command.lang(), result, zone)))
        .mapEmpty();
  }

  private String answer(Lang lang, Daily.Result result, ZoneId zone) {
    if (result.claimed()) {
      return Texts.dailyClaimed(lang, orZero(result.xp()), orZero(result.balance()),
          result.streak() == null ? 1 : result.streak());
    }
    return Texts.dailyAlreadyClaimed(lang, result.nextClaimAt(), zone, services.clock().instant());
  }

  private static long orZero(Long value) {
    return value == null ? 0 : value;
  }
}
