package io.xpbridge.discord;

import io.vertx.core.Future;
import io.xpbridge.bus.BusClient;
import io.xpbridge.bus.Players;
import io.xpbridge.bus.RegisteredPlayers;
import io.xpbridge.bus.SubmitEvent;
import io.xpbridge.bus.SubmitReply;
import io.xpbridge.domain.Activity;
import io.xpbridge.domain.EventType;
import io.xpbridge.domain.Platform;
import io.xpbridge.domain.PlayerRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Sends XP earned in Discord to the sync engine as an idempotent {@code xp_change} event. */
final class XpSubmitter {
  private static final Logger log = LoggerFactory.getLogger(XpSubmitter.class);

  private final BusClient bus;
  private final RegisteredPlayers players;

  XpSubmitter(BusClient bus, RegisteredPlayers players) {
    this.bus = bus;
    this.players = players;
  }

  /** Fails when the engine did not take the event, or the ledger refused it. */
  Future<SubmitReply> submit(long discordId, String username, String avatarUrl, long xp, String idempotencyKey, String entityId,
      String reason, Activity activity) {
    SubmitEvent event = SubmitEvent.of(Platform.DISCORD, EventType.XP_CHANGE,
            new PlayerRef(PlayerRef.Kind.DISCORD, discordId), idempotencyKey)
        .xp(xp).entity(entityId).reason(reason).activity(activity).build();
    return registered(discordId, username, avatarUrl)
        .compose(v -> bus.submit(event))
        .compose(reply -> reply.refused()
            ? Future.failedFuture("the ledger refused it: " + reply.error())
            : Future.succeededFuture(reply));
  }

  /**
   * The name is only for leaderboards: the engine creates a Discord-only player from the bare id, so a
   * missing account service must not cost the member their XP. Registration is remembered, so the avatar
   * costs a statement only when it changes; voice activity does not carry one and keeps the last known.
   */
  private Future<Void> registered(long discordId, String username, String avatarUrl) {
    String avatar = avatarUrl;
    if (avatar == null) {
      Players.Register last = players.remembered(new PlayerRef(PlayerRef.Kind.DISCORD, discordId));
      avatar = last == null ? null : last.avatarUrl();
    }
    return players.ensure(Players.Register.discord(discordId, username, avatar)).recover(e -> {
      log.debug("Could not register Discord user {}: {}", discordId, e.getMessage());
      return Future.succeededFuture();
    });
  }
}
