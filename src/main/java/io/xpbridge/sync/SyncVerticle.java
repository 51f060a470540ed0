package io.xpbridge.sync;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.xpbridge.bus.Admin;
import io.xpbridge.bus.Bus;
import io.xpbridge.bus.BusJson;
import io.xpbridge.bus.BusServer;
import io.xpbridge.bus.HistoryCursor;
import io.xpbridge.bus.Refusal;
import io.xpbridge.bus.Reports;
import io.xpbridge.bus.SubmitBatchReply;
import io.xpbridge.bus.SubmitMessage;
import io.xpbridge.bus.SubmitReply;
import io.xpbridge.cluster.Membership;
import io.xpbridge.config.AppConfig;
import io.xpbridge.domain.ClaimedEvent;
import io.xpbridge.domain.EventType;
import io.xpbridge.domain.IdempotencyKeys;
import io.xpbridge.domain.InvalidRequestException;
import io.xpbridge.domain.Platform;
import io.xpbridge.domain.PlayerRef;
import io.xpbridge.domain.SubmitRequest;
import io.xpbridge.store.AdminPlayersStore;
import io.xpbridge.store.BoostStore;
import io.xpbridge.store.Database;
import io.xpbridge.store.DeliveryStore;
import io.xpbridge.store.QueueAdminStore;
import io.xpbridge.store.SubmitResult;
import io.xpbridge.store.SubmitStore;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sync engine: accepts events, applies them to the ledger right away, delivers their platform
 * effects, and drains whatever is left on a periodic timer as a safety net. Several instances (in
 * one JVM or many) can run against one database.
 */
