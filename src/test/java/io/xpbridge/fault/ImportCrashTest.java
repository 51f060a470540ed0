package io.xpbridge.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import io.xpbridge.ImportCommand;
import io.xpbridge.Main;
import io.xpbridge.config.DatabaseUrl;
import io.xpbridge.support.Await;
import io.xpbridge.support.Sql;
import io.xpbridge.support.TestConfig;
import io.xpbridge.support.TestDatabases;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The import command killed (SIGKILL) in the middle of a 20,000-row file, then run again: every row is
 * applied exactly once. Mode add makes a row applied twice visible in the players' XP.
 */
class ImportCrashTest {
  static final int ROWS = 20_000;

  @Test
  void killedInTheMiddleAndRunAgainImportsEveryRowExactlyOnce() throws Exception {
    DatabaseUrl db = TestDatabases.create(ImportCrashTest.class);
    Sql sql = new Sql(db);
    Path config = Files.createTempFile("xpbridge-import-config", ".json");
    Files.writeString(config, TestConfig.forDatabase(db).encode());
    Path file = Files.createTempFile("xpbridge-import-crash", ".csv");
    StringBuilder csv = new StringBuilder("platform,id,xp,balance\n");
    long expectedXp = 0;
    for (int i = 1; i <= ROWS; i++) {
      long xp = 1 + i % 977;
      expectedXp += xp;
      csv.append(i % 2 == 0 ? "telegram," + (830000000L + i) : "discord," + (830000000000000000L + i))
          .append(',').append(xp).append(',').append(i % 13).append('\n');
    }
    Files.writeString(file, csv);

    Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx256m", "-cp", System.getProperty("java.class.path"), Main.class.getName(), "import",
        "--format", "csv", "--mode", "add", "--config", config.toString(), file.toString())
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    long importedAtKill;
    try {
      Await.until("the import under way", () -> tableExists(sql)
          && sql.queryLong("SELECT count(*) FROM transactions WHERE type = 'import'") > 2_000, Duration.ofSeconds(90));
      child.destroyForcibly();
      child.waitFor();
      importedAtKill = sql.queryLong("SELECT count(*) FROM transactions WHERE type = 'import'");
    } finally {
      child.destroyForcibly();
    }
    assertTrue(importedAtKill < ROWS, "killed before the end: " + importedAtKill);

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int status = ImportCommand.run(new String[] {"--format", "csv", "--mode", "add", "--config", config.toString(),
        file.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
    assertEquals(0, status, out.toString(StandardCharsets.UTF_8));
    JsonObject report = new JsonObject(out.toString(StandardCharsets.UTF_8));
    assertEquals(ROWS, report.getInteger("rows"));
    assertTrue(report.getInteger("alreadyImported") >= importedAtKill, report.encode());

    assertEquals(ROWS, sql.queryLong("SELECT count(*) FROM transactions WHERE type = 'import'"));
    assertEquals(ROWS, sql.queryLong("SELECT count(DISTINCT idempotency_key) FROM sync_events WHERE event_type = 'import'"));
    assertEquals(expectedXp, sql.queryLong("SELECT sum(delta_xp) FROM transactions WHERE type = 'import'"));
    assertEquals(expectedXp, sql.queryLong("SELECT sum(xp) FROM players"));
    assertEquals(ROWS, sql.queryLong("SELECT count(*) FROM players"), "one player per row, none twice");
    assertEquals(0, sql.queryLong("SELECT count(*) FROM players p JOIN telegram_identities t ON t.player_id = p.id "
        + "WHERE p.xp <> 1 + (t.telegram_id - 830000000) % 977"));
    assertEquals(0, sql.queryLong("SELECT count(*) FROM players p JOIN discord_identities d ON d.player_id = p.id "
        + "WHERE p.xp <> 1 + (d.discord_id - 830000000000000000) % 977 OR p.balance <> (d.discord_id - 830000000000000000) % 13"));
  }

  private static boolean tableExists(Sql sql) {
    return sql.queryLong("SELECT count(*) FROM information_schema.tables WHERE table_name = 'transactions'") > 0;
  }
}
