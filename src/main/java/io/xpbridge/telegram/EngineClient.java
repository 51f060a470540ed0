package io.xpbridge.telegram;

import io.vertx.core.Future;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import io.xpbridge.bus.Bus;

/**
 * The bot's only way to the rest of the system: JSON requests over the addresses of {@link Bus},
 * each with an explicit timeout. Failures stay {@code ReplyException}s (with the code the handler
 * chose, or TIMEOUT / NO_HANDLERS) so {@link Texts#busFailure} can explain them to the player.
 */
final class EngineClient {

  private final EventBus bus;
  private final DeliveryOptions options = new DeliveryOptions().setSendTimeout(Bus.REQUEST_TIMEOUT_MS);

  EngineClient(EventBus bus) {
    this.bus = bus;
  }

  Future<JsonObject> request(String address, JsonObject body) {
    return bus.<Object>request(address, body, options).map(EngineClient::bodyOf);
  }

  private static JsonObject bodyOf(Message<Object> reply) {
    Object body = reply.body();
    return body instanceof JsonObject json ? json : new JsonObject();
  }
}
