package io.xpbridge.sync;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.xpbridge.bus.Bus;
import io.xpbridge.domain.EventStatus;
import io.xpbridge.domain.MirrorTarget;
import io.xpbridge.store.DeliveryStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Delivers the platform effects of applied events over the bus to the bot verticles. A platform
 * whose bot is not deployed makes its effects wait (not counted as a retry); a bot that answers
 * with an error makes the event retry with backoff and end as failed with the bot's words. A bot
 * that answers 429 (its platform is rate-limiting it) makes the effect wait too, uncounted. One
 * that answers {@link Bus#EFFECT_NEEDS_FIX} fails the event at once: no retry can help before a
 * person fixes the config or a permission (then requeue it).
 */
final class EffectDeliverer {
  record Report(int claimed, int completed, int retrying, int waiting, int failed) {
    static final Report EMPTY = new Report(0, 0, 0, 0, 0);
  }

  private enum Result { DELIVERED, NO_BOT, THROTTLED, ERROR, NEEDS_FIX }

  private record Attempt(EffectMessages.Delivery delivery, Result result, String error) {}

  private final Vertx vertx;
  private final DeliveryStore store;
  private final Supplier<EngineRules> rules;
  private final String instanceId;

  EffectDeliverer(Vertx vertx, DeliveryStore store, Supplier<EngineRules> rules, String instanceId) {
    this.vertx = vertx;
    this.store = store;
    this.rules = rules;
    this.instanceId = instanceId;
  }

  Future<Report> deliverDue() {
    EngineRules current = rules.get();
    return store.claim(current.sync().batchSize(), current.sync().claimLeaseSeconds(), instanceId)
        .compose(claimed -> {
          if (claimed.isEmpty()) {
            return Future.succeededFuture(Report.EMPTY);
          }
          List<Long> players = claimed.stream().map(DeliveryStore.Claimed::playerId).distinct().toList();
          return store.targets(players).compose(targets -> deliver(claimed, targets, current));
        });
  }

  private Future<Report> deliver(List<DeliveryStore.Claimed> claimed, Map<Long, DeliveryStore.Target> targets,
      EngineRules current) {
    List<Future<List<Attempt>>> perEvent = new ArrayList<>();
    for (DeliveryStore.Claimed event : claimed) {
      List<EffectMessages.Delivery> deliveries;
      try {
        deliveries = EffectMessages.forEvent(event, targets.get(event.playerId()), current);
      } catch (RuntimeException unreadable) {
        // One event we cannot make sense of fails alone (and can be requeued once fixed).
        perEvent.add(Future.succeededFuture(List.of(new Attempt(new EffectMessages.Delivery(MirrorTarget.NONE, null, null,
            false, null), Result.ERROR, "cannot build the effect: " + unreadable))));
        continue;
      }
      List<Future<Attempt>> attempts = deliveries.stream()
          .map(d -> send(d, current.sync().effectTimeoutMs())).toList();
      perEvent.add(Future.join(attempts).transform(ar -> Future.succeededFuture(
          attempts.stream().map(Future::result).toList())));
    }
    return Future.join(perEvent).compose(all -> {
      List<DeliveryStore.Finish> finishes = new ArrayList<>();
      Map<Long, DeliveryStore.Told> told = new HashMap<>();
      int completed = 0;
      int retrying = 0;
      int waiting = 0;
      int failed = 0;
      for (int i = 0; i < claimed.size(); i++) {
        DeliveryStore.Claimed event = claimed.get(i);
        DeliveryStore.Finish finish = finish(event, perEvent.get(i).result(), current);
        finishes.add(finish);
        switch (finish.status()) {
          case COMPLETED -> completed++;
          case FAILED -> failed++;
          default -> {
            if (finish.countsAsRetry()) {
              retrying++;
            } else {
              waiting++;
            }
          }
        }
        recordTold(told, event, targets.get(event.playerId()), perEvent.get(i).result());
      }
      Report report = new Report(claimed.size(), completed, retrying, waiting, failed);
      return store.finish(finishes, new ArrayList<>(told.values()), instanceId).map(report);
    });
  }

  private Future<Attempt> send(EffectMessages.Delivery delivery, long timeoutMs) {
    if (delivery.silent()) {
      return Future.succeededFuture(new Attempt(delivery, Result.DELIVERED, null));
    }
    return vertx.eventBus()
        .request(delivery.address(), delivery.message(), new DeliveryOptions().setSendTimeout(timeoutMs))
        .map(reply -> new Attempt(delivery, Result.DELIVERED, null))
        .otherwise(failure -> {
          if (failure instanceof ReplyException reply && reply.failureType() == ReplyFailure.NO_HANDLERS) {
            return new Attempt(delivery, Result.NO_BOT, "waiting for the " + delivery.platform().wireName() + " bot to connect");
          }
          if (failure instanceof ReplyException reply && reply.failureCode() == 429) {
            // The platform's rate limit, not the effect, is the problem: wait like for an absent bot.
            return new Attempt(delivery, Result.THROTTLED, delivery.platform().wireName() + " is rate-limiting: " + failure.getMessage());
          }
          if (failure instanceof ReplyException reply && reply.failureCode() == Bus.EFFECT_NEEDS_FIX) {
            return new Attempt(delivery, Result.NEEDS_FIX, delivery.platform().wireName() + ": " + failure.getMessage());
          }
          return new Attempt(delivery, Result.ERROR, delivery.platform().wireName() + ": " + failure.getMessage());
        });
  }

  private static DeliveryStore.Finish finish(DeliveryStore.Claimed event, List<Attempt> attempts, EngineRules rules) {
    Set<MirrorTarget> delivered = new LinkedHashSet<>(event.deliveredTo());
    List<String> errors = new ArrayList<>();
    List<String> waits = new ArrayList<>();
    boolean botAbsent = false;
    boolean needsFix = false;
    for (Attempt attempt : attempts) {
      switch (attempt.result()) {
        case DELIVERED -> delivered.add(attempt.delivery().platform());
        case NO_BOT -> {
          waits.add(attempt.error());
          botAbsent = true;
        }
        case THROTTLED -> waits.add(attempt.error());
        case ERROR -> errors.add(attempt.error());
        case NEEDS_FIX -> {
          errors.add(attempt.error());
          needsFix = true;
        }
      }
    }
    List<MirrorTarget> deliveredTo = List.copyOf(delivered);
    MirrorTarget processedBy = MirrorTarget.of(delivered.contains(MirrorTarget.TELEGRAM),
        delivered.contains(MirrorTarget.DISCORD));
    if (!errors.isEmpty()) {
      String error = String.join("; ", errors);
      int attempt = event.retries() + 1;
      if (needsFix || attempt > rules.sync().maxRetries()) {
        return new DeliveryStore.Finish(event.id(), EventStatus.FAILED, deliveredTo, processedBy, error, true, 0);
      }
      return new DeliveryStore.Finish(event.id(), EventStatus.PENDING, deliveredTo, processedBy, error, true,
          rules.sync().backoffMs(attempt));
    }
    if (!waits.isEmpty()) {
      // An absent bot comes back rarely (and says so on PLATFORM_READY); a throttled one soon.
      long delay = botAbsent ? rules.sync().effectWaitMs() : rules.sync().retryBackoffMs();
      return new DeliveryStore.Finish(event.id(), EventStatus.PENDING, deliveredTo, processedBy, String.join("; ", waits),
          false, delay);
    }
    return new DeliveryStore.Finish(event.id(), EventStatus.COMPLETED, deliveredTo, processedBy, null, false, 0);
  }

  private static void recordTold(Map<Long, DeliveryStore.Told> told, DeliveryStore.Claimed event,
      DeliveryStore.Target target, List<Attempt> attempts) {
    if (target == null) {
      return;
    }
    for (Attempt attempt : attempts) {
      Integer rank = attempt.delivery().toldRank();
      if (attempt.result() != Result.DELIVERED || rank == null) {
        continue;
      }
      DeliveryStore.Told previous = told.getOrDefault(event.playerId(),
          new DeliveryStore.Told(event.playerId(), null, null, null, null, null, null));
      Long xp = target.xp();
      Long balance = target.balance();
      DeliveryStore.Told next = attempt.delivery().platform() == MirrorTarget.DISCORD
          ? new DeliveryStore.Told(event.playerId(), previous.telegramRank(), previous.telegramXp(),
              previous.telegramBalance(), rank, xp, balance)
          : new DeliveryStore.Told(event.playerId(), rank, xp, balance, previous.discordRank(), previous.discordXp(),
              previous.discordBalance());
      told.put(event.playerId(), next);
    }
  }
}
