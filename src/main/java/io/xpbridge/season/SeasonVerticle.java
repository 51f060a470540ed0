package io.xpbridge.season;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.xpbridge.bus.Admin;
import io.xpbridge.bus.Bus;
import io.xpbridge.bus.BusClient;
import io.xpbridge.bus.BusJson;
import io.xpbridge.bus.BusServer;
import io.xpbridge.bus.Seasons;
import io.xpbridge.bus.TextRules;
import io.xpbridge.config.AppConfig;
import io.xpbridge.domain.InvalidRequestException;
import io.xpbridge.domain.SeasonPeriod;
import io.xpbridge.store.Database;
import io.xpbridge.store.SeasonStore;
import io.xpbridge.worker.PeriodicRun;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seasons: ends one and starts the next on request ({@link Bus#SEASONS_START}) or by the calendar
 * ({@code seasons.autoRollover}, checked on a timer), finishes rollovers a crash interrupted, and
 * lists the seasons. Several instances (other processes) may run: the database lets one rollover
 * through per season and one season per calendar period.
 */
public class SeasonVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(SeasonVerticle.class);
  static final int MAX_NAME_LENGTH = 64;
  static final int TOP = 10;

  private Pool pool;
  private SeasonStore store;
  private SeasonRollover rollover;
  private PeriodicRun checks;
  private BusClient standings;
  private volatile AppConfig config;

  @Override
  public Future<?> start() {
    config = AppConfig.parse(config());
    pool = Database.pool(vertx, config.db().databaseUrl(), 2);
    store = new SeasonStore(pool);
    rollover = new SeasonRollover(vertx, store, () -> config.seasons().rewards(),
        () -> config.discord().hasToken() && config.discord().announceChannelId() != null);
    standings = new BusClient(vertx.eventBus(), 5_000);
    var bus = vertx.eventBus();
    BusServer.serve(bus, Bus.SEASONS_START, Seasons.Start.class, this::startNext);
    BusServer.serve(bus, Bus.SEASONS_LIST, Admin.Empty.class, request -> list());
    BusServer.serve(bus, Bus.SEASONS_CURRENT, Admin.Empty.class, request -> current());
    bus.<AppConfig>localConsumer(Bus.CONFIG_CHANGED, msg -> {
      config = msg.body();
      checks.every(config.seasons().checkIntervalSeconds() * 1000L);
    });
    checks = new PeriodicRun(vertx, this::check);
    checks.every(config.seasons().checkIntervalSeconds() * 1000L);
    // The first check finishes a rollover a crash interrupted before the service reports started.
    return check();
  }

  @Override
  public Future<?> stop() {
    checks.cancel();
    return pool.close();
  }

  private Future<Seasons.SeasonView> startNext(Seasons.Start request) {
    String name = request.name() == null ? null : request.name().strip();
    if (name != null) {
      if (name.isEmpty() || name.length() > MAX_NAME_LENGTH) {
        throw new InvalidRequestException("'name' must be 1 to " + MAX_NAME_LENGTH + " characters");
      }
      TextRules.requireStorable("name", name);
    }
    return store.running().compose(running -> {
      if (running.isEmpty()) {
        return Future.failedFuture(new ReplyException(ReplyFailure.RECIPIENT_FAILURE, 409,
            "no season is running: the previous rollover is still being finished, try again in a few seconds"));
      }
      int ending = running.get().id();
      return rollover.rollOver(ending, name == null ? "Season " + (ending + 1) : name, null)
          .map(flipped -> announce(flipped.started().view(null)));
    });
  }

  /** The periodic check: finish interrupted rollovers, then roll over if the calendar says so. */
  private Future<Void> check() {
    SeasonPeriod period = config.seasons().autoRollover();
    ZoneId zone = config.daily().timezone();
    return rollover.finishInterrupted().compose(v -> period == SeasonPeriod.NONE ? Future.succeededFuture()
        : store.running().compose(running -> {
          Instant now = Instant.now();
          String periodKey = period.periodKey(now, zone);
          if (running.isEmpty() || periodKey.equals(period.periodKey(running.get().startedAt().toInstant(), zone))) {
            return Future.succeededFuture();
          }
          return rollover.rollOver(running.get().id(), period.seasonName(now, zone), periodKey)
              .<Void>map(flipped -> {
                announce(flipped.started().view(null));
                return null;
              })
              .recover(failure -> {
                // Another engine rolling over the same period is the expected loser's answer.
                LOG.debug("automatic rollover for {} not done here: {}", periodKey, failure.getMessage());
                return Future.succeededFuture();
              });
        }))
        .recover(failure -> {
          LOG.warn("season check failed (retried on the next check): {}", failure.toString());
          return Future.succeededFuture();
        });
  }

  private Seasons.SeasonView announce(Seasons.SeasonView started) {
    vertx.eventBus().publish(Bus.SEASONS_CHANGED, BusJson.encode(started));
    vertx.eventBus().send(Bus.EVENTS_PROCESS_NOW, new JsonObject());
    return started;
  }

  private Future<Seasons.SeasonList> list() {
    return store.all().compose(seasons -> {
      List<Future<Seasons.SeasonView>> views = new ArrayList<>();
      for (SeasonStore.Season season : seasons) {
        views.add(withTop(season));
      }
      return Future.all(views).map(v -> new Seasons.SeasonList(views.stream().map(Future::result).toList()));
    });
  }

  private Future<Seasons.SeasonView> current() {
    return store.running().compose(running -> running.isEmpty()
        ? Future.failedFuture(new ReplyException(ReplyFailure.RECIPIENT_FAILURE, 503,
            "no season is running: a rollover is being finished, try again in a few seconds"))
        : withTop(running.get()));
  }

  /** The season with its best {@link #TOP} from the leaderboard; without them when it does not answer. */
  private Future<Seasons.SeasonView> withTop(SeasonStore.Season season) {
    return standings.request(Bus.LEADERBOARD,
            new Seasons.LeaderboardQuery(Integer.toString(season.id()), TOP, 0, null), Seasons.Leaderboard.class)
        .map(board -> season.view(board.players()))
        .otherwise(failure -> {
          LOG.debug("top of season {} unavailable: {}", season.id(), failure.toString());
          return season.view(List.of());
        });
  }
}
