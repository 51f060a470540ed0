package io.xpbridge.telegram;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.xpbridge.bus.Bus;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

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

  static String idempotencyKey(LocalDate day, long telegramUserId) {
    return "tg_daily_" + day.format(DateTimeFormatter.BASIC_ISO_DATE) + "_" + telegramUserId;
  }

  @Override
  public Future<Void> handle(IncomingCommand command) {
    ZoneId zone = services.settings().get().dailyZone();
    Instant sentAt = command.messageDate() > 0 ? Instant.ofEpochSecond(command.messageDate()) : services.clock().instant();
    LocalDate day = LocalDate.ofInstant(sentAt, zone);
    JsonObject request = new JsonObject()
        .put("telegramId", command.userId())
        .put("day", day.toString())
        .put("idempotencyKey", idempotencyKey(day, command.userId()));
    return services.engine().request(Bus.DAILY_CLAIM, request)
        .onSuccess(reply -> services.replies().reply(command, answer(command.lang(), reply, zone)))
        .mapEmpty();
  }

  private String answer(Lang lang, JsonObject reply, ZoneId zone) {
    if (reply.getBoolean("claimed", false)) {
      return Texts.dailyClaimed(lang, reply.getLong("xp", 0L), reply.getLong("balance", 0L), reply.getLong("streak", 1L));
    }
    return Texts.dailyAlreadyClaimed(lang, reply.getString("nextClaimAt"), zone, services.clock().instant());
  }
}
