package io.xpbridge.discord;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.xpbridge.bus.Bus;

/** Sends XP earned in Discord to the sync engine as an idempotent {@code xp_change} event. */
final class XpSubmitter {
  private final BusCalls bus;
  private final PlayerRegistrar registrar;

  XpSubmitter(BusCalls bus, PlayerRegistrar registrar) {
    this.bus = bus;
    this.registrar = registrar;
  }

  /** Completes with the engine's reply {eventId, duplicate}. */
  Future<JsonObject> submit(long discordId, String username, long xp, String idempotencyKey, String entityId,
      String reason) {
    JsonObject event = new JsonObject()
        .put("source", "discord")
        .put("type", "xp_change")
        .put("discordId", discordId)
        .put("xp", xp)
        .put("idempotencyKey", idempotencyKey)
        .put("entityId", entityId)
        .put("reason", reason);
    return registrar.ensure(discordId, username).compose(v -> bus.request(Bus.EVENTS_SUBMIT, event));
  }
}
