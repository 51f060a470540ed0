package io.xpbridge.discord;

import io.vertx.core.Future;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonObject;
import io.xpbridge.bus.Bus;

/** Requests to the other verticles, with the bus timeout and failures people can read. */
final class BusCalls {
  static final String NOT_ANSWERING =
      "xpbridge is not answering right now (the service may be restarting). Please try again in a minute.";

  private final EventBus bus;
  private final DeliveryOptions options = new DeliveryOptions().setSendTimeout(Bus.REQUEST_TIMEOUT_MS);

  BusCalls(EventBus bus) {
    this.bus = bus;
  }

  Future<JsonObject> request(String address, JsonObject body) {
    return bus.<JsonObject>request(address, body, options).map(reply -> reply.body());
  }

  /** The failure code a handler chose with {@code fail(code, text)}, or -1 for timeouts and missing handlers. */
  static int failureCode(Throwable failure) {
    if (failure instanceof ReplyException reply && reply.failureType() == ReplyFailure.RECIPIENT_FAILURE) {
      return reply.failureCode();
    }
    return -1;
  }

  /**
   * Text to show a player: the handler's own message when it refused on purpose (its texts are
   * written for people), a generic "try later" when nobody answered.
   */
  static String userMessage(Throwable failure) {
    if (failureCode(failure) > 0 && failure.getMessage() != null && !failure.getMessage().isBlank()) {
      return failure.getMessage();
    }
    return NOT_ANSWERING;
  }
}
