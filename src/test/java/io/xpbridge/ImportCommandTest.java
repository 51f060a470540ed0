package io.xpbridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import io.xpbridge.config.DatabaseUrl;
import io.xpbridge.support.Sql;
import io.xpbridge.support.TestConfig;
import io.xpbridge.support.TestDatabases;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code java -jar xpbridge.jar import ...} run in-process against a test database. */
class ImportCommandTest {
  static DatabaseUrl db;
  static Sql sql;
  static Path config;

  @BeforeAll
  static void database() throws Exception {
    db = TestDatabases.create(ImportCommandTest.class);
    sql = new Sql(db);
    config = Files.createTempFile("xpbridge-cli-config", ".json");
    Files.writeString(config, TestConfig.forDatabase(db).encode());
  }

  record Run(int status, String out, String err) {}

  static Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = ImportCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void aMee6FileIsImportedAndTheSummaryPrinted() {
    Run dry = run("--format", "mee6", "--mode", "max", "--dry-run", "--config", config.toString(),
        "src/test/resources/import/mee6-page.json");
    assertEquals(0, dry.status(), dry.err());
    assertEquals(3, new JsonObject(dry.out()).getInteger("created"));
    assertEquals(0, sql.queryLong("SELECT count(*) FROM discord_identities WHERE discord_id = 710000000000000001"));

    Run real = run("--format", "mee6", "--config", config.toString(), "src/test/resources/import/mee6-page.json");
    assertEquals(0, real.status(), real.err());
    JsonObject report = new JsonObject(real.out());
    assertEquals(3, report.getInteger("created"));
    assertEquals(12630, sql.queryLong("SELECT p.xp FROM players p JOIN discord_identities d ON d.player_id = p.id "
        + "WHERE d.discord_id = 710000000000000001"));
    // The shipped config maps no rank roles: an import queues no rank effect (nothing to show in Discord;
    // reconcile gives the roles once they are mapped). With roles mapped, see ImportTest.
    assertEquals(0, sql.queryLong("SELECT count(*) FROM sync_events WHERE event_type = 'rank_change'"));
  }

  /**
   * The command's engine delivers nothing: with rank roles mapped, the role effects an import queues
   * stay pending for the running service's engine (no bot here would only mark them as waiting).
   */
  @Test
  void theCommandLeavesTheRoleEffectsToTheRunningService() throws Exception {
    JsonObject mapped = TestConfig.forDatabase(db);
    mapped.getJsonArray("ranks").forEach(rank -> ((JsonObject) rank).put("discordRoleId",
        930000000000000000L + ((JsonObject) rank).getInteger("number")));
    Path mappedConfig = Files.createTempFile("xpbridge-cli-mapped", ".json");
    Files.writeString(mappedConfig, mapped.encode());
    Run real = run("--format", "polaris", "--config", mappedConfig.toString(),
        "src/test/resources/import/polaris.json");
    assertEquals(0, real.status(), real.err());
    assertEquals(2, sql.queryLong("SELECT count(*) FROM sync_events WHERE event_type = 'rank_change' "
        + "AND status = 'pending' AND retries = 0 AND delivered_to = '{}' AND payload->'targets' = '[\"discord\"]'::jsonb "
        + "AND next_attempt_at <= now()"), String.valueOf(sql.query("SELECT status, payload, next_attempt_at, "
        + "error_message FROM sync_events WHERE event_type = 'rank_change'")));
  }

  @Test
  void aRefusedFileExitsWithOneAndPrintsEveryBadLine() {
    Run refused = run("--format", "csv", "--config", config.toString(), "src/test/resources/import/bad.csv");
    assertEquals(1, refused.status(), refused.err());
    JsonObject body = new JsonObject(refused.out());
    assertEquals(6, body.getInteger("errorCount"));
    assertEquals(6, body.getJsonArray("errors").size());
    assertEquals(0, sql.queryLong("SELECT count(*) FROM telegram_identities WHERE telegram_id = 750000001"));
  }

  @Test
  void usageErrorsExitWithTwo() {
    assertEquals(2, run("--config", config.toString(), "src/test/resources/import/bad.csv").status(), "no format");
    assertEquals(2, run("--format", "xml", "--config", config.toString(), "x.csv").status());
    assertEquals(2, run("--format", "csv", "--mode", "sum", "--config", config.toString(), "x.csv").status());
    assertEquals(2, run("--format", "csv", "--config", config.toString(), "no-such-file.csv").status());
    assertEquals(2, run("--format", "csv", "--config", "no-such-config.json",
        "src/test/resources/import/bad.csv").status());
    Run extra = run("--format", "csv", "--bogus", "x.csv");
    assertEquals(2, extra.status());
    assertTrue(extra.err().contains("usage:"), extra.err());
  }
}
