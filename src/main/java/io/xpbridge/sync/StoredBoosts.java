package io.xpbridge.sync;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.xpbridge.bus.Admin;
import io.xpbridge.bus.Bus;
import io.xpbridge.bus.BusServer;
import io.xpbridge.domain.Economy;
import io.xpbridge.domain.InvalidRequestException;
import io.xpbridge.domain.Platform;
import io.xpbridge.store.BoostStore;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The boosts an admin starts over the API ({@link Bus#BOOSTS_START}), stored, and read back by every
 * engine: at start, on {@link Bus#BOOSTS_CHANGED} (published by the engine that stored one) and on
 * the safety-net timer (for engines in other processes). {@link Bus#BOOSTS_LIST} shows them with the
 * config's boosts.
 */
final class StoredBoosts {
  private static final Logger LOG = LoggerFactory.getLogger(StoredBoosts.class);
  static final long MAX_MINUTES = 31L * 24 * 60;

  private final Vertx vertx;
  private final BoostStore store;
  private final Supplier<List<Economy.Boost>> configBoosts;
  private final Consumer<List<Economy.Boost>> onLoaded;
  private volatile List<BoostStore.Stored> loaded = List.of();

  StoredBoosts(Vertx vertx, BoostStore store, Supplier<List<Economy.Boost>> configBoosts,
      Consumer<List<Economy.Boost>> onLoaded) {
    this.vertx = vertx;
    this.store = store;
    this.configBoosts = configBoosts;
    this.onLoaded = onLoaded;
  }

  Future<Void> start() {
    BusServer.serve(vertx.eventBus(), Bus.BOOSTS_START, Admin.StartBoost.class, this::startBoost);
    BusServer.serve(vertx.eventBus(), Bus.BOOSTS_LIST, Admin.Empty.class, request -> Future.succeededFuture(list()));
    // Cluster-wide: a boost started through one node's API applies on every node's engine.
    vertx.eventBus().consumer(Bus.BOOSTS_CHANGED, msg -> reload());
    return reload();
  }

  /** Reads the stored boosts again; a failure keeps the ones known (logged, retried on the next tick). */
  Future<Void> reload() {
    return store.current().map(stored -> {
      loaded = stored;
      onLoaded.accept(stored.stream().map(BoostStore.Stored::boost).toList());
      return (Void) null;
    }).recover(e -> {
      LOG.warn("could not read the stored boosts, the known ones stay: {}", e.toString());
      return Future.succeededFuture();
    });
  }

  private Future<Admin.BoostView> startBoost(Admin.StartBoost request) {
    String name = request.name() == null ? "" : request.name().trim();
    if (name.isEmpty() || name.length() > 64) {
      throw new InvalidRequestException("'name' is required (1 to 64 characters)");
    }
    io.xpbridge.bus.TextRules.requireStorable("name", name);
    if (request.multiplier() == null || !Double.isFinite(request.multiplier()) || request.multiplier() < 0
        || request.multiplier() > 100) {
      throw new InvalidRequestException("'multiplier' must be a number from 0 to 100");
    }
    if (request.minutes() == null || request.minutes() < 1 || request.minutes() > MAX_MINUTES) {
      throw new InvalidRequestException("'minutes' must be a whole number from 1 to " + MAX_MINUTES);
    }
    Set<Platform> platforms = platforms(request.platforms());
    return store.start(name, BigDecimal.valueOf(request.multiplier()), platforms, request.minutes())
        .compose(stored -> reload().map(v -> {
          vertx.eventBus().publish(Bus.BOOSTS_CHANGED, new JsonObject());
          LOG.info("boost '{}' x{} on {} started by an admin, until {}", name, request.multiplier(), platforms,
              Instant.ofEpochMilli(stored.boost().toMs()));
          return view(stored.id(), stored.boost(), "api");
        }));
  }

  private static Set<Platform> platforms(List<String> names) {
    if (names == null || names.isEmpty()) {
      return EnumSet.of(Platform.TELEGRAM, Platform.DISCORD);
    }
    Set<Platform> platforms = EnumSet.noneOf(Platform.class);
    for (String name : names) {
      Platform platform = Platform.playersOn(name);
      if (platform == null) {
        throw new InvalidRequestException("'platforms' may list telegram and discord, got '" + name + "'");
      }
      platforms.add(platform);
    }
    return platforms;
  }

  private Admin.Boosts list() {
    long now = System.currentTimeMillis();
    List<Admin.BoostView> views = new ArrayList<>();
    configBoosts.get().stream().filter(b -> b.toMs() > now).forEach(b -> views.add(view(null, b, "config")));
    loaded.forEach(stored -> views.add(view(stored.id(), stored.boost(), "api")));
    views.sort(Comparator.comparing(Admin.BoostView::to));
    return new Admin.Boosts(views);
  }

  private static Admin.BoostView view(Long id, Economy.Boost boost, String source) {
    long now = System.currentTimeMillis();
    return new Admin.BoostView(id, boost.name(), boost.multiplier(), Instant.ofEpochMilli(boost.fromMs()).toString(),
        Instant.ofEpochMilli(boost.toMs()).toString(),
        boost.platforms().stream().map(Platform::wireName).sorted().toList(), source,
        boost.fromMs() <= now && now < boost.toMs());
  }
}
