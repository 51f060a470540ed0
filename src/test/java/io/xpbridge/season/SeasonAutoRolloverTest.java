package io.xpbridge.season;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.xpbridge.config.DatabaseUrl;
import io.xpbridge.domain.SeasonPeriod;
import io.xpbridge.store.Database;
import io.xpbridge.store.SeasonStore;
import io.xpbridge.support.Await;
import io.xpbridge.support.ServiceFixture;
import io.xpbridge.support.Sql;
import io.xpbridge.support.TestConfig;
import io.xpbridge.support.TestDatabases;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Seasons that end by the calendar, with two engines running (each in its own Vert.x, as two
 * processes), and a rollover a crash cut between its two steps.
 */
class SeasonAutoRolloverTest {
  static final UnaryOperator<JsonObject> MONTHLY = config -> {
    config.put("seasons", new JsonObject().put("autoRollover", "monthly").put("checkIntervalSeconds", 1)
        .put("rewards", new JsonArray().add(new JsonObject().put("top", 1).put("coins", 700))));
    return config;
  };

  @Test
  void twoEnginesRollAMonthOverOnceAndPayTheRewardOnce() {
    DatabaseUrl db;
    long winner;
    try (ServiceFixture first = ServiceFixture.start(SeasonAutoRolloverTest.class)) {
      db = first.db;
      first.submit(ServiceFixture.xp("auto_a", 9101, 120));
      first.submit(ServiceFixture.xp("auto_b", 9102, 80));
      winner = first.sql.queryLong("SELECT player_id FROM telegram_identities WHERE telegram_id = 9101");
    }
    Sql sql = new Sql(db);
    // Season 1 began last month: both engines find on their first check that it is over.
    sql.execute("UPDATE seasons SET started_at = now() - interval '40 days' WHERE id = 1");
    long coins = sql.queryLong("SELECT balance FROM players WHERE id = ?", winner);

    CompletableFuture<ServiceFixture> a = CompletableFuture.supplyAsync(() -> ServiceFixture.startOn(db, MONTHLY));
    CompletableFuture<ServiceFixture> b = CompletableFuture.supplyAsync(() -> ServiceFixture.startOn(db, MONTHLY));
    try (ServiceFixture engineA = a.join(); ServiceFixture engineB = b.join()) {
      Await.until("season 1 archived", () -> "archived".equals(sql.queryString("SELECT state FROM seasons WHERE id = 1")));
      Await.until("the winner is paid", () -> sql.queryLong("SELECT balance FROM players WHERE id = ?", winner) == coins + 700);
      String period = SeasonPeriod.MONTHLY.periodKey(Instant.now(), ZoneId.of("Europe/Moscow"));
      assertEquals(List.of(List.of(1, "archived"), List.of(2, "running")),
          sql.query("SELECT id, state FROM seasons ORDER BY id"));
      assertEquals(period, sql.queryString("SELECT period_key FROM seasons WHERE id = 2"));
      assertEquals(period.substring("monthly:".length()), sql.queryString("SELECT name FROM seasons WHERE id = 2"));
      // Several more checks by both engines change nothing: the period has its season.
      io.xpbridge.support.Still.holdsFor(java.time.Duration.ofSeconds(3), "no second rollover, no second reward",
          () -> sql.queryLong("SELECT count(*) FROM seasons") == 2
              && sql.queryLong("SELECT balance FROM players WHERE id = ?", winner) == coins + 700);
      assertEquals(1, sql.queryLong("SELECT count(*) FROM transactions WHERE idempotency_key LIKE 'season:1:reward:%'"));
      assertEquals(1, sql.queryLong("SELECT count(*) FROM sync_events WHERE idempotency_key = 'season:1:rollover'"));
    }
  }

  @Test
  void aRolloverCutBetweenItsTwoStepsIsFinishedWhenTheServiceStarts() {
    DatabaseUrl db = TestDatabases.create(SeasonAutoRolloverTest.class);
    long winner;
    try (ServiceFixture first = ServiceFixture.startOn(db, MONTHLY_OFF)) {
      first.submit(ServiceFixture.xp("cut_a", 9201, 50));
      winner = first.sql.queryLong("SELECT player_id FROM telegram_identities WHERE telegram_id = 9201");
    }
    // The flip alone, as a crash right after it would leave things.
    io.vertx.core.Vertx vertx = io.vertx.core.Vertx.vertx();
    try {
      Pool pool = Database.pool(vertx, db, 1);
      Await.result(new SeasonStore(pool).flip(1, "Cut short", null, 1_000));
      Await.result(pool.close());
    } finally {
      Await.result(vertx.close());
    }
    Sql sql = new Sql(db);
    assertEquals("archiving", sql.queryString("SELECT state FROM seasons WHERE id = 1"));
    long coins = sql.queryLong("SELECT balance FROM players WHERE id = ?", winner);

    try (ServiceFixture restarted = ServiceFixture.startOn(db, REWARD_ONLY)) {
      assertEquals("archived", sql.queryString("SELECT state FROM seasons WHERE id = 1"),
          "finished before the service reported started");
      assertEquals(List.of(List.of(winner, 1, 50L)),
          sql.query("SELECT player_id, place, xp FROM season_standings WHERE season_id = 1"));
      Await.until("the reward is paid", () -> sql.queryLong("SELECT balance FROM players WHERE id = ?", winner) == coins + 700);
    }
  }

  static final UnaryOperator<JsonObject> MONTHLY_OFF = UnaryOperator.identity();
  static final UnaryOperator<JsonObject> REWARD_ONLY = config -> {
    config.put("seasons", new JsonObject()
        .put("rewards", new JsonArray().add(new JsonObject().put("top", 1).put("coins", 700))));
    return config;
  };
}
