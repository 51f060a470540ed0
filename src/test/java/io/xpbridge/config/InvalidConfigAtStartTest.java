package io.xpbridge.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import io.xpbridge.support.TestConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The real Main, started on a config with several bad fields, in its own JVM (it calls System.exit). */
class InvalidConfigAtStartTest {

  @Test
  void mainPrintsEveryProblemAndExitsWithTwo() throws Exception {
    JsonObject config = TestConfig.shipped();
    config.getJsonObject("sync").put("batchSize", 0);
    config.getJsonObject("discord").put("messageXp", -1);
    config.getJsonObject("telegram").getJsonObject("games").put("cooldownSeconds", "x");
    Path file = Files.createTempFile("xpbridge-invalid", ".json");
    Files.writeString(file, config.encodePrettily());
    Path output = Files.createTempFile("xpbridge-invalid", ".log");
    Process main = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "io.xpbridge.Main", "--config", file.toString())
        .redirectErrorStream(true).redirectOutput(output.toFile()).start();

    assertTrue(main.waitFor(60, TimeUnit.SECONDS), "Main exits");
    String printed = Files.readString(output);
    assertEquals(2, main.exitValue(), printed);
    assertTrue(printed.contains("xpbridge: invalid configuration in " + file + ":\n"
        + "  - sync.batchSize must be between 1 and 10000, got 0\n"
        + "  - telegram.games.cooldownSeconds must be a whole number, got x\n"
        + "  - discord.messageXp must be at least 0, got -1"), printed);
  }
}
