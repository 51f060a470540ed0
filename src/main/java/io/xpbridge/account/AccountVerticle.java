package io.xpbridge.account;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.xpbridge.bus.Bus;
import io.xpbridge.bus.SubmitMessage;
import io.xpbridge.config.AppConfig;
import io.xpbridge.config.DailySettings;
import io.xpbridge.config.LinkSettings;
import io.xpbridge.domain.InvalidRequestException;
import io.xpbridge.bus.Refusal;
import io.xpbridge.domain.Platform;
import io.xpbridge.domain.PlayerRef;
import io.xpbridge.domain.Rank;
import io.xpbridge.store.Database;
import io.xpbridge.store.LinkStore;
import io.xpbridge.store.PlayerStore;
import io.xpbridge.sync.EngineRules;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Players and accounts: registration, profiles, the leaderboard, link codes and the daily reward.
 * Ledger changes it causes (the daily reward) go through the sync engine like any other event.
 */
public class AccountVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(AccountVerticle.class);
  private static final int MAX_TOP = 50;

  private Pool pool;
  private PlayerStore players;
  private Leaderboard leaderboard;
  private LinkStore links;
  private volatile EngineRules rules;
  private volatile LinkSettings linkSettings;
  private volatile DailySettings dailySettings;

  @Override
  public Future<?> start() {
    AppConfig config = AppConfig.parse(config());
    applyConfig(config);
    pool = Database.pool(vertx, config.db().databaseUrl(), 4);
    players = new PlayerStore(pool);
    leaderboard = new Leaderboard(players, MAX_TOP, System::currentTimeMillis);
    links = new LinkStore(pool);
    var bus = vertx.eventBus();
    bus.<JsonObject>consumer(Bus.PLAYERS_REGISTER, msg -> answer(msg, () -> register(msg.body())));
    bus.<JsonObject>consumer(Bus.PLAYERS_PROFILE, msg -> answer(msg, () -> profile(msg.body())));
    bus.<JsonObject>consumer(Bus.PLAYERS_TOP, msg -> answer(msg, () -> top(msg.body())));
    bus.<JsonObject>consumer(Bus.LINK_ISSUE, msg -> answer(msg, () -> issue(msg.body())));
    bus.<JsonObject>consumer(Bus.LINK_REDEEM, msg -> answer(msg, () -> redeem(msg.body())));
    bus.<JsonObject>consumer(Bus.LINK_UNLINK, msg -> answer(msg, () -> unlink(msg.body())));
    bus.<JsonObject>consumer(Bus.DAILY_CLAIM, msg -> answer(msg, () -> daily(msg.body())));
    bus.<AppConfig>consumer(Bus.CONFIG_CHANGED, msg -> {
      applyConfig(msg.body());
      mirrorRules(msg.body()).onFailure(e -> LOG.warn("could not mirror the new ranks into the database: {}",
          e.toString()));
    });
    return mirrorRules(config);
  }

  /** The ladder and achievements as tables, for SQL users; config stays the source. */
  private Future<Void> mirrorRules(AppConfig config) {
    return new io.xpbridge.store.RulesMirrorStore(pool).write(config.gameRules().ladder(),
        config.gameRules().achievements());
  }

  @Override
  public Future<?> stop() {
    return pool.close();
  }

  private void applyConfig(AppConfig config) {
    rules = EngineRules.from(config);
    linkSettings = config.link();
    dailySettings = config.daily();
  }

  private Future<JsonObject> register(JsonObject body) {
    Long telegramId = SubmitMessage.optionalId(body, "telegramId");
    Long discordId = SubmitMessage.optionalId(body, "discordId");
    String username = clip(body.getString("username"), 64);
    if (telegramId != null) {
      Long chatId = body.getValue("chatId") == null ? null : body.getLong("chatId");
      return players.registerTelegram(telegramId, chatId, username, clip(body.getString("languageCode"), 16))
          .map(r -> new JsonObject().put("playerId", r.playerId()).put("created", r.created()));
    }
    if (discordId != null) {
      return players.registerDiscord(discordId, username)
          .map(r -> new JsonObject().put("playerId", r.playerId()).put("created", r.created()));
    }
    throw new InvalidRequestException("name the player with telegramId or discordId");
  }

  private Future<JsonObject> profile(JsonObject body) {
    PlayerRef ref = SubmitMessage.playerRef(body);
    return players.find(ref).compose(id -> id.isEmpty()
        ? Future.failedFuture(new ReplyException(io.vertx.core.eventbus.ReplyFailure.RECIPIENT_FAILURE, 404,
            "no profile yet: use /start first"))
        : players.profile(id.get()).map(profile -> toJson(profile.orElseThrow())));
  }

  private JsonObject toJson(PlayerStore.Profile p) {
    Rank rank = rules.ladder().rankFor(p.xp());
    Optional<Rank> next = rules.ladder().next(rank);
    JsonArray achievements = new JsonArray();
    for (PlayerStore.Unlocked unlocked : p.achievements()) {
      var definition = rules.achievements().get(unlocked.code());
      achievements.add(new JsonObject().put("code", unlocked.code())
          .put("name", definition == null ? unlocked.code() : definition.name(p.languageCode()))
          .put("unlockedAt", unlocked.at().toString()));
    }
    JsonObject json = new JsonObject()
        .put("playerId", p.playerId()).put("xp", p.xp()).put("balance", p.balance())
        .put("rank", rankJson(rank, p.languageCode()))
        .put("nextRank", next.map(r -> rankJson(r, p.languageCode())).orElse(null))
        .put("xpToNextRank", next.map(r -> r.minXp() - p.xp()).orElse(0L))
        .put("rankCount", rules.ladder().size())
        .put("achievements", achievements)
        .put("telegramLinked", p.telegramId() != null).put("discordLinked", p.discordId() != null)
        .put("dailyStreak", p.dailyStreak())
        .put("displayName", p.displayName());
    if (p.telegramId() != null) {
      json.put("telegramId", p.telegramId());
    }
    if (p.discordId() != null) {
      json.put("discordId", p.discordId());
    }
    if (p.lastDailyDay() != null) {
      json.put("lastDailyDay", p.lastDailyDay().toString());
    }
    return json;
  }

  private static JsonObject rankJson(Rank rank, String language) {
    return new JsonObject().put("number", rank.number()).put("name", rank.name(language)).put("minXp", rank.minXp());
  }

  private Future<JsonObject> top(JsonObject body) {
    int limit = Math.max(1, Math.min(body.getInteger("limit", 10), MAX_TOP));
    Long telegramId = SubmitMessage.optionalId(body, "telegramId");
    Long discordId = SubmitMessage.optionalId(body, "discordId");
    return leaderboard.top(limit).compose(entries -> {
      JsonArray list = new JsonArray();
      int place = 1;
      for (PlayerStore.TopEntry entry : entries) {
        list.add(new JsonObject().put("place", place++).put("playerId", entry.playerId())
            .put("displayName", entry.name()).put("xp", entry.xp())
            .put("rank", rankJson(rules.ladder().rankFor(entry.xp()), null)));
      }
      JsonObject reply = new JsonObject().put("entries", list);
      if (telegramId == null && discordId == null) {
        return Future.succeededFuture(reply);
      }
      PlayerRef ref = telegramId != null ? new PlayerRef(PlayerRef.Kind.TELEGRAM, telegramId)
          : new PlayerRef(PlayerRef.Kind.DISCORD, discordId);
      return players.find(ref).compose(id -> id.isEmpty() ? Future.succeededFuture(reply)
          : players.profile(id.get()).compose(profile -> players.place(profile.get().playerId(), profile.get().xp())
              .map(p -> reply.put("caller", new JsonObject().put("place", p).put("xp", profile.get().xp())))));
    });
  }

  private Future<JsonObject> issue(JsonObject body) {
    PlayerRef ref = SubmitMessage.playerRef(body);
    if (ref.kind() == PlayerRef.Kind.PLAYER) {
      throw new InvalidRequestException("link codes are issued to telegramId or discordId");
    }
    String platform = ref.kind() == PlayerRef.Kind.TELEGRAM ? "telegram" : "discord";
    Future<Long> player = ref.kind() == PlayerRef.Kind.TELEGRAM
        ? players.registerTelegram(ref.id(), null, null, null).map(PlayerStore.Registration::playerId)
        : players.registerDiscord(ref.id(), null).map(PlayerStore.Registration::playerId);
    LinkSettings settings = linkSettings;
    return player.compose(id -> insertFreshCode(id, platform, settings, 5)).map(issued -> new JsonObject()
        .put("code", issued.code()).put("expiresAt", issued.expiresAt().toString())
        .put("ttlSeconds", settings.codeTtlSeconds()));
  }

  private record Issued(String code, OffsetDateTime expiresAt) {}

  private Future<Issued> insertFreshCode(long playerId, String platform, LinkSettings settings, int triesLeft) {
    String code = LinkCodes.generate(settings.codeLength());
    return links.insertCode(code, playerId, platform, settings.codeTtlSeconds()).compose(expires -> {
      if (expires != null) {
        return Future.succeededFuture(new Issued(code, expires));
      }
      if (triesLeft <= 1) {
        return Future.failedFuture("could not draw an unused link code");
      }
      return insertFreshCode(playerId, platform, settings, triesLeft - 1);
    });
  }

  private Future<JsonObject> redeem(JsonObject body) {
    PlayerRef ref = SubmitMessage.playerRef(body);
    if (ref.kind() == PlayerRef.Kind.PLAYER) {
      throw new InvalidRequestException("a link code is redeemed by telegramId or discordId");
    }
    String platform = ref.kind() == PlayerRef.Kind.TELEGRAM ? "telegram" : "discord";
    Object typed = body.getValue("code");
    String code = typed instanceof String s ? LinkCodes.normalize(s) : "";
    LinkSettings settings = linkSettings;
    return links.recentFailures(platform, ref.id(), settings.failedAttemptsWindowSeconds()).compose(failures -> {
      if (failures.count() >= settings.maxFailedAttempts()) {
        long waitSeconds = Math.max(1, settings.failedAttemptsWindowSeconds()
            - Duration.between(failures.oldest(), OffsetDateTime.now()).toSeconds());
        return Future.failedFuture(new ReplyException(io.vertx.core.eventbus.ReplyFailure.RECIPIENT_FAILURE, 429,
            "Too many wrong codes. Try again in " + Math.max(1, (waitSeconds + 59) / 60) + " min."));
      }
      if (code.length() != settings.codeLength() || !code.chars().allMatch(c -> LinkCodes.ALPHABET.indexOf(c) >= 0)) {
        return links.recordFailure(platform, ref.id()).compose(v -> Future.failedFuture(new ReplyException(
            io.vertx.core.eventbus.ReplyFailure.RECIPIENT_FAILURE, 404,
            "This code is unknown, already used or expired. Ask for a new one with /link.")));
      }
      return links.redeem(code, Platform.fromWire(platform), ref.id(), rules.calculator())
          .recover(failure -> {
            if (failure instanceof LinkStore.LinkRefused refused) {
              Future<Void> counted = refused.refusal() == Refusal.LINK_CODE_UNKNOWN
                  ? links.recordFailure(platform, ref.id()) : Future.succeededFuture();
              return counted.compose(v -> Future.failedFuture(refused.refusal().exception()));
            }
            return Future.failedFuture(failure);
          })
          .map(linked -> {
            LOG.info("linked {} account {} to player {} (merged {} XP, {} coins)", platform, ref.id(),
                linked.playerId(), linked.mergedXp(), linked.mergedBalance());
            vertx.eventBus().send(Bus.EVENTS_PROCESS_NOW, new JsonObject());
            return new JsonObject().put("playerId", linked.playerId()).put("mergedXp", linked.xp())
                .put("mergedBalance", linked.balance());
          });
    });
  }

  private Future<JsonObject> unlink(JsonObject body) {
    PlayerRef ref = SubmitMessage.playerRef(body);
    if (ref.kind() == PlayerRef.Kind.PLAYER) {
      throw new InvalidRequestException("unlink by telegramId or discordId");
    }
    String platform = ref.kind() == PlayerRef.Kind.TELEGRAM ? "telegram" : "discord";
    return links.unlink(Platform.fromWire(platform), ref.id()).map(unlinked -> {
      if (unlinked) {
        vertx.eventBus().send(Bus.EVENTS_PROCESS_NOW, new JsonObject());
      }
      return new JsonObject().put("unlinked", unlinked);
    });
  }

  private Future<JsonObject> daily(JsonObject body) {
    Long telegramId = SubmitMessage.optionalId(body, "telegramId");
    if (telegramId == null) {
      throw new InvalidRequestException("'telegramId' is required");
    }
    DailySettings settings = dailySettings;
    LocalDate today = LocalDate.now(settings.timezone());
    LocalDate day = body.getString("day") == null ? today : LocalDate.parse(body.getString("day"));
    String key = body.getString("idempotencyKey", "tg_daily_" + day.toString().replace("-", "") + "_" + telegramId);
    String nextClaimAt = ZonedDateTime.of(day.plusDays(1).atStartOfDay(), settings.timezone()).toOffsetDateTime().toString();
    return players.find(new PlayerRef(PlayerRef.Kind.TELEGRAM, telegramId))
        .compose(id -> id.isEmpty() ? Future.succeededFuture(Optional.<PlayerStore.Profile>empty())
            : players.profile(id.get()))
        .compose(profile -> {
          LocalDate last = profile.map(PlayerStore.Profile::lastDailyDay).orElse(null);
          if (last != null && !day.isAfter(last)) {
            return Future.succeededFuture(new JsonObject().put("claimed", false).put("nextClaimAt", nextClaimAt));
          }
          int streak = last != null && last.plusDays(1).equals(day)
              ? profile.get().dailyStreak() + 1 : 1;
          long xp = settings.xpFor(streak);
          JsonObject event = new JsonObject().put("source", "telegram").put("type", "reward_grant")
              .put("telegramId", telegramId).put("xp", xp).put("balance", settings.coins())
              .put("idempotencyKey", key).put("reason", "daily reward, day " + streak)
              .put("data", new JsonObject().put("daily", new JsonObject().put("day", day.toString()).put("streak", streak)));
          return vertx.eventBus().<JsonObject>request(Bus.EVENTS_SUBMIT, event,
                  new DeliveryOptions().setSendTimeout(Bus.REQUEST_TIMEOUT_MS))
              .map(reply -> reply.body().getBoolean("duplicate")
                  ? new JsonObject().put("claimed", false).put("nextClaimAt", nextClaimAt)
                  : new JsonObject().put("claimed", true).put("xp", xp).put("balance", settings.coins())
                      .put("streak", streak).put("eventId", reply.body().getLong("eventId"))
                      .put("nextClaimAt", nextClaimAt));
        });
  }

  /** Replies with the result, or a failure code the sender can show: 400 for bad input, 503 otherwise. */
  private static void answer(Message<JsonObject> msg, Future<JsonObject> result) {
    result.onComplete(ar -> {
      if (ar.succeeded()) {
        msg.reply(ar.result());
      } else if (ar.cause() instanceof ReplyException reply) {
        msg.fail(reply.failureCode(), reply.getMessage());
      } else if (ar.cause() instanceof InvalidRequestException || ar.cause() instanceof IllegalArgumentException
          || ar.cause() instanceof java.time.format.DateTimeParseException) {
        msg.fail(400, ar.cause().getMessage());
      } else {
        LOG.warn("account request failed: {}", ar.cause().toString());
        msg.fail(503, "temporarily unavailable, try again");
      }
    });
  }

  private static void answer(Message<JsonObject> msg, java.util.function.Supplier<Future<JsonObject>> work) {
    answer(msg, guarded(work));
  }

  private static Future<JsonObject> guarded(java.util.function.Supplier<Future<JsonObject>> work) {
    try {
      return work.get();
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }

  private static String clip(String text, int max) {
    return text == null ? null : text.length() <= max ? text : text.substring(0, max);
  }
}
