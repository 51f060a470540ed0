package io.xpbridge.season;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.xpbridge.domain.SeasonReward;
import io.xpbridge.store.SeasonStore;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends a season and starts the next: the flip (milliseconds, with the engine's writes held off),
 * then the archive (standings, rewards, notices; the engine keeps writing meanwhile). The flip waits
 * for the writes in flight at most {@link #FLIP_WAIT_MS} per try, since every new write queues
 * behind a waiting flip; a busy engine makes it try again, up to {@link #FLIP_TRIES} times.
 */
final class SeasonRollover {
  private static final Logger LOG = LoggerFactory.getLogger(SeasonRollover.class);
  static final long FLIP_WAIT_MS = 50;
  static final int FLIP_TRIES = 60;
  static final long FLIP_RETRY_DELAY_MS = 150;
  /** Between chunks of {@code SeasonStore.STANDINGS_CHUNK} standings: 20 pauses at 100,000 players. */
  static final long ARCHIVE_PAUSE_MS = 20;

  private final Vertx vertx;
  private final SeasonStore store;
  private final Supplier<List<SeasonReward>> rewards;
  private final java.util.function.BooleanSupplier announceInDiscord;
  /** One rollover at a time in this process; others (other engines) are kept out by the database. */
  private boolean underWay;

  SeasonRollover(Vertx vertx, SeasonStore store, Supplier<List<SeasonReward>> rewards,
      java.util.function.BooleanSupplier announceInDiscord) {
    this.vertx = vertx;
    this.store = store;
    this.rewards = rewards;
    this.announceInDiscord = announceInDiscord;
  }

  /** The ended and the started season, once both steps are done; fails 409 or 503 with the reason. */
  Future<SeasonStore.Flipped> rollOver(int endingId, String name, String periodKey) {
    if (underWay) {
      return Future.failedFuture(conflict("a season rollover is already under way; try again when it has finished"));
    }
    underWay = true;
    long started = System.nanoTime();
    return flip(endingId, name, periodKey, 1)
        .compose(flipped -> {
          long flippedMs = (System.nanoTime() - started) / 1_000_000;
          // Once flipped, the rollover has happened: an archive that fails now is finished by the timer.
          return archive(flipped.ended().id()).otherwise(failure -> {
            LOG.warn("season {} ended, but its standings could not be archived yet ({}); the next check retries",
                flipped.ended().id(), failure.toString());
            return null;
          }).map(archived -> {
            LOG.info("season {} ({}) ended: {} players with season XP, archived in {} ms (flip {} ms); season {} ({}) started",
                flipped.ended().id(), flipped.ended().name(), archived == null ? "?" : archived.players(),
                (System.nanoTime() - started) / 1_000_000, flippedMs, flipped.started().id(), flipped.started().name());
            return flipped;
          });
        })
        .onComplete(ar -> underWay = false);
  }

  private Future<SeasonStore.Flipped> flip(int endingId, String name, String periodKey, int attempt) {
    return store.flip(endingId, name, periodKey, FLIP_WAIT_MS).onSuccess(flipped -> {
      if (attempt > 1) {
        LOG.info("season {}: the flip got in on try {} (the engine's writes in flight took longer than {} ms)",
            endingId, attempt, FLIP_WAIT_MS);
      }
    }).recover(failure -> {
      if (failure instanceof SeasonStore.FlipRefused refused && refused.busy()) {
        if (attempt >= FLIP_TRIES) {
          return Future.failedFuture(new ReplyException(ReplyFailure.RECIPIENT_FAILURE, 503,
              "the engine stayed too busy to switch seasons; nothing changed, try again"));
        }
        Promise<Void> later = Promise.promise();
        vertx.setTimer(FLIP_RETRY_DELAY_MS, id -> later.complete());
        return later.future().compose(v -> flip(endingId, name, periodKey, attempt + 1));
      }
      if (failure instanceof SeasonStore.FlipRefused refused) {
        return Future.failedFuture(conflict(refused.getMessage()));
      }
      return Future.failedFuture(failure);
    });
  }

  /** Archives {@code seasonId} if it waits for it (also after a crash between the two steps). */
  Future<SeasonStore.Season> archive(int seasonId) {
    return store.archive(seasonId, rewards.get(), announceInDiscord.getAsBoolean(), this::breather)
        .map(archived -> archived.orElse(null));
  }

  /** A short pause between chunks of the archive, in which the engine's work goes first. */
  private Future<Void> breather() {
    Promise<Void> done = Promise.promise();
    vertx.setTimer(ARCHIVE_PAUSE_MS, id -> done.complete());
    return done.future();
  }

  /** Finishes every season a crash (here or in another engine) left between the two steps. */
  Future<Void> finishInterrupted() {
    if (underWay) {
      return Future.succeededFuture();
    }
    return store.archiving().compose(ids -> {
      Future<Void> chain = Future.succeededFuture();
      for (int id : ids) {
        chain = chain.compose(v -> archive(id).map(archived -> {
          if (archived != null) {
            LOG.info("season {} ({}) archived after an interrupted rollover: {} players", archived.id(),
                archived.name(), archived.players());
          }
          return null;
        }));
      }
      return chain;
    });
  }

  private static ReplyException conflict(String why) {
    return new ReplyException(ReplyFailure.RECIPIENT_FAILURE, 409, why);
  }
}
