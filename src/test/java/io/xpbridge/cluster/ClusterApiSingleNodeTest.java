package io.xpbridge.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.xpbridge.support.ServiceFixture;
import io.xpbridge.support.TestConfig;
import io.xpbridge.support.Await;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A single node (no XPBRIDGE_CLUSTER_MEMBERS) holds every singleton and says so. */
class ClusterApiSingleNodeTest {
  static ServiceFixture service;
  static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void start() {
    service = ServiceFixture.startWithMetrics(ClusterApiSingleNodeTest.class);
  }

  @AfterAll
  static void stop() {
    service.close();
  }

  static HttpResponse<String> get(String path, boolean admin) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.httpPort() + path));
    if (admin) {
      request.header("Authorization", "Bearer " + TestConfig.ADMIN_TOKEN);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void clusterEndpointListsThisNodeWithItsSingletons() throws Exception {
    assertEquals(401, get("/api/v1/cluster", false).statusCode(), "admin token required");
    HttpResponse<String> response = get("/api/v1/cluster", true);
    assertEquals(200, response.statusCode(), response.body());
    JsonObject body = new JsonObject(response.body());
    JsonArray nodes = body.getJsonArray("nodes");
    assertEquals(1, nodes.size(), body.encode());
    JsonObject self = nodes.getJsonObject(0);
    assertEquals(body.getString("self"), self.getString("name"));
    assertEquals(new JsonArray().add("cleanup").add("reconcile"), self.getJsonArray("singletons"));
  }

  /**
   * The node's fence connection is cut and another session takes the lock before the node tries
   * again (as a second node would): the node stops the job at once, keeps trying, and runs it again
   * only once it holds the lock again.
   */
  @Test
  void aNodeThatLosesItsFenceStopsTheJobAndRunsItAgainOnlyWithTheFence() throws Exception {
    ClusterNode node = ClusterNode.of(service.vertx);
    Await.until("the node runs reconcile", () -> node.holds(SingletonJob.RECONCILE));
    try (Connection other = DriverManager.getConnection(service.db.jdbcUrl(), service.db.user(), service.db.password())) {
      boolean taken = false;
      for (int attempt = 0; attempt < 20 && !taken; attempt++) {
        service.sql.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            + "WHERE datname = ? AND application_name = 'xpbridge-fence-reconcile'", service.db.database());
        taken = tryLock(other, SingletonJob.RECONCILE.lockKey());
      }
      assertTrue(taken, "the other session got the lock");
      Await.until("the node gave reconcile up", () -> !node.holds(SingletonJob.RECONCILE));
      Throwable refused = service.requestFailure(io.xpbridge.bus.Bus.RECONCILE_RUN_NOW, new JsonObject());
      assertTrue(io.xpbridge.bus.BusClient.isTransient(refused), "reconcile really stopped here: " + refused);
      // The node is back on the database and trying, and still does not run it.
      Await.until("the node has a fence connection again", () -> service.sql.queryLong("SELECT count(*) FROM "
          + "pg_stat_activity WHERE datname = ? AND application_name = 'xpbridge-fence-reconcile'",
          service.db.database()) == 1);
      Await.until("the node's try fails at least once more", () -> service.sql.queryLong("SELECT count(*) FROM "
          + "pg_stat_activity WHERE datname = ? AND application_name = 'xpbridge-fence-reconcile' "
          + "AND query LIKE '%pg_try_advisory_lock%'", service.db.database()) == 1);
      assertTrue(!node.holds(SingletonJob.RECONCILE), "not while another session holds the fence");
      assertTrue(node.holds(SingletonJob.CLEANUP), "the other jobs are untouched");
    }
    Await.until("the node runs reconcile again", () -> node.holds(SingletonJob.RECONCILE), Duration.ofSeconds(10));
    assertEquals(0, service.request(io.xpbridge.bus.Bus.RECONCILE_RUN_NOW, new JsonObject()).getInteger("divergences"));
  }

  private static boolean tryLock(Connection connection, long key) throws Exception {
    try (var statement = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
      statement.setLong(1, key);
      try (var rows = statement.executeQuery()) {
        rows.next();
        return rows.getBoolean(1);
      }
    }
  }

  @Test
  void readinessAndMetricsNameTheSingletonsHeld() throws Exception {
    JsonObject ready = new JsonObject(get("/health/ready", false).body());
    JsonObject node = ready.getJsonArray("checks").stream().map(JsonObject.class::cast)
        .filter(c -> "node".equals(c.getString("id"))).findFirst().orElseThrow();
    assertEquals(new JsonArray().add("cleanup").add("reconcile"), node.getJsonObject("data").getJsonArray("singletons"));
    String metrics = get("/metrics", false).body();
    assertTrue(metrics.lines().anyMatch(l -> l.startsWith("xpbridge_singleton_held{") && l.contains("job=\"reconcile\"")
        && l.endsWith(" 1.0")), metrics.lines().filter(l -> l.contains("singleton")).toList().toString());
    assertTrue(metrics.lines().anyMatch(l -> l.startsWith("xpbridge_singleton_held{") && l.contains("job=\"telegram\"")
        && l.endsWith(" 0.0")));
  }
}
