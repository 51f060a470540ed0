package io.xpbridge.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.xpbridge.config.AppConfig;
import io.xpbridge.config.DatabaseUrl;
import io.xpbridge.config.GameRules;
import io.xpbridge.support.Sql;
import io.xpbridge.support.TestConfig;
import io.xpbridge.support.TestDatabases;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The rules mirror is rewritten by every process that starts or reloads config; several at once
 * (two engines starting together, a cluster's nodes reloading the same file) must all succeed and
 * leave one copy of the ladder. This failed with a duplicate key on {@code rank_role_mappings}
 * before the rewrites took turns.
 */
class RulesMirrorStoreTest {
  static final int PROCESSES = 4;
  static final int ROUNDS = 15;
  static Vertx vertx;
  static DatabaseUrl db;
  static final List<Pool> pools = new ArrayList<>();

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
    db = TestDatabases.create(RulesMirrorStoreTest.class);
    for (int i = 0; i < PROCESSES; i++) {
      pools.add(Database.pool(vertx, db, 1));
    }
  }

  @AfterAll
  static void stop() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void concurrentRewritesAllSucceedAndLeaveOneLadder() throws Exception {
    GameRules rules = AppConfig.parse(TestConfig.shipped()).gameRules();
    for (int round = 0; round < ROUNDS; round++) {
      List<Future<Void>> writes = new ArrayList<>();
      for (Pool pool : pools) {
        writes.add(new RulesMirrorStore(pool).write(rules.ladder(), rules.achievements()));
      }
      // Every rewrite must succeed: a failed one is a process that logged an error at start.
      Future.all(writes).toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
    }
    Sql sql = new Sql(db);
    assertEquals(rules.ladder().ranks().size(), sql.queryLong("SELECT count(*) FROM rank_role_mappings"));
    assertEquals(rules.achievements().size(), sql.queryLong("SELECT count(*) FROM achievements"));
  }
}
