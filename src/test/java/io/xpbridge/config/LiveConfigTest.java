package io.xpbridge.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.config.ConfigRetriever;
import io.vertx.core.json.JsonObject;
import io.xpbridge.bus.Bus;
import io.xpbridge.support.Await;
import io.xpbridge.support.ServiceFixture;
import io.xpbridge.support.TestConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Operators edit the config file while the service runs. */
class LiveConfigTest {
  static ServiceFixture service;
  static Path file;

  @BeforeAll
  static void start() throws Exception {
    service = ServiceFixture.start(LiveConfigTest.class);
    file = Files.createTempFile("xpbridge-config", ".json");
    Files.writeString(file, service.app.config().encodePrettily());
  }

  @AfterAll
  static void stop() {
    service.close();
  }

  @Test
  void aValidChangeAppliesLiveAndAnInvalidOneIsRejectedWhileTheOldConfigKeepsRunning() throws Exception {
    List<AppConfig> published = new CopyOnWriteArrayList<>();
    service.vertx.eventBus().<AppConfig>consumer(Bus.CONFIG_CHANGED, msg -> published.add(msg.body()));
    ConfigRetriever retriever = ConfigLoader.retriever(service.vertx, file.toString(), 100);
    Await.result(retriever.getConfig());
    ConfigWatcher.watch(service.vertx, retriever, service.app.appConfig(), service.app.appConfig(), c -> { });

    service.submit(ServiceFixture.xp("live_1", 8001, 300));
    service.awaitQueueDrained();
    assertEquals(2, rankOf(8001), "300 XP is rank 2 on the shipped ladder");

    // Halve every threshold: 300 XP becomes rank 3 (230) at once, without restart.
    JsonObject changed = service.app.config().copy();
    changed.getJsonArray("ranks").forEach(r -> ((JsonObject) r).put("minXp", ((JsonObject) r).getLong("minXp") / 2));
    Files.writeString(file, changed.encodePrettily());
    Await.until("change published", () -> published.size() == 1);
    Await.until("ladder applied", () -> rankOf(8001) == 3);
    Await.until("ladder mirrored into rank_role_mappings", () -> service.sql.queryLong(
        "SELECT min_xp FROM rank_role_mappings WHERE rank_id = 2") == 165 / 2);
    assertEquals(20, service.sql.queryLong("SELECT count(*) FROM rank_role_mappings"));

    // Invalid: thresholds no longer rising. Rejected; the halved ladder keeps running.
    JsonObject broken = changed.copy();
    broken.getJsonArray("ranks").getJsonObject(5).put("minXp", 1);
    Files.writeString(file, broken.encodePrettily());
    JsonObject alsoBroken = changed.copy();
    alsoBroken.getJsonObject("sync").put("batchSize", -4);
    List<String> problems = problems(alsoBroken);
    assertTrue(problems.stream().anyMatch(p -> p.contains("sync.batchSize")), problems.toString());
    assertTrue(problems(broken).stream().anyMatch(p -> p.contains("ranks[5].minXp")));
    // The file is rescanned every 100 ms: several scans see the invalid file and publish nothing.
    io.xpbridge.support.Still.holdsFor(java.time.Duration.ofMillis(600), "the invalid change is not published",
        () -> published.size() == 1);
    assertEquals(3, rankOf(8001));
    retriever.close();
  }

  @Test
  void anUnreadableFileOrAnUnknownKeyIsReportedInOneLineOnceAndTheRunningConfigStays() throws Exception {
    Path own = Files.createTempFile("xpbridge-config", ".json");
    JsonObject good = service.app.config().copy();
    Files.writeString(own, good.encodePrettily());
    List<AppConfig> published = new CopyOnWriteArrayList<>();
    service.vertx.eventBus().<AppConfig>consumer(Bus.CONFIG_CHANGED, msg -> published.add(msg.body()));
    try (var log = io.xpbridge.support.LogCapture.of(ConfigWatcher.class,
        Class.forName("io.vertx.config.impl.ConfigRetrieverImpl"))) {
      ConfigRetriever retriever = ConfigLoader.retriever(service.vertx, own.toString(), 100);
      Await.result(retriever.getConfig());
      ConfigWatcher.watch(service.vertx, retriever, service.app.appConfig(), service.app.appConfig(), c -> { });

      Files.writeString(own, good.encodePrettily().replace("\"sync\" : {", "\"sync\" : {,"));
      Await.until("the unreadable file reported", () -> log.lines().stream().anyMatch(l -> l.contains("not valid JSON")));
      // Scanned every 100 ms: ten scans see the same broken file and say nothing more.
      Thread.sleep(1_000);
      List<String> lines = log.lines();
      assertEquals(1, lines.size(), lines.toString());
      assertTrue(lines.get(0).contains(own.toString()) && lines.get(0).contains("line "), lines.get(0));

      JsonObject typo = good.copy();
      typo.getJsonObject("sync").put("batchSizee", 5);
      Files.writeString(own, typo.encodePrettily());
      Await.until("the unknown key reported", () -> log.lines().size() == 2);
      assertTrue(log.lines().get(1).contains("unknown key sync.batchSizee (did you mean sync.batchSize?)"),
          log.lines().get(1));
      assertEquals(List.of(), published, "nothing was applied");
      retriever.close();
    }
  }

  @Test
  void secretsAndPortsComeFromTheEnvironmentNames() {
    JsonObject merged = TestConfig.shipped().put("DATABASE_URL", "postgresql://u:p@db:5433/x")
        .put("XPBRIDGE_ADMIN_TOKEN", "s3cret").put("DISCORD_GUILD_ID", "123").put("XPBRIDGE_DATA_DIR", "/var/lib/xp/");
    JsonObject config = ConfigLoader.applyEnvironment(merged);
    assertEquals("postgresql://u:p@db:5433/x", config.getJsonObject("db").getString("url"));
    assertEquals("s3cret", config.getJsonObject("http").getString("adminToken"));
    assertEquals("123", config.getJsonObject("discord").getString("guildId"));
    assertEquals("/var/lib/xp/postgres", config.getJsonObject("db").getJsonObject("embedded").getString("dataDir"));
    assertTrue(problems(config).isEmpty(), problems(config).toString());
  }

  private static List<String> problems(JsonObject config) {
    return AppConfigTest.problems(config);
  }

  private int rankOf(long telegramId) {
    return service.request(Bus.PLAYERS_PROFILE, new JsonObject().put("telegramId", telegramId))
        .getJsonObject("rank").getInteger("number");
  }
}
