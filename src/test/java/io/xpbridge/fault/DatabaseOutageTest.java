package io.xpbridge.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;
import io.xpbridge.bus.Bus;
import io.xpbridge.support.Await;
import io.xpbridge.support.ServiceFixture;
import io.xpbridge.support.TestDatabases;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** PostgreSQL drops every connection of the service, repeatedly, while events keep coming. */
class DatabaseOutageTest {
  static ServiceFixture service;
  static final int EVENTS = 3_000;

  @BeforeAll
  static void start() {
    service = ServiceFixture.start(DatabaseOutageTest.class);
  }

  @AfterAll
  static void stop() {
    service.close();
  }

  @Test
  void connectionsTerminatedUnderLoadAreReopenedAndNothingIsLostOrDoubled() {
    AtomicInteger refusals = new AtomicInteger();
    AtomicInteger terminated = new AtomicInteger();
    List<Future<Void>> submits = new ArrayList<>();
    io.xpbridge.support.Sql server = new io.xpbridge.support.Sql(TestDatabases.server());
    Thread killer = new Thread(() -> {
      for (int round = 0; round < 5; round++) {
        try {
          Thread.sleep(300);
        } catch (InterruptedException e) {
          return;
        }
        terminated.addAndGet(server.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            + "WHERE datname = ? AND pid <> pg_backend_pid()", service.db.database()).size());
      }
    });
    killer.start();
    // Load keeps coming, 100 events every 20 ms, for as long as the outages last (and at least EVENTS).
    int events = 0;
    while (events < EVENTS || killer.isAlive()) {
      for (int j = 0; j < 100; j++, events++) {
        submits.add(submitUntilAccepted(ServiceFixture.xp("outage_" + events, 1 + events % 300, 3), refusals, 0));
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
    }
    Await.result(Future.all(submits), Duration.ofSeconds(120));
    Await.until("queue drained after outages", () -> service.sql.queryLong(
        "SELECT count(*) FROM sync_events WHERE status IN ('pending','processing')") == 0, Duration.ofSeconds(60));
    long audits = service.sql.queryLong("SELECT count(*) FROM transactions WHERE idempotency_key LIKE 'outage_%'");
    long distinct = service.sql.queryLong("SELECT count(DISTINCT idempotency_key) FROM transactions WHERE idempotency_key LIKE 'outage_%'");
    long xp = service.sql.queryLong("SELECT sum(xp) FROM players");
    System.out.printf("database outage test: %d events over %d terminated connections, %d submits refused during "
        + "outages and retried, applied %d, duplicates %d, lost %d%n", events, terminated.get(), refusals.get(), audits,
        audits - distinct, events - distinct);
    assertTrue(terminated.get() > 0, "the outages really cut the service's connections");
    assertEquals(events, audits);
    assertEquals(events, distinct);
    assertEquals(events * 3L, xp);
    assertEquals(0, service.sql.queryLong("SELECT count(*) FROM sync_events WHERE status = 'failed'"));
    assertTrue(service.request(Bus.HEALTH_DATABASE, new JsonObject()).getString("database").equals("up"));
  }

  /** What a bot does: resubmit with the same key until the engine accepts it. */
  private Future<Void> submitUntilAccepted(JsonObject event, AtomicInteger refusals, int attempt) {
    Promise<Void> done = Promise.promise();
    service.vertx.eventBus().request(Bus.EVENTS_SUBMIT, event, new DeliveryOptions().setSendTimeout(10_000))
        .onSuccess(reply -> done.complete())
        .onFailure(e -> {
          refusals.incrementAndGet();
          if (attempt > 50) {
            done.fail(e);
          } else {
            service.vertx.setTimer(100, t -> submitUntilAccepted(event, refusals, attempt + 1).onComplete(done));
          }
        });
    return done.future();
  }
}
