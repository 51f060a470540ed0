package io.xpbridge.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import io.xpbridge.support.Await;
import io.xpbridge.support.ServiceFixture;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class OperationsEndpointsTest {
  static ServiceFixture service;
  static final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start() {
    service = ServiceFixture.startWithMetrics(OperationsEndpointsTest.class);
  }

  @AfterAll
  static void stop() {
    service.close();
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.httpPort() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void metricsShowEngineCountsVertxAndJvmInPrometheusFormat() throws Exception {
    service.submit(ServiceFixture.xp("metrics_1", 9001, 500));
    service.awaitQueueDrained();
    String body = Await.value("applied events counted", () -> {
      try {
        return get("/metrics").body();
      } catch (Exception e) {
        return "";
      }
    }, text -> text.contains("xpbridge_events_total{status=\"completed\",type=\"xp_change\"}"));
    assertTrue(body.contains("jvm_memory_used_bytes"), "JVM metrics");
    assertTrue(body.contains("vertx_"), "Vert.x metrics");
    assertTrue(body.contains("xpbridge_queue_events"), "queue depth gauge");
    assertTrue(body.contains("xpbridge_apply_latency_milliseconds_count"), "apply latency histogram");
    assertTrue(!body.contains("xpbridge_apply_latency_milliseconds_count 0.0"), "latency recorded for applied events");
  }

  @Test
  void livenessAndReadinessReportUpWithTheDatabaseChecked() throws Exception {
    HttpResponse<String> live = get("/health/live");
    assertEquals(200, live.statusCode());
    HttpResponse<String> ready = get("/health/ready");
    assertEquals(200, ready.statusCode(), ready.body());
    JsonObject checks = new JsonObject(ready.body());
    assertEquals("UP", checks.getString("status"));
    assertTrue(ready.body().contains("database"));
  }
}
