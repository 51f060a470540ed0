package io.xpbridge.http;

import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.xpbridge.bus.BusClient;
import io.xpbridge.bus.BusJson;
import io.xpbridge.bus.Refusal;
import io.xpbridge.bus.SubmitReply;
import java.util.List;

/**
 * {@code POST /api/v1/events} and {@code POST /api/v1/events/batch}: each event answered with what
 * became of it, the same way on both routes (see {@link #outcome}).
 */
final class SubmitRoutes {
  static final int MAX_BATCH = 1_000;
  /** Long enough for a saturated engine to work off its backlog (it drains ~25,000 events a second). */
  static final String RETRY_AFTER_SECONDS = "1";

  /** The HTTP answer for one event. */
  record Outcome(int status, JsonObject body) {}

  private final BusClient bus;

  SubmitRoutes(BusClient bus) {
    this.bus = bus;
  }

  void single(RoutingContext ctx) {
    JsonObject event = JsonBodies.objectOrAnswer(ctx);
    if (event == null) {
      return;
    }
    bus.submit(event).onComplete(ar -> {
      Outcome outcome = outcome(ar);
      if (outcome.status() == 503) {
        ctx.response().putHeader("Retry-After", RETRY_AFTER_SECONDS);
      }
      HttpApiVerticle.json(ctx, outcome.status(), outcome.body());
    });
  }

  /**
   * Up to {@link #MAX_BATCH} events, sent to the engine in one message (it applies them together),
   * answered {@code 200 {"results": [{"code", ...}]}} in their order: each result is what the single
   * route would have answered for that event, its status as {@code code}.
   */
  void batch(RoutingContext ctx) {
    JsonArray events = JsonBodies.arrayOrAnswer(ctx);
    if (events == null) {
      return;
    }
    if (events.isEmpty() || events.size() > MAX_BATCH) {
      HttpApiVerticle.error(ctx, 400, "send 1 to " + MAX_BATCH + " events, got " + events.size());
      return;
    }
    // One message; the engine checks every element as it checks a single event (non-objects: 400).
    bus.submitAll(events).onComplete(sent -> answerBatch(ctx, events.size(), sent));
  }

  private static void answerBatch(RoutingContext ctx, int events, AsyncResult<List<Future<SubmitReply>>> sent) {
    JsonArray results = new JsonArray();
    boolean retry = false;
    for (int i = 0; i < events; i++) {
      Outcome outcome = outcome(sent.succeeded() ? sent.result().get(i) : Future.failedFuture(sent.cause()));
      results.add(outcome.body().copy().put("code", outcome.status()));
      retry |= outcome.status() == 503;
    }
    if (retry) {
      ctx.response().putHeader("Retry-After", RETRY_AFTER_SECONDS);
    }
    HttpApiVerticle.json(ctx, 200, new JsonObject().put("results", results));
  }

  /**
   * 202 applied or queued; 200 a key already spent by the same request (the first event's outcome);
   * 422 refused by the ledger, nothing changed; 409 a key spent by a different request; 400/404 bad
   * input or an unknown player; 503 try again (saturated or not answering).
   */
  static Outcome outcome(AsyncResult<SubmitReply> ar) {
    if (ar.succeeded()) {
      SubmitReply reply = ar.result();
      if (reply.duplicate()) {
        return new Outcome(200, BusJson.encode(reply));
      }
      if (reply.refused()) {
        return new Outcome(422, new JsonObject().put("error", reply.error() == null
            ? "the ledger refused the event" : reply.error()).put("eventId", reply.eventId()));
      }
      return new Outcome(202, BusJson.encode(reply));
    }
    Refusal.Refused refused = Refusal.of(ar.cause());
    if (refused != null && refused.refusal() == Refusal.KEY_REUSED) {
      JsonObject body = new JsonObject().put("error", "idempotency key reused with a different request");
      long eventId = Long.parseLong(refused.detail());
      // A key spent by an audit row of no event (a /link merge before link events existed) names none.
      return new Outcome(409, eventId > 0 ? body.put("eventId", eventId) : body);
    }
    int code = BusClient.failureCode(ar.cause());
    if (code >= 400 && code < 600 && code != 500) {
      return new Outcome(code, new JsonObject().put("error", ar.cause().getMessage()));
    }
    return new Outcome(503, new JsonObject().put("error", "service unavailable, try again: " + ar.cause().getMessage()));
  }
}
