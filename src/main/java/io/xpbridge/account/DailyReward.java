package io.xpbridge.account;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.xpbridge.bus.BusClient;
import io.xpbridge.bus.Daily;
import io.xpbridge.bus.Players;
import io.xpbridge.bus.Refusal;
import io.xpbridge.bus.SubmitEvent;
import io.xpbridge.bus.SubmitReply;
import io.xpbridge.config.DailySettings;
import io.xpbridge.domain.EventType;
import io.xpbridge.domain.IdempotencyKeys;
import io.xpbridge.domain.InvalidRequestException;
import io.xpbridge.domain.Platform;
import io.xpbridge.domain.PlayerRef;
import io.xpbridge.store.PlayerStore;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code Bus.DAILY_CLAIM}: pays the daily reward, with a bonus for consecutive days, as a
 * {@code reward_grant} through the sync engine like any other ledger change. The ledger has the last
 * word: the grant's key is the day's, and a grant it refused was not paid, whatever was checked here.
 */
final class DailyReward {
  private static final Logger LOG = LoggerFactory.getLogger(DailyReward.class);

  private final PlayerStore players;
  private final BusClient bus;
  private final Supplier<DailySettings> settings;

  DailyReward(PlayerStore players, BusClient bus, Supplier<DailySettings> settings) {
    this.players = players;
    this.bus = bus;
    this.settings = settings;
  }

  Future<Daily.Result> claim(Daily.Claim claim) {
    PlayerRef player = Players.platformRef(required(claim.telegramId()), null);
    DailySettings rules = settings.get();
    LocalDate day = claim.day() == null ? LocalDate.now(rules.timezone()) : day(claim.day());
    String key = claim.idempotencyKey() != null ? claim.idempotencyKey() : IdempotencyKeys.daily(day, player.id());
    String nextClaimAt = ZonedDateTime.of(day.plusDays(1).atStartOfDay(), rules.timezone()).toOffsetDateTime().toString();
    return players.find(player)
        .compose(id -> id.isEmpty() ? Future.succeededFuture(Optional.<PlayerStore.Profile>empty())
            : players.profile(id.get()))
        .compose(profile -> {
          LocalDate last = profile.map(PlayerStore.Profile::lastDailyDay).orElse(null);
          if (last != null && !day.isAfter(last)) {
            return Future.succeededFuture(Daily.Result.alreadyClaimed(nextClaimAt));
          }
          int streak = last != null && last.plusDays(1).equals(day) ? profile.get().dailyStreak() + 1 : 1;
          long xp = rules.xpFor(streak);
          SubmitEvent grant = SubmitEvent.of(Platform.TELEGRAM, EventType.REWARD_GRANT, player, key)
              .xp(xp).balance(rules.coins()).reason("daily reward, day " + streak)
              .data(new JsonObject().put("daily", new JsonObject().put("day", day.toString()).put("streak", streak)))
              .build();
          return bus.submit(grant).compose(reply -> outcome(reply, key, Daily.Result.claimed(xp, rules.coins(), streak,
              reply.eventId(), nextClaimAt)));
        });
  }

  private static Future<Daily.Result> outcome(SubmitReply reply, String key, Daily.Result paid) {
    if (reply.refused()) {
      LOG.warn("daily reward {} not paid: the ledger refused it ({})", key, reply.error());
      return Future.failedFuture(Refusal.DAILY_NOT_GRANTED.exception());
    }
    return Future.succeededFuture(reply.duplicate() ? Daily.Result.alreadyClaimed(paid.nextClaimAt()) : paid);
  }

  private static long required(Long telegramId) {
    if (telegramId == null) {
      throw new InvalidRequestException("'telegramId' is required");
    }
    return telegramId;
  }

  private static LocalDate day(String text) {
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw new InvalidRequestException("'day' must be a date like 2026-11-25, got '" + text + "'");
    }
  }
}
