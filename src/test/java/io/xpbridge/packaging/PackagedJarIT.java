package io.xpbridge.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import io.xpbridge.config.DatabaseUrl;
import io.xpbridge.support.Await;
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
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The shaded jar started the way docker/Dockerfile starts it: {@code java -jar xpbridge.jar --config
 * conf/config.json} from its own directory, secrets and the database from the environment.
 */
class PackagedJarIT {

  @Test
  void theRunnableJarStartsFromItsConfigAndEnvironmentServesAndStopsOnSigterm() throws Exception {
    Path jar = Path.of(System.getProperty("xpbridge.jar"));
    assertTrue(Files.isRegularFile(jar), "packaged jar at " + jar);
    DatabaseUrl db = TestDatabases.create(PackagedJarIT.class);
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Path app = Files.createTempDirectory("xpbridge-app");
    Files.createDirectories(app.resolve("conf"));
    Files.copy(Path.of("conf/config.json"), app.resolve("conf/config.json"));
    Path log = app.resolve("service.log");
    ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xms64m", "-Xmx256m", "-XX:+UseSerialGC", "-jar", jar.toString(), "--config", "conf/config.json")
        .directory(app.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().put("DATABASE_URL", db.toUrl());
    builder.environment().put("XPBRIDGE_HTTP_PORT", Integer.toString(port));
    builder.environment().put("XPBRIDGE_ADMIN_TOKEN", TestConfig.ADMIN_TOKEN);
    builder.environment().put("XPBRIDGE_DATA_DIR", app.resolve("data").toString());
    Process service = builder.start();
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    try {
      Await.until("the jar serves /health/ready", () -> status(http, port, "/health/ready") == 200,
          Duration.ofSeconds(90));
      assertEquals(200, status(http, port, "/health/live"));
      HttpResponse<String> grant = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/events"))
          .header("Authorization", "Bearer " + TestConfig.ADMIN_TOKEN)
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(new JsonObject().put("source", "telegram").put("type", "xp_change")
              .put("telegramId", 77).put("xp", 12).put("idempotencyKey", "jar_1").encode())).build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(202, grant.statusCode(), grant.body());
      Sql sql = new Sql(db);
      Await.until("applied by the jar", () -> sql.queryLong("SELECT count(*) FROM transactions WHERE idempotency_key = 'jar_1'") == 1);
      assertTrue(status(http, port, "/metrics") == 200, "metrics enabled in the real process");
      service.toHandle().destroy();
      assertTrue(service.waitFor(40, TimeUnit.SECONDS), "stops on SIGTERM");
      String output = Files.readString(log);
      assertTrue(output.contains("in-flight batches finished"), output);
      assertTrue(!Files.exists(app.resolve("data/postgres")), "no embedded database when DATABASE_URL is set");
      System.out.printf("packaged jar test: %s started with --config conf/config.json and env overrides, "
          + "served health, metrics and the admin API, stopped cleanly on SIGTERM%n", jar.getFileName());
    } finally {
      service.destroyForcibly();
    }
  }

  private static int status(HttpClient http, int port, String path) {
    try {
      // A timeout per request: a request lost by the server must fail this poll, not hang the test.
      return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
              .timeout(Duration.ofSeconds(5)).build(),
          HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (Exception notYet) {
      return 0;
    }
  }
}
