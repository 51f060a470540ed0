package io.xpbridge.cleanup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonObject;
import io.xpbridge.bus.Bus;
import io.xpbridge.support.ServiceFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CleanupTest {
  static ServiceFixture service;

  @BeforeAll
  static void start() {
    service = ServiceFixture.start(CleanupTest.class);
  }

  @AfterAll
  static void stop() {
    service.close();
  }

  private void event(String key, String status, int ageDays) {
    service.sql.update("INSERT INTO sync_events (idempotency_key, source, event_type, player_id, status, applied_at, "
        + "processed_at, created_at) VALUES (?, 'telegram', 'xp_change', ?, ?, now(), "
        + "now() - make_interval(days => ?), now() - make_interval(days => ?))", key, player, status, ageDays, ageDays);
  }

  static long player;

  @Test
  void cleanupRespectsBothRetentionWindows() {
    player = service.sql.queryLong("INSERT INTO players DEFAULT VALUES RETURNING id");
    event("done_old", "completed", 31);
    event("done_recent", "completed", 29);
    event("failed_old", "failed", 8);
    event("failed_recent", "failed", 6);
    service.sql.update("INSERT INTO sync_events (idempotency_key, source, event_type, player_id, created_at) "
        + "VALUES ('pending_ancient', 'telegram', 'xp_change', ?, now() - interval '90 days')", player);
    service.sql.update("UPDATE sync_events SET next_attempt_at = now() + interval '1 hour' WHERE idempotency_key = 'pending_ancient'");

    JsonObject result = service.request(Bus.CLEANUP_RUN_NOW, new JsonObject());

    assertEquals(1, result.getInteger("completedDeleted"));
    assertEquals(1, result.getInteger("failedDeleted"));
    assertEquals(0, service.sql.queryLong("SELECT count(*) FROM sync_events WHERE idempotency_key IN ('done_old', 'failed_old')"));
    assertEquals(3, service.sql.queryLong("SELECT count(*) FROM sync_events WHERE idempotency_key IN "
        + "('done_recent', 'failed_recent', 'pending_ancient')"), "recent and unfinished events stay");
  }
}
