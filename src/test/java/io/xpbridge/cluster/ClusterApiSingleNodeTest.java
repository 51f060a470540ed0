package io.xpbridge.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.xpbridge.support.ServiceFixture;
import io.xpbridge.support.TestConfig;
import java.net.URI;
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
