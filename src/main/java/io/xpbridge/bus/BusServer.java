package io.xpbridge.bus;

import io.vertx.core.Future;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonObject;
import io.xpbridge.domain.InvalidRequestException;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The answering side of {@link BusClient}: decodes the request record, runs the handler, replies
 * with its record. Failure codes follow {@link Bus}: bad input 400, a {@link ReplyException} the
 * handler chose (a {@link Refusal}, or a code passed on from a request it made) keeps its code,
 * anything else is logged and answered 503 so the sender tries again later.
 */
public final class BusServer {
  private static final Logger LOG = LoggerFactory.getLogger(BusServer.class);
  static final String TRY_LATER = "temporarily unavailable, try again";

  private BusServer() {}

  /** Answers requests sent from this node only (see {@link Bus} for which addresses cross nodes). */
  public static <Q> MessageConsumer<Object> serve(EventBus bus, String address, Class<Q> requestType,
      Function<Q, Future<?>> handler) {
    return bus.localConsumer(address, message -> answer(message, address, requestType, handler));
  }

  /**
   * Answers requests from every node of the cluster: for the addresses of singleton jobs (the bots'
   * effects, reconcile, cleanup), which run on one node while the engines and the HTTP API that ask
   * them run on all.
   */
  public static <Q> MessageConsumer<Object> serveClusterWide(EventBus bus, String address, Class<Q> requestType,
      Function<Q, Future<?>> handler) {
    return bus.consumer(address, message -> answer(message, address, requestType, handler));
  }

  private static <Q> void answer(Message<Object> message, String address, Class<Q> requestType,
      Function<Q, Future<?>> handler) {
    Future<?> result;
    try {
      if (!(message.body() instanceof JsonObject body)) {
        throw new InvalidRequestException(address + " expects a JSON object");
      }
      result = handler.apply(BusJson.decode(body, requestType));
    } catch (RuntimeException e) {
      result = Future.failedFuture(e);
    }
    result.onComplete(ar -> {
      if (ar.succeeded()) {
        message.reply(ar.result() == null ? new JsonObject() : BusJson.encode(ar.result()));
      } else {
        fail(message, address, ar.cause());
      }
    });
  }

  private static void fail(Message<?> message, String address, Throwable failure) {
    if (failure instanceof ReplyException reply && reply.failureType() == ReplyFailure.RECIPIENT_FAILURE) {
      message.fail(reply.failureCode(), reply.getMessage());
    } else if (failure instanceof InvalidRequestException || failure instanceof IllegalArgumentException) {
      message.fail(400, failure.getMessage());
    } else {
      LOG.warn("{} request failed: {}", address, failure.toString());
      message.fail(503, TRY_LATER);
    }
  }
}
