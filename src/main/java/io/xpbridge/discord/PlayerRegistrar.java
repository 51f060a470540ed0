package io.xpbridge.discord;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.xpbridge.bus.Bus;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the account verticle a Discord user's name once per process, so leaderboards show names.
 * Optional for correctness: the sync engine creates Discord-only players from a bare discordId.
 * Event-loop only.
 */
final class PlayerRegistrar {
  private static final Logger log = LoggerFactory.getLogger(PlayerRegistrar.class);
  private static final int REMEMBERED_USERS = 50_000;

  private final BusCalls bus;
  // Bounded so a huge guild cannot grow it forever; forgetting only costs one extra request.
  private final Map<Long, String> registered = new LinkedHashMap<>(1024, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Long, String> eldest) {
      return size() > REMEMBERED_USERS;
    }
  };

  PlayerRegistrar(BusCalls bus) {
    this.bus = bus;
  }

  /** Never fails: a missing account service must not cost the player their XP. */
  Future<Void> ensure(long discordId, String username) {
    if (username != null && username.equals(registered.get(discordId))) {
      return Future.succeededFuture();
    }
    JsonObject body = new JsonObject().put("discordId", discordId).put("username", username);
    return bus.request(Bus.PLAYERS_REGISTER, body)
        .onSuccess(reply -> registered.put(discordId, username))
        .onFailure(e -> log.debug("Could not register Discord user {}: {}", discordId, e.getMessage()))
        .<Void>mapEmpty()
        .otherwiseEmpty();
  }
}
