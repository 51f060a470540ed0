package io.xpbridge.http;

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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code POST /api/v1/import} against the real service and PostgreSQL, with the sample files of test/resources/import. */
class ImportTest {
  static final long MAX_BYTES = 64 * 1024;
  static ServiceFixture service;
  static final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start() {
    service = ServiceFixture.start(ImportTest.class, config -> {
      // Rank roles mapped, as on a server moving from another bot (no Discord bot runs here: the
      // role effects wait in the database).
      config.getJsonArray("ranks").forEach(rank -> ((JsonObject) rank).put("discordRoleId",
          930000000000000000L + ((JsonObject) rank).getInteger("number")));
      // Room for the queue worker to retry while a test keeps the database failing for a moment.
      config.getJsonObject("sync").put("maxRetries", 100);
      return config.put("http", config.getJsonObject("http").put("importMaxBytes", MAX_BYTES));
    });
  }

  @AfterAll
  static void stop() {
    service.close();
  }

  static byte[] sample(String name) throws Exception {
    return Files.readAllBytes(Path.of("src/test/resources/import", name));
  }

  static HttpResponse<String> post(String query, byte[] body) throws Exception {
    return post(service, query, body);
  }

  static HttpResponse<String> post(ServiceFixture target, String query, byte[] body) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + target.httpPort() + "/api/v1/import?"
            + query)).header("Authorization", "Bearer " + TestConfig.ADMIN_TOKEN)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  static JsonObject ok(HttpResponse<String> response) {
    assertEquals(200, response.statusCode(), response.body());
    return new JsonObject(response.body());
  }

  long discordXp(long discordId) {
    return service.sql.queryLong("SELECT p.xp FROM players p JOIN discord_identities d ON d.player_id = p.id "
        + "WHERE d.discord_id = ?", discordId);
  }

  long telegramXp(long telegramId) {
    return service.sql.queryLong("SELECT p.xp FROM players p JOIN telegram_identities t ON t.player_id = p.id "
        + "WHERE t.telegram_id = ?", telegramId);
  }

  long importAudits() {
    return service.sql.queryLong("SELECT count(*) FROM transactions WHERE type = 'import'");
  }

  @Test
  void aMee6PageImportedTwiceChangesNothingTheSecondTime() throws Exception {
    JsonObject first = ok(post("format=mee6&mode=max", sample("mee6-page.json")));
    assertEquals(3, first.getInteger("rows"));
    assertEquals(3, first.getInteger("created"));
    assertEquals(0, first.getInteger("alreadyImported"));
    assertEquals(12630, discordXp(710000000000000001L));
    assertEquals(1020, discordXp(710000000000000002L));
    assertEquals(5, discordXp(710000000000000003L));
    assertEquals("alice", service.sql.queryString("SELECT p.display_name FROM players p JOIN discord_identities d "
        + "ON d.player_id = p.id WHERE d.discord_id = 710000000000000001"));
    assertEquals("alice", service.sql.queryString(
        "SELECT username FROM discord_identities WHERE discord_id = 710000000000000001"));
    long audits = importAudits();
    long events = service.sql.queryLong("SELECT count(*) FROM sync_events");
    // Keyed by the file's hash and the row, with ':' so that no client can spend an import's key first.
    assertEquals(3, service.sql.queryLong("SELECT count(*) FROM transactions x JOIN discord_identities d "
        + "ON d.player_id = x.player_id WHERE d.discord_id IN (710000000000000001, 710000000000000002, "
        + "710000000000000003) AND x.idempotency_key ~ '^import:[0-9a-f]{24}:[123]$'"));

    JsonObject second = ok(post("format=mee6&mode=max", sample("mee6-page.json")));
    assertEquals(3, second.getInteger("alreadyImported"));
    assertEquals(0, second.getInteger("created") + second.getInteger("changed") + second.getInteger("unchanged"));
    assertEquals(12630, discordXp(710000000000000001L));
    assertEquals(audits, importAudits());
    assertEquals(events, service.sql.queryLong("SELECT count(*) FROM sync_events"), "no new event of any kind");
  }

  @Test
  void importedXpCountsForLifetimeAndRankButNotTheSeason() throws Exception {
    ok(post("format=mee6&mode=max", sample("mee6-pages.json")));
    List<Object> dave = service.sql.queryRow("SELECT p.xp, p.season_xp FROM players p JOIN discord_identities d "
        + "ON d.player_id = p.id WHERE d.discord_id = 720000000000000001");
    assertEquals(30000L, ((Number) dave.get(0)).longValue());
    assertEquals(0L, ((Number) dave.get(1)).longValue());
    // The rank role follows in Discord; nobody is sent a rank-up message for XP earned in another bot.
    List<Object> effect = service.sql.queryRow("SELECT e.payload FROM sync_events e JOIN discord_identities d "
        + "ON d.player_id = e.player_id WHERE d.discord_id = 720000000000000001 AND e.event_type = 'rank_change'");
    JsonObject payload = new JsonObject(effect.get(0).toString());
    assertEquals(new JsonArray().add("discord"), payload.getJsonArray("targets"));
    assertEquals(false, payload.getBoolean("notify"));
    assertEquals(0, service.sql.queryLong("SELECT count(*) FROM sync_events e JOIN discord_identities d "
        + "ON d.player_id = e.player_id WHERE d.discord_id = 720000000000000001 AND e.event_type = 'announcement'"));
  }

  @Test
  void anArrayOfMee6PagesImportsEveryPage() throws Exception {
    JsonObject report = ok(post("format=mee6&mode=add&dryRun=true", sample("mee6-pages.json")));
    assertEquals(3, report.getInteger("rows"));
    JsonObject again = ok(post("format=mee6&mode=max", sample("mee6-pages.json")));
    assertEquals(3, again.getInteger("rows"), again.encode());
    assertEquals(900, discordXp(720000000000000002L));
    assertEquals(300, discordXp(720000000000000003L));
  }

  @Test
  void polarisUsersAreImportedWithTheirHiddenChoice() throws Exception {
    // Sent as curl sends a file: asking first (Expect: 100-continue).
    JsonObject report = ok(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.httpPort()
            + "/api/v1/import?format=polaris&mode=max")).header("Authorization", "Bearer " + TestConfig.ADMIN_TOKEN)
        .expectContinue(true).POST(HttpRequest.BodyPublishers.ofByteArray(sample("polaris.json"))).build(),
        HttpResponse.BodyHandlers.ofString()));
    assertEquals(3, report.getInteger("rows"));
    assertEquals(3, report.getInteger("created"));
    assertEquals(48000, discordXp(730000000000000001L));
    assertEquals(2500, discordXp(730000000000000002L));
    assertEquals("true", service.sql.queryString("SELECT p.hidden FROM players p JOIN discord_identities d "
        + "ON d.player_id = p.id WHERE d.discord_id = 730000000000000002"));
    assertEquals("false", service.sql.queryString("SELECT p.hidden FROM players p JOIN discord_identities d "
        + "ON d.player_id = p.id WHERE d.discord_id = 730000000000000001"));
    JsonObject second = ok(post("format=polaris&mode=max", sample("polaris.json")));
    assertEquals(3, second.getInteger("alreadyImported"));
  }

  @Test
  void csvRowsSetXpBalanceAndNamesOnBothPlatforms() throws Exception {
    JsonObject report = ok(post("format=csv&mode=replace", sample("players.csv")));
    assertEquals(3, report.getInteger("created"), report.encode());
    assertEquals(5000, telegramXp(740000001L));
    assertEquals(250, service.sql.queryLong("SELECT p.balance FROM players p JOIN telegram_identities t "
        + "ON t.player_id = p.id WHERE t.telegram_id = 740000001"));
    assertEquals("Grace, the first", service.sql.queryString("SELECT p.display_name FROM players p "
        + "JOIN telegram_identities t ON t.player_id = p.id WHERE t.telegram_id = 740000001"));
    assertEquals(1200, discordXp(740000000000000002L));
    assertEquals(10, service.sql.queryLong("SELECT p.balance FROM players p JOIN telegram_identities t "
        + "ON t.player_id = p.id WHERE t.telegram_id = 740000003"));
    JsonObject second = ok(post("format=csv&mode=replace", sample("players.csv")));
    assertEquals(3, second.getInteger("alreadyImported"));
    assertEquals(5000, telegramXp(740000001L));
  }

  /** A player with 1,000 XP here, then a file with 400 for them, in each mode. */
  @Test
  void eachModeMeetsTheCurrentXpItsOwnWay() throws Exception {
    long[] players = {760000001L, 760000002L, 760000003L};
    for (long id : players) {
      service.submit(ServiceFixture.xp("modes_" + id, id, 1000));
    }
    ok(post("format=csv&mode=add", csv("telegram," + players[0] + ",400")));
    ok(post("format=csv&mode=max", csv("telegram," + players[1] + ",400")));
    JsonObject replace = ok(post("format=csv&mode=replace", csv("telegram," + players[2] + ",400")));
    assertEquals(1, replace.getInteger("changed"));
    assertEquals(1400, telegramXp(players[0]));
    assertEquals(1000, telegramXp(players[1]), "max never lowers");
    assertEquals(400, telegramXp(players[2]));
    // A higher figure under max raises to exactly it.
    JsonObject max = ok(post("format=csv&mode=max", csv("telegram," + players[1] + ",2500")));
    assertEquals(1, max.getInteger("changed"));
    assertEquals(2500, telegramXp(players[1]));
    JsonObject same = ok(post("format=csv&mode=max", csv("telegram," + players[1] + ",2000")));
    assertEquals(1, same.getInteger("unchanged"));
    assertEquals(2500, telegramXp(players[1]));
    // Every imported row is audited with what it moved, so the audit trail still sums to the ledger.
    for (long id : players) {
      assertEquals(telegramXp(id), service.sql.queryLong("SELECT sum(x.delta_xp) FROM transactions x "
          + "JOIN telegram_identities t ON t.player_id = x.player_id WHERE t.telegram_id = ?", id));
    }
  }

  static byte[] csv(String... rows) {
    return ("platform,id,xp\n" + String.join("\n", rows) + "\n").getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void aDryRunReportsWithoutWritingAnything() throws Exception {
    service.submit(ServiceFixture.xp("dry_known", 770000001L, 500));
    long players = service.sql.queryLong("SELECT count(*) FROM players");
    long events = service.sql.queryLong("SELECT count(*) FROM sync_events");
    byte[] file = csv("telegram,770000001,800", "telegram,770000002,10", "discord,770000000000000003,0");
    JsonObject report = ok(post("format=csv&mode=max&dryRun=true", file));
    assertEquals(true, report.getBoolean("dryRun"));
    assertEquals(3, report.getInteger("rows"));
    assertEquals(2, report.getInteger("created"));
    assertEquals(1, report.getInteger("changed"));
    assertEquals(0, report.getInteger("unchanged"));
    assertEquals(players, service.sql.queryLong("SELECT count(*) FROM players"));
    assertEquals(events, service.sql.queryLong("SELECT count(*) FROM sync_events"));
    assertEquals(500, telegramXp(770000001L));
    // The real run then does what the dry run said, and a dry run after it finds the rows imported.
    JsonObject real = ok(post("format=csv&mode=max", file));
    assertEquals(2, real.getInteger("created"));
    assertEquals(1, real.getInteger("changed"));
    assertEquals(800, telegramXp(770000001L));
    assertEquals(3, ok(post("format=csv&mode=max&dryRun=true", file)).getInteger("alreadyImported"));
  }

  @Test
  void aFileWithBadRowsIsRefusedWholeListingEveryBadLine() throws Exception {
    long players = service.sql.queryLong("SELECT count(*) FROM players");
    HttpResponse<String> response = post("format=csv&mode=max", sample("bad.csv"));
    assertEquals(400, response.statusCode(), response.body());
    JsonObject body = new JsonObject(response.body());
    assertEquals(6, body.getInteger("errorCount"), body.encodePrettily());
    List<Integer> lines = new ArrayList<>();
    body.getJsonArray("errors").forEach(e -> lines.add(((JsonObject) e).getInteger("line")));
    assertEquals(List.of(3, 4, 5, 6, 7, 9), lines);
    String errors = body.getJsonArray("errors").encode();
    assertTrue(errors.contains("unknown platform 'matrix'"), errors);
    assertTrue(errors.contains("appears again (first on line 2)"), errors);
    assertTrue(errors.contains("must not be negative"), errors);
    assertEquals(players, service.sql.queryLong("SELECT count(*) FROM players"), "nothing written");
    assertEquals(0, telegramXp(750000001L));

    JsonObject skipped = ok(post("format=csv&mode=max&skipInvalid=true", sample("bad.csv")));
    assertEquals(6, skipped.getInteger("skipped"));
    assertEquals(2, skipped.getInteger("created"));
    assertEquals(6, skipped.getJsonArray("errors").size());
    assertEquals(100, telegramXp(750000001L), "the first of the two rows for one account");
    assertEquals(70, telegramXp(750000007L));
  }

  @Test
  void brokenJsonIsRefusedWithItsLine() throws Exception {
    HttpResponse<String> response = post("format=mee6", "{\"players\": [\n{\"id\": \"1\", \"xp\": 5},\n{\"id\": "
        .getBytes(StandardCharsets.UTF_8));
    assertEquals(400, response.statusCode(), response.body());
    JsonObject error = new JsonObject(response.body()).getJsonArray("errors").getJsonObject(0);
    assertEquals(3, error.getInteger("line"));
    assertTrue(error.getString("error").startsWith("broken JSON"), error.encode());
  }

  @Test
  void badParametersAreRefusedBeforeTheBodyIsRead() throws Exception {
    assertEquals(400, post("mode=max", csv("telegram,1,1")).statusCode());
    assertEquals(400, post("format=xml", csv("telegram,1,1")).statusCode());
    assertEquals(400, post("format=csv&mode=sum", csv("telegram,1,1")).statusCode());
    assertEquals(400, post("format=csv&dryrun=true", csv("telegram,1,1")).statusCode());
    HttpResponse<String> unauthorized = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
        + service.httpPort() + "/api/v1/import?format=csv")).POST(HttpRequest.BodyPublishers.ofByteArray(
            csv("telegram,780000001,1"))).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(401, unauthorized.statusCode());
    assertEquals(0, telegramXp(780000001L));
  }

  @Test
  void aBodyOverTheLimitIs413() throws Exception {
    StringBuilder big = new StringBuilder("platform,id,xp\n");
    for (int i = 1; big.length() <= MAX_BYTES + 1024; i++) {
      big.append("telegram,").append(790000000L + i).append(",1\n");
    }
    HttpResponse<String> response = post("format=csv", big.toString().getBytes(StandardCharsets.UTF_8));
    assertEquals(413, response.statusCode(), response.body());
    // A client that asks first (Expect: 100-continue, as curl does) is refused before it sends the body.
    // (Over a plain socket: JDK 17's HttpClient waits forever for a 100 that a refusal never sends.)
    try (java.net.Socket socket = new java.net.Socket("127.0.0.1", service.httpPort())) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write(("POST /api/v1/import?format=csv HTTP/1.1\r\nHost: 127.0.0.1\r\n"
          + "Authorization: Bearer " + TestConfig.ADMIN_TOKEN + "\r\nContent-Length: " + (MAX_BYTES + 1)
          + "\r\nExpect: 100-continue\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      String status = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
          StandardCharsets.US_ASCII)).readLine();
      assertEquals("HTTP/1.1 413 Request Entity Too Large", status);
    }
    assertTrue(new JsonObject(response.body()).getString("error").contains("http.importMaxBytes"));
    assertEquals(0, telegramXp(790000001L));
    // Without a Content-Length (chunked), the stream is cut once it passes the limit.
    HttpResponse<String> chunked = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
            + service.httpPort() + "/api/v1/import?format=csv")).header("Authorization", "Bearer " + TestConfig.ADMIN_TOKEN)
        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(
            big.toString().getBytes(StandardCharsets.UTF_8)))).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(413, chunked.statusCode(), chunked.body());
    assertEquals(0, telegramXp(790000001L));
  }

  /**
   * When the database refuses a chunk's batch on arrival, its events are stored for the queue worker,
   * which applies them later from their stored payload: the same targets, computed from the row then.
   */
  @Test
  void rowsTheArrivalCouldNotApplyAreAppliedByTheQueueWorker() throws Exception {
    service.sql.execute("""
        CREATE TABLE import_poison (on_ BOOLEAN);
        INSERT INTO import_poison VALUES (true);
        CREATE FUNCTION import_poison() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF NEW.type = 'import' AND EXISTS (SELECT 1 FROM import_poison) THEN
            RAISE EXCEPTION 'disk on fire for %', NEW.idempotency_key;
          END IF;
          RETURN NEW;
        END $$;
        CREATE TRIGGER import_poison BEFORE INSERT ON transactions FOR EACH ROW EXECUTE FUNCTION import_poison();
        """);
    try {
      service.submit(ServiceFixture.xp("queued_known", 796000001L, 300));
      JsonObject report = ok(post("format=csv&mode=add", csv("telegram,796000001,50", "telegram,796000002,70")));
      assertEquals(2, report.getInteger("rows"));
      assertEquals(0, report.getInteger("failed"), report.encode());
      assertEquals(2, service.sql.queryLong("SELECT count(*) FROM sync_events WHERE event_type = 'import' "
          + "AND status = 'pending' AND idempotency_key LIKE 'import:%'"), "stored for the queue worker");
      assertEquals(300, telegramXp(796000001L));
    } finally {
      service.sql.execute("DELETE FROM import_poison");
    }
    io.xpbridge.support.Await.until("the queue worker applied the import", () -> telegramXp(796000001L) == 350
        && telegramXp(796000002L) == 70);
    service.sql.execute("DROP TRIGGER import_poison ON transactions; DROP FUNCTION import_poison(); "
        + "DROP TABLE import_poison");
    assertEquals(2, service.sql.queryLong("SELECT count(*) FROM transactions x JOIN telegram_identities t "
        + "ON t.player_id = x.player_id WHERE t.telegram_id IN (796000001, 796000002) AND x.type = 'import'"));
  }

  /** An import, activity and admin adjustments of the same player at the same time: each applied exactly once. */
  @Test
  void concurrentActivityAdjustmentsAndImportOfOnePlayerAreAllAppliedOnce() throws Exception {
    long id = 795000001L;
    service.submit(ServiceFixture.xp("concurrent_start", id, 100));
    long playerId = service.sql.queryLong("SELECT player_id FROM telegram_identities WHERE telegram_id = ?", id);
    List<CompletableFuture<?>> running = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      String body = new JsonObject().put("xp", 5).put("reason", "race " + i).put("idempotencyKey", "race_" + i).encode();
      running.add(CompletableFuture.runAsync(() -> {
        try {
          HttpResponse<String> adjusted = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                  + service.httpPort() + "/api/v1/players/" + playerId + "/adjust"))
              .header("Authorization", "Bearer " + TestConfig.ADMIN_TOKEN).header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
          assertEquals(202, adjusted.statusCode(), adjusted.body());
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      }));
    }
    CompletableFuture<HttpResponse<String>> imported = CompletableFuture.supplyAsync(() -> {
      try {
        return post("format=csv&mode=add", csv("telegram," + id + ",1000"));
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    for (int i = 0; i < 40; i++) {
      int n = i;
      running.add(CompletableFuture.runAsync(() -> service.submit(ServiceFixture.xp("concurrent_" + n, id, 10))));
    }
    CompletableFuture.allOf(running.toArray(new CompletableFuture[0])).get();
    ok(imported.get());
    assertEquals(100 + 40 * 10 + 10 * 5 + 1000, telegramXp(id));
    assertEquals(100 + 40 * 10 + 10 * 5 + 1000, service.sql.queryLong("SELECT sum(x.delta_xp) FROM transactions x "
        + "JOIN telegram_identities t ON t.player_id = x.player_id WHERE t.telegram_id = ?", id));
  }
}
