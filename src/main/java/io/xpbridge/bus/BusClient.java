package io.xpbridge.bus;

import io.vertx.core.Future;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * The requesting side of {@link Bus}: one typed method per address, each with the bus timeout.
 * Failures stay {@link ReplyException}s (the code the handler chose, or TIMEOUT / NO_HANDLERS);
 * {@link #failureCode}, {@link #isTransient} and {@link Refusal#of} read them.
 */
public final class BusClient {
  private final EventBus bus;
  private final long timeoutMs;

  public BusClient(EventBus bus) {
    this(bus, Bus.REQUEST_TIMEOUT_MS);
  }

  public BusClient(EventBus bus, long timeoutMs) {
    this.bus = bus;
    this.timeoutMs = timeoutMs;
  }

  /** The same bus with another timeout, for requests that take longer than most. */
  public BusClient withTimeout(long otherTimeoutMs) {
    return new BusClient(bus, otherTimeoutMs);
  }

  /** Every request carries its deadline ({@link Bus#DEADLINE_HEADER}): past it, nobody hears the answer. */
  public <R> Future<R> request(String address, Object message, Class<R> replyType) {
    DeliveryOptions options = new DeliveryOptions().setSendTimeout(timeoutMs)
        .addHeader(Bus.DEADLINE_HEADER, Long.toString(System.currentTimeMillis() + timeoutMs));
    // An untrusted event from the admin API is JSON already: sent as it came, the engine checks it.
    Object body = message instanceof JsonObject json ? json : BusJson.encode(message);
    return bus.<Object>request(address, body, options)
        .map(reply -> BusJson.decode(body(reply), replyType));
  }

  /**
   * A bot's event. Its key names the platform action (a message, a dice roll, a day), so a key that
   * another request spent ({@link Refusal#KEY_REUSED}: the dice rolled again on a re-delivered
   * message, an amount changed by a config change in between) means this action was counted
   * already: it is answered as a duplicate of that event.
   */
  public Future<SubmitReply> submit(SubmitEvent event) {
    return submit(BusJson.encode(event)).recover(failure -> {
      Refusal.Refused refused = Refusal.of(failure);
      if (refused == null || refused.refusal() != Refusal.KEY_REUSED) {
        return Future.failedFuture(failure);
      }
      return Future.succeededFuture(new SubmitReply(Long.parseLong(refused.detail()), true,
          SubmitReply.Status.COMPLETED, "idempotency key reused with a different request"));
    });
  }

  /** An event as someone outside sent it (the admin API): the engine checks every field itself. */
  public Future<SubmitReply> submit(JsonObject untrustedEvent) {
    return request(Bus.EVENTS_SUBMIT, untrustedEvent, SubmitReply.class).map(BusClient::withStatus);
  }

  /**
   * Events as someone outside sent them, in one message: each result is what {@link #submit(JsonObject)}
   * would have given for that event (a failure is the same {@link ReplyException}); when the message
   * itself fails (timeout, no engine) every event fails with it.
   */
  public Future<List<Future<SubmitReply>>> submitAll(JsonArray untrustedEvents) {
    return request(Bus.EVENTS_SUBMIT_BATCH, new JsonObject().put("events", untrustedEvents), SubmitBatchReply.class)
        .map(batch -> batch.results().stream().map(result -> result.reply() != null
            ? Future.succeededFuture(withStatus(result.reply()))
            : Future.<SubmitReply>failedFuture(new ReplyException(ReplyFailure.RECIPIENT_FAILURE, result.failureCode(),
                result.message()))).toList());
  }

  // An engine of a version before the outcome was reported (a rolling restart) applied the event or
  // failed the request: a reply without status means completed.
  private static SubmitReply withStatus(SubmitReply reply) {
    return reply.status() != null ? reply
        : new SubmitReply(reply.eventId(), reply.duplicate(), SubmitReply.Status.COMPLETED, reply.error());
  }

  public Future<Players.Registered> register(Players.Register registration) {
    return request(Bus.PLAYERS_REGISTER, registration, Players.Registered.class);
  }

  public Future<Players.Profile> profile(Players.ProfileQuery query) {
    return request(Bus.PLAYERS_PROFILE, query, Players.Profile.class);
  }

  public Future<Players.Top> top(Players.TopQuery query) {
    return request(Bus.PLAYERS_TOP, query, Players.Top.class);
  }

  public Future<Players.Visibility> visibility(Players.VisibilityChange change) {
    return request(Bus.PLAYERS_VISIBILITY, change, Players.Visibility.class);
  }

  public Future<Privacy.Overview> privacyOverview(Privacy.Account account) {
    return request(Bus.PRIVACY_OVERVIEW, account, Privacy.Overview.class);
  }

  public Future<Privacy.Roles> privacyRoles(Privacy.RolesChange change) {
    return request(Bus.PRIVACY_ROLES, change, Privacy.Roles.class);
  }

  public Future<Privacy.ExportFile> privacyExport(Privacy.Account account) {
    return request(Bus.PRIVACY_EXPORT, account, Privacy.ExportFile.class);
  }

  public Future<Privacy.DeleteOutcome> privacyDelete(Privacy.Account account) {
    return request(Bus.PRIVACY_DELETE, account, Privacy.DeleteOutcome.class);
  }

  public Future<Links.Issued> issueLinkCode(Links.Account account) {
    return request(Bus.LINK_ISSUE, account, Links.Issued.class);
  }

  public Future<Links.Redeemed> redeemLinkCode(Links.Redeem redeem) {
    return request(Bus.LINK_REDEEM, redeem, Links.Redeemed.class);
  }

  public Future<Links.Unlinked> unlink(Links.Account account) {
    return request(Bus.LINK_UNLINK, account, Links.Unlinked.class);
  }

  public Future<Daily.Result> claimDaily(Daily.Claim claim) {
    return request(Bus.DAILY_CLAIM, claim, Daily.Result.class);
  }

  public Future<Admin.ReconcileReport> reconcile(Admin.ReconcileRun run) {
    return request(Bus.RECONCILE_RUN_NOW, run, Admin.ReconcileReport.class);
  }

  public Future<Admin.Stats> stats() {
    return request(Bus.STATS, Admin.Empty.INSTANCE, Admin.Stats.class);
  }

  public Future<Admin.QueueDepth> queueDepth() {
    return request(Bus.QUEUE_DEPTH, Admin.Empty.INSTANCE, Admin.QueueDepth.class);
  }

  public Future<Admin.Requeued> requeue(Admin.Requeue requeue) {
    return request(Bus.EVENTS_REQUEUE, requeue, Admin.Requeued.class);
  }

  public Future<Admin.CleanupReport> cleanup() {
    return request(Bus.CLEANUP_RUN_NOW, Admin.Empty.INSTANCE, Admin.CleanupReport.class);
  }

  public Future<Admin.DatabaseHealth> databaseHealth() {
    return request(Bus.HEALTH_DATABASE, Admin.Empty.INSTANCE, Admin.DatabaseHealth.class);
  }

  private static JsonObject body(Message<Object> reply) {
    return reply.body() instanceof JsonObject json ? json : new JsonObject();
  }

  /** The code a handler chose with {@code fail(code, text)}; -1 for timeouts and missing handlers. */
  public static int failureCode(Throwable failure) {
    if (failure instanceof ReplyException reply && reply.failureType() == ReplyFailure.RECIPIENT_FAILURE) {
      return reply.failureCode();
    }
    return -1;
  }

  /** Nobody answered in time, nobody listens, or the handler said "try later": worth asking again. */
  public static boolean isTransient(Throwable failure) {
    return failure instanceof ReplyException reply
        && (reply.failureType() == ReplyFailure.TIMEOUT || reply.failureType() == ReplyFailure.NO_HANDLERS
            || failureCode(failure) == 503);
  }
}
