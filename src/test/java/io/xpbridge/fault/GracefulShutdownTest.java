package io.xpbridge.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import io.xpbridge.config.DatabaseUrl;
import io.xpbridge.support.Await;
import io.xpbridge.support.ServiceFixture;
import io.xpbridge.support.Sql;
import io.xpbridge.support.TestConfig;
import io.xpbridge.support.TestDatabases;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The real Main, stopped with SIGTERM while admin grants pour in over HTTP. */
class GracefulShutdownTest {

  private static String log(Path file) {
    try {
      return Files.readString(file);
    } catch (java.io.IOException e) {
      return "";
    }
  }

  @Test
  void sigtermStopsIntakeFinishesTheBatchAndLosesNothing() throws Exception {
    DatabaseUrl db = TestDatabases.create(GracefulShutdownTest.class);
    Sql sql = new Sql(db);
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    JsonObject config = TestConfig.forDatabase(db);
    config.getJsonObject("http").put("port", port);
    Path file = Files.createTempFile("xpbridge-shutdown", ".json");
    // A file, not a pipe: Process.destroy() closes the parent's end of the pipes.
    Path logFile = Files.createTempFile("xpbridge-shutdown", ".log");
    Files.writeString(file, config.encodePrettily());
    Process service = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx256m", "-cp", System.getProperty("java.class.path"), "io.xpbridge.Main", "--config", file.toString())
        .redirectErrorStream(true).redirectOutput(logFile.toFile()).start();
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(2)).build();
    Set<String> accepted = ConcurrentHashMap.newKeySet();
    try {
      Await.until("service up", () -> log(logFile).contains("xpbridge is running"),
          Duration.ofSeconds(60));
      // Eight admins keep granting; SIGTERM lands after 500 grants were accepted.
      java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
      List<Thread> senders = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        Thread sender = new Thread(() -> {
          int i;
          while ((i = next.getAndIncrement()) < 2_000) {
            String key = "term_" + i;
            String body = new JsonObject().put("source", "telegram").put("type", "xp_change")
                .put("telegramId", 1 + i % 50).put("xp", 2).put("idempotencyKey", key).encode();
            try {
              HttpResponse<String> r = http.send(HttpRequest.newBuilder(
                      URI.create("http://127.0.0.1:" + port + "/api/v1/events"))
                  .header("Authorization", "Bearer " + TestConfig.ADMIN_TOKEN)
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
              if (r.statusCode() == 202) {
                accepted.add(key);
              }
            } catch (Exception refusedOrClosed) {
              // The service is going away: this grant was not accepted.
            }
          }
        });
        sender.start();
        senders.add(sender);
      }
      Await.until("500 grants accepted", () -> accepted.size() >= 500, Duration.ofSeconds(60));
      service.toHandle().destroy();
      for (Thread sender : senders) {
        sender.join(60_000);
      }
      assertTrue(service.waitFor(40, TimeUnit.SECONDS), "the service exits after SIGTERM");
      System.out.println("graceful shutdown test: service exit code " + service.exitValue());
    } finally {
      service.destroyForcibly();
    }
    String log = log(logFile);
    assertTrue(log.contains("shutting down"), log);
    assertTrue(log.contains("in-flight batches finished"), log);
    assertEquals(0, sql.queryLong("SELECT count(*) FROM sync_events WHERE status = 'processing'"),
        "nothing left half-claimed");
    try (ServiceFixture restarted = ServiceFixture.startOn(db)) {
      restarted.awaitQueueDrained();
      Set<String> applied = ConcurrentHashMap.newKeySet();
      sql.query("SELECT idempotency_key FROM transactions").forEach(r -> applied.add((String) r.get(0)));
      long lost = accepted.stream().filter(k -> !applied.contains(k)).count();
      long audits = sql.queryLong("SELECT count(*) FROM transactions");
      System.out.printf("graceful shutdown test: %d grants accepted before and during SIGTERM, %d applied, "
          + "%d lost, exit clean%n", accepted.size(), audits, lost);
      assertTrue(accepted.size() > 0);
      assertEquals(0, lost);
      assertEquals(audits, sql.queryLong("SELECT count(DISTINCT idempotency_key) FROM transactions"));
      assertEquals(2L * audits, sql.queryLong("SELECT sum(xp) FROM players"));
    }
  }
}