public class SyncVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(SyncVerticle.class);

  /**
   * While effects keep coming, an engine starts a round of effect deliveries at most once per this
   * many ms ({@link DrainLoop}; in a cluster of n nodes, once per n times this on each node, so the
   * database sees the same rounds a second); a round on an idle engine, and the one after a full
   * round, start at once. Each round claims, looks up and finishes in transactions of its own, and
   * back-to-back rounds of a few effects each cost the database more than the effects do (in the
   * cluster benchmark one node's loop ran ~38 rounds a second, two nodes' ~71 between them, for the
   * same effects). The price is effect latency under steady load, well inside the one second an
   * effect has: at 1,000 events/s on the 2-core benchmark VM p50 ~31 ms / p99 ~58 ms instead of
   * ~6 / ~23 ms. Pacing only while every intake slot was taken kept p99 (~56 ms) and gave up most of
   * the saving (bench/README.md).
   */
  static final long DELIVERY_PACE_MS = 50;

  /** How long a stop waits for intake batches in flight, as the drain loops wait for theirs. */
  static final long STOP_CEILING_MS = 15_000;

  private final String instanceId = "sync-" + UUID.randomUUID().toString().substring(0, 8);
  /** False for the {@code import} command's engine: no bot runs there, the service delivers. */
  private final boolean deliversEffects;

  public SyncVerticle() {
    this(true);
  }

  /**
   * {@code deliversEffects} false: an engine that applies but leaves every effect to the engines of the
   * running service (the {@code import} command's: without bots of its own it would only mark the
   * service's effects as waiting for a bot, delaying them by {@code sync.effectWaitMs}).
   */
  public SyncVerticle(boolean deliversEffects) {
    this.deliversEffects = deliversEffects;
  }
  private volatile EngineRules rules;
  private Pool pool;
  private SubmitBatcher batcher;
  private LedgerApplier applier;
  private EffectDeliverer deliverer;
  private DeliveryStore deliveryStore;
  private QueueAdminStore admin;
  private AdminPlayersStore adminPlayers;
  private DrainLoop applyLoop;
  private DrainLoop deliveryLoop;
  private long timerId = -1;
  private io.vertx.core.eventbus.MessageConsumer<JsonObject> submitConsumer;
  private io.vertx.core.eventbus.MessageConsumer<JsonObject> submitBatchConsumer;
  private final RunCounters counters = new RunCounters();
  private IntakeLoad intakeLoad;
  private volatile AppConfig appConfig;
  private volatile List<io.xpbridge.domain.Economy.Boost> storedBoosts = List.of();
  private StoredBoosts boosts;

  @Override
  public Future<?> start() {
    AppConfig config = AppConfig.parse(config());
    appConfig = config;
    rules = EngineRules.from(config);
    int poolSize = config.db().poolSize();
    pool = Database.enginePool(vertx, config.db().databaseUrl(), poolSize);
    deliveryStore = new DeliveryStore(pool);
    admin = new QueueAdminStore(pool);
    applier = new LedgerApplier(pool, () -> rules);
    deliverer = new EffectDeliverer(vertx, deliveryStore, () -> rules, instanceId);
    applyLoop = new DrainLoop("apply", this::applyStep);
    // Like the intake budget, the rounds a second are the database's: each node of a cluster takes its share.
    deliveryLoop = new DrainLoop("deliver", this::deliveryStep, vertx,
        () -> DELIVERY_PACE_MS * Membership.place(vertx).count());
    ArrivalApplier arrivals = new ArrivalApplier(pool, new SubmitStore(), () -> rules);
    IntakeSlots slots = new IntakeSlots(intakeBatchesInFlight(poolSize), () -> Membership.place(vertx));
    batcher = new SubmitBatcher(context, arrivals::submit, () -> rules.sync().submitFlushMaxEvents(),
        () -> rules.sync().maxWaitingSubmits(), slots, this::afterIntake);
    intakeLoad = IntakeLoad.of(vertx);
    intakeLoad.register(instanceId, batcher::waitingCount, () -> rules.sync().maxWaitingSubmits(), slots);

    var bus = vertx.eventBus();
    submitConsumer = bus.<JsonObject>localConsumer(Bus.EVENTS_SUBMIT, this::onSubmit);
    submitBatchConsumer = bus.<JsonObject>localConsumer(Bus.EVENTS_SUBMIT_BATCH, this::onSubmitBatch);
    BusServer.serve(bus, Bus.EVENTS_PROCESS_NOW, Admin.Empty.class, request -> drainNow());
    BusServer.serve(bus, Bus.EVENTS_REQUEUE, Admin.Requeue.class, this::requeue);
    AdminPlayersStore players = new AdminPlayersStore(pool);
    adminPlayers = players;
    BusServer.serve(bus, Bus.EVENTS_FAILED, Admin.FailedEventsQuery.class, query -> players.failed(query)
        .recover(e -> Future.failedFuture(unavailable(e.getMessage()))));
    BusServer.serve(bus, Bus.EVENTS_REQUEUE_ALL, Admin.RequeueAll.class, request -> players.requeueAll(request.type())
        .recover(e -> Future.failedFuture(unavailable(e.getMessage())))
        .map(count -> {
          if (count > 0) {
            LOG.info("{} failed events requeued by an admin{}", count,
                request.type() == null ? "" : " (type " + request.type() + ")");
            applyLoop.request();
            deliveryLoop.request();
          }
          return new Admin.RequeuedAll(count);
        }));
    bus.<JsonObject>localConsumer(Bus.PLAYERS_ADJUST, this::onAdjust);
    ImportIntake imports = new ImportIntake(vertx, batcher, new io.xpbridge.store.ImportStore(pool));
    BusServer.serve(bus, Bus.IMPORT_CHUNK, io.xpbridge.bus.Imports.Chunk.class, chunk -> imports.handle(chunk)
        .recover(e -> Future.failedFuture(e instanceof InvalidRequestException ? e
            : unavailable("could not import the chunk, send it again: " + e.getMessage()))));
    BusServer.serve(bus, Bus.PLAYERS_SEARCH, Admin.PlayerSearch.class, query -> players.search(query)
        .recover(e -> Future.failedFuture(unavailable(e.getMessage()))));
    BusServer.serve(bus, Bus.PLAYERS_HISTORY, Admin.HistoryQuery.class, query -> {
      return players.history(query.playerId(), query.limit(), HistoryCursor.parse(query.before()))
          .recover(e -> Future.failedFuture(unavailable(e.getMessage())))
          .compose(history -> history != null ? Future.succeededFuture(history)
              : Future.failedFuture(new ReplyException(ReplyFailure.RECIPIENT_FAILURE, 404,
                  "no player with id " + query.playerId())));
    });
    BusServer.serve(bus, Bus.STATS, Admin.Empty.class, request -> admin.stats()
        .map(stats -> BusJson.decode(stats.put("intakeWaiting", intakeLoad.waiting())
            .put("intakeCapacity", intakeLoad.capacity()), Admin.Stats.class))
        .recover(e -> Future.failedFuture(unavailable("stats unavailable: " + e.getMessage()))));
    BusServer.serve(bus, Bus.QUEUE_DEPTH, Admin.Empty.class, request -> admin.depth()
        .recover(e -> Future.failedFuture(unavailable("queue depth unavailable: " + e.getMessage()))));
    BusServer.serve(bus, Bus.HEALTH_DATABASE, Admin.Empty.class, request -> admin.ping()
        .map(v -> new Admin.DatabaseHealth("up"))
        .recover(e -> Future.failedFuture(unavailable("database unreachable: " + e.getMessage()))));
    // Cluster-wide: a bot that came up on another node delivers what this node's engine kept waiting.
    bus.<JsonObject>consumer(Bus.PLATFORM_READY, msg -> deliveryStore.wakeWaiting()
        .onSuccess(n -> deliveryLoop.request()));
    bus.<AppConfig>localConsumer(Bus.CONFIG_CHANGED, msg -> applyConfig(msg.body()));

    boosts = new StoredBoosts(vertx, new BoostStore(pool), () -> appConfig.economy().boosts(), stored -> {
      storedBoosts = stored;
      rules = EngineRules.from(appConfig, stored);
    });
    scheduleTimer();
    LOG.info("sync engine {} started: batch {}, interval {} ms, max retries {}", instanceId,
        rules.sync().batchSize(), rules.sync().intervalMs(), rules.sync().maxRetries());
    applyLoop.request();
    deliveryLoop.request();
    return boosts.start();
  }

  /**
   * Intake batches written at the same time against the database, each on its own connection: half
   * the pool, at most 4, leaving connections for deliveries and the queue. On the 2-core benchmark
   * machine 4 beat 2 (more overlap of PostgreSQL's work with the JVM's) and 6 (more contention):
   * bench/README.md. A budget for the whole cluster: each node takes its share ({@link IntakeSlots}).
   */
  static int intakeBatchesInFlight(int poolSize) {
    return Math.max(1, Math.min(4, poolSize / 2));
  }

  /**
   * Graceful: stop intake, let the intake batches and the queue and delivery batches in flight commit
   * (or roll back whole) and their senders hear so, then close the pool.
   */
  @Override
  public Future<?> stop() {
    Future<Void> intakeClosed = Future.join(submitConsumer.unregister(), submitBatchConsumer.unregister()).mapEmpty();
    vertx.cancelTimer(timerId);
    return intakeClosed.compose(v -> batcher.drained(STOP_CEILING_MS))
        .compose(v -> Future.join(applyLoop.stop(vertx), deliveryLoop.stop(vertx)))
        .onComplete(ar -> LOG.info("sync engine {} stopped: in-flight batches finished", instanceId))
        .onComplete(ar -> intakeLoad.unregister(instanceId))
        .transform(ar -> pool.close());
  }

  private void onSubmit(Message<JsonObject> msg) {
    SubmitRequest request;
    try {
      request = SubmitMessage.parse(msg.body());
    } catch (InvalidRequestException | IllegalArgumentException e) {
      msg.fail(400, e.getMessage());
      return;
    }
    intake(msg, request, null);
  }

  /**
   * An admin's adjustment: a {@code system} event (so it is mirrored to both platforms and the rank
   * role and rank-up message follow) through the same intake as every submit. A change of XP only is
   * an {@code xp_change}, of balance only a {@code balance_change}, of both a {@code reward_grant}.
   */
  private void onAdjust(Message<JsonObject> msg) {
    Admin.Adjust adjust;
    String key;
    try {
      adjust = BusJson.decode(msg.body(), Admin.Adjust.class);
      if (adjust.playerId() <= 0 || adjust.reason() == null || adjust.reason().isBlank()
          || adjust.setXp() == null && adjust.xp() == 0 && adjust.balance() == 0 || adjust.idempotencyKey() == null
          || adjust.setXp() != null && (adjust.xp() != 0 || adjust.setXp() < 0)) {
        throw new InvalidRequestException("an adjustment needs playerId, reason, idempotencyKey and a non-zero xp or "
            + "balance, or a setXp of at least 0 without xp");
      }
      key = "admin_" + adjust.idempotencyKey();
      IdempotencyKeys.requireValid(key);
    } catch (InvalidRequestException | IllegalArgumentException e) {
      msg.fail(400, e.getMessage());
      return;
    }
    String reason = adjust.reason();
    PlayerRef player = new PlayerRef(PlayerRef.Kind.PLAYER, adjust.playerId());
    if (adjust.setXp() == null) {
      EventType type = adjust.balance() == 0 ? EventType.XP_CHANGE
          : adjust.xp() == 0 ? EventType.BALANCE_CHANGE : EventType.REWARD_GRANT;
      String payload = new JsonObject().put("reason", reason).put("admin", true).encode();
      intake(msg, new SubmitRequest(Platform.SYSTEM, type, player, adjust.xp(), adjust.balance(), null, key, reason,
          payload), null);
      return;
    }
    // setXp: the difference from the XP read now, written as a reward_grant (audited even when it is 0).
    long setXp = adjust.setXp();
    adminPlayers.xpOf(adjust.playerId()).onComplete(read -> {
      if (read.failed()) {
        msg.fail(503, "could not read the player's XP, try again: " + read.cause().getMessage());
      } else if (read.result() == null) {
        msg.fail(404, "no player with id " + adjust.playerId());
      } else {
        long from = read.result();
        String payload = new JsonObject().put("reason", reason).put("admin", true).put("setXp", setXp)
            .put("fromXp", from).encode();
        // The same key again finds the XP already set (a difference of 0): a different request to the
        // intake, so the stored event's setXp decides whether it is this adjustment again.
        intake(msg, new SubmitRequest(Platform.SYSTEM, EventType.REWARD_GRANT, player, setXp - from, adjust.balance(),
            null, key, reason, payload), spent -> adminPlayers.setXpOfEvent(spent.eventId()).map(stored ->
                stored != null && stored.setXp() != null && stored.setXp() == setXp && stored.balance() == adjust.balance()
                    ? reply(new SubmitResult(spent.eventId(), true, stored.status(), stored.error())) : null));
      }
    });
  }

  /**
   * Stores and applies {@code request}, answering {@code msg}. When its key is spent by another
   * request, {@code sameRequest} (when given) may still recognise it: a reply means a duplicate of the
   * same request, null the 409.
   */
  private void intake(Message<JsonObject> msg, SubmitRequest request,
      Function<SubmitResult, Future<SubmitReply>> sameRequest) {
    accept(request, deadlineOf(msg), sameRequest).onComplete(ar -> {
      if (ar.succeeded()) {
        msg.reply(BusJson.encode(ar.result()));
      } else {
        ReplyException failure = asReply(ar.cause());
        msg.fail(failure.failureCode(), failure.getMessage());
      }
    });
  }

  /**
   * {@link Bus#EVENTS_SUBMIT_BATCH}: every event handed to the batcher in this one turn, so they go
   * out together; each answered as {@link #onSubmit} would have.
   */
  private void onSubmitBatch(Message<JsonObject> msg) {
    Object events = msg.body() == null ? null : msg.body().getValue("events");
    if (!(events instanceof io.vertx.core.json.JsonArray array)) {
      msg.fail(400, "a batch is {\"events\": [...]}");
      return;
    }
    long deadline = deadlineOf(msg);
    List<Future<SubmitReply>> accepted = new ArrayList<>(array.size());
    for (Object event : array) {
      try {
        if (!(event instanceof JsonObject object)) {
          throw new InvalidRequestException("each event must be a JSON object");
        }
        accepted.add(accept(SubmitMessage.parse(object), deadline, null));
      } catch (InvalidRequestException | IllegalArgumentException e) {
        accepted.add(Future.failedFuture(new ReplyException(ReplyFailure.RECIPIENT_FAILURE, 400, e.getMessage())));
      }
    }
    Future.join(accepted).onComplete(done -> msg.reply(BusJson.encode(new SubmitBatchReply(accepted.stream()
        .map(SyncVerticle::batchResult).toList()))));
  }

  /**
   * Stores and applies {@code request}: its reply once durable, or a {@link ReplyException} with the
   * code its sender is answered with (503 full or not stored, 409 key reused, 404 unknown player).
   */
  private Future<SubmitReply> accept(SubmitRequest request, long deadlineMs,
      Function<SubmitResult, Future<SubmitReply>> sameRequest) {
    return batcher.submit(request, deadlineMs).transform(ar -> {
      if (ar.failed() && ar.cause() instanceof SubmitBatcher.Full full) {
        return refuse(503, full.getMessage());
      } else if (ar.failed()) {
        LOG.debug("could not store event {}: {}", request.idempotencyKey(), ar.cause().toString());
        return refuse(503, "could not store the event, try again: " + ar.cause().getMessage());
      } else if (ar.result().keyReused()) {
        String reused = Refusal.KEY_REUSED.wire(Long.toString(ar.result().eventId()));
        if (sameRequest == null) {
          return refuse(Refusal.KEY_REUSED.failureCode(), reused);
        }
        return sameRequest.apply(ar.result()).transform(same -> same.failed()
            ? refuse(503, "could not read the spent key's event, try again: " + same.cause().getMessage())
            : same.result() == null ? refuse(Refusal.KEY_REUSED.failureCode(), reused)
            : Future.succeededFuture(same.result()));
      } else if (!ar.result().stored()) {
        return refuse(404, ar.result().error());
      }
      return Future.succeededFuture(reply(ar.result()));
    });
  }

  private static SubmitBatchReply.Result batchResult(Future<SubmitReply> accepted) {
    if (accepted.succeeded()) {
      return SubmitBatchReply.Result.of(accepted.result());
    }
    ReplyException failure = asReply(accepted.cause());
    return SubmitBatchReply.Result.failure(failure.failureCode(), failure.getMessage());
  }

  /** A refusal as {@link #accept} made it, or anything unforeseen as a 503 its sender may retry. */
  private static ReplyException asReply(Throwable failure) {
    return failure instanceof ReplyException reply ? reply
        : new ReplyException(ReplyFailure.RECIPIENT_FAILURE, 503, "could not store the event, try again: " + failure);
  }

  private static Future<SubmitReply> refuse(int code, String message) {
    return Future.failedFuture(new ReplyException(ReplyFailure.RECIPIENT_FAILURE, code, message));
  }

  /** The sender's deadline (epoch ms) from {@link Bus#DEADLINE_HEADER}; 0 when it sent none. */
  private static long deadlineOf(Message<JsonObject> msg) {
    String deadline = msg.headers().get(Bus.DEADLINE_HEADER);
    if (deadline == null) {
      return 0;
    }
    try {
      return Long.parseLong(deadline);
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  static SubmitReply reply(SubmitResult result) {
    SubmitReply.Status status = switch (result.outcome()) {
      case COMPLETED -> SubmitReply.Status.COMPLETED;
      case FAILED -> SubmitReply.Status.FAILED;
      case PENDING, PROCESSING -> SubmitReply.Status.QUEUED;
    };
    return new SubmitReply(result.eventId(), result.duplicate(), status, result.error(), result.xp(),
        result.withheldBy());
  }

  /** Drains everything due now and says what it did. */
  private Future<Reports.Drained> drainNow() {
    return drainApply(new LedgerApplier.Report(0, 0, 0, 0, List.of()))
        .compose(applied -> drainDelivery(EffectDeliverer.Report.EMPTY).map(delivered -> new Reports.Drained(
            applied.claimed(), applied.applied(), applied.failed(), delivered.claimed(), delivered.completed())));
  }

  private static ReplyException unavailable(String why) {
    return new ReplyException(ReplyFailure.RECIPIENT_FAILURE, 503, why);
  }

  private Future<LedgerApplier.Report> drainApply(LedgerApplier.Report total) {
    return applyStepReport().compose(step -> {
      LedgerApplier.Report sum = new LedgerApplier.Report(total.claimed() + step.claimed(),
          total.applied() + step.applied(), total.failed() + step.failed(), 0, List.of());
      return step.claimed() >= rules.sync().batchSize() ? drainApply(sum) : Future.succeededFuture(sum);
    });
  }

  private Future<EffectDeliverer.Report> drainDelivery(EffectDeliverer.Report total) {
    return deliveryStepReport().compose(step -> {
      EffectDeliverer.Report sum = new EffectDeliverer.Report(total.claimed() + step.claimed(),
          total.completed() + step.completed(), total.retrying() + step.retrying(),
          total.waiting() + step.waiting(), total.failed() + step.failed());
      return step.claimed() >= rules.sync().batchSize() ? drainDelivery(sum) : Future.succeededFuture(sum);
    });
  }

  private Future<Admin.Requeued> requeue(Admin.Requeue request) {
    long eventId = request.eventId();
    if (eventId <= 0) {
      throw new InvalidRequestException("'eventId' must be positive");
    }
    return admin.requeue(eventId).recover(e -> Future.failedFuture(unavailable(e.getMessage()))).compose(result -> {
      if (!result.exists()) {
        return Future.failedFuture(new ReplyException(ReplyFailure.RECIPIENT_FAILURE, 404, "no event with id " + eventId));
      }
      if (!result.requeued()) {
        return Future.failedFuture(new ReplyException(ReplyFailure.RECIPIENT_FAILURE, 409, "event " + eventId + " is "
            + result.status().wireName() + "; only failed events can be requeued"));
      }
      LOG.info("event {} requeued by an admin", eventId);
      applyLoop.request();
      deliveryLoop.request();
      return Future.succeededFuture(new Admin.Requeued(eventId, true));
    });
  }

  private Future<DrainLoop.Step> applyStep() {
    return applyStepReport().map(r -> new DrainLoop.Step(r.claimed(), r.claimed() >= rules.sync().batchSize()));
  }

  private Future<LedgerApplier.Report> applyStepReport() {
    return applier.applyDue().onSuccess(this::afterApply);
  }

  private void afterIntake(ArrivalApplier.Intake intake) {
    if (intake.queued()) {
      applyLoop.request();
    } else {
      afterApply(intake.report());
    }
  }

  private void afterApply(LedgerApplier.Report report) {
    counters.applied(report);
    if (report.applied() > 0 || report.failed() > 0) {
      publishApplied(report);
    }
    if (report.awaitingDelivery() > 0) {
      deliveryLoop.request();
    }
  }

  private Future<DrainLoop.Step> deliveryStep() {
    return deliveryStepReport().map(r -> new DrainLoop.Step(r.claimed(), r.claimed() >= rules.sync().batchSize()));
  }

  private Future<EffectDeliverer.Report> deliveryStepReport() {
    if (!deliversEffects) {
      return Future.succeededFuture(EffectDeliverer.Report.EMPTY);
    }
    return deliverer.deliverDue().onSuccess(report -> {
      counters.delivered(report);
      if (report.claimed() > 0) {
        vertx.eventBus().publish(Bus.METRICS_EFFECTS, BusJson.encode(new Reports.Effects(report.completed(),
            report.retrying(), report.waiting(), report.failed())));
      }
    });
  }

  private void publishApplied(LedgerApplier.Report report) {
    List<Reports.AppliedEvent> events = new ArrayList<>(report.appliedEvents().size());
    for (ClaimedEvent event : report.appliedEvents()) {
      events.add(new Reports.AppliedEvent(event.id(), event.idempotencyKey(), event.type().wireName(),
          event.source().wireName(), event.playerId(), event.createdAtMs()));
    }
    vertx.eventBus().publish(Bus.EVENTS_APPLIED, BusJson.encode(new Reports.Applied(System.currentTimeMillis(),
        events, report.failed())));
  }

  private void scheduleTimer() {
    if (timerId >= 0) {
      vertx.cancelTimer(timerId);
    }
    timerId = vertx.setPeriodic(rules.sync().intervalMs(), id -> {
      boosts.reload();
      applyLoop.request();
      deliveryLoop.request();
      counters.logAndReset(LOG, instanceId);
    });
  }

  private void applyConfig(AppConfig config) {
    long previousInterval = rules.sync().intervalMs();
    appConfig = config;
    rules = EngineRules.from(config, storedBoosts);
    if (rules.sync().intervalMs() != previousInterval) {
      scheduleTimer();
    }
    LOG.info("sync engine {} applied new config: batch {}, interval {} ms, {} ranks", instanceId,
        rules.sync().batchSize(), rules.sync().intervalMs(), rules.ladder().size());
  }

}
