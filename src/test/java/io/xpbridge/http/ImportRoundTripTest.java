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
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Export from one database, import into a fresh one, export again: the same lines, but for what
 * cannot carry over (the internal playerId, the season's XP, the achievements' unlock time).
 */
class ImportRoundTripTest {
  static final int PLAYERS = 300;
  static ServiceFixture source;
  static ServiceFixture target;
  static final HttpClient http = HttpClient.newHttpClient();

  /** Names the second database. */
  static final class Target {}

  @BeforeAll
  static void start() {
    source = ServiceFixture.start(ImportRoundTripTest.class);
    target = ServiceFixture.start(Target.class);
    // Telegram for all but multiples of 3 (Discord only), Discord too for even ids: linked players.
    source.sql.execute("""
        INSERT INTO players (id, display_name, hidden)
        SELECT g, CASE WHEN g % 5 = 0 THEN NULL ELSE 'player ' || g END, g % 7 = 0 FROM generate_series(1, 300) g;
        SELECT setval(pg_get_serial_sequence('players', 'id'), 1000);
        INSERT INTO telegram_identities (telegram_id, player_id, chat_id, username, language_code)
        SELECT 810000000 + id, id, 810000000 + id, CASE WHEN id % 4 = 0 THEN NULL ELSE 'tg' || id END,
               CASE WHEN id % 2 = 0 THEN 'ru' ELSE 'en' END FROM players WHERE id % 3 <> 0;
        INSERT INTO discord_identities (discord_id, player_id, username, sync_enabled)
        SELECT 820000000000000000 + id, id, 'dc' || id, id % 4 <> 0 FROM players WHERE id % 2 = 0 OR id % 3 = 0;
        """);
    // XP and coins through the engine, so ranks and achievements are what the rules give.
    for (int id = 1; id <= PLAYERS; id++) {
      JsonObject event = new JsonObject().put("source", "telegram").put("type", "reward_grant")
          .put("playerId", id).put("xp", (long) id * id * 3).put("balance", id * 7L)
          .put("idempotencyKey", "seed_" + id);
      source.submit(event);
    }
  }

  @AfterAll
  static void stop() {
    try {
      source.close();
    } finally {
      target.close();
    }
  }

  static String export(ServiceFixture service) throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
            + service.httpPort() + "/api/v1/export")).header("Authorization", "Bearer " + TestConfig.ADMIN_TOKEN)
        .GET().build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode());
    return response.body();
  }

  /** A line without what cannot be the same in another database. */
  static JsonObject comparable(String text) {
    JsonObject line = new JsonObject(text);
    line.remove("playerId");
    line.remove("season");
    JsonArray codes = new JsonArray();
    line.getJsonArray("achievements").forEach(a -> codes.add(((JsonObject) a).getString("code")));
    line.put("achievements", codes);
    return line;
  }

  static List<JsonObject> lines(String export) {
    return export.lines().map(ImportRoundTripTest::comparable)
        .sorted(Comparator.comparing(line -> line.getString("publicId"))).toList();
  }

  @Test
  void exportingAnImportedExportGivesTheSameLines() throws Exception {
    String exported = export(source);
    assertEquals(PLAYERS, exported.lines().count());
    HttpResponse<String> imported = ImportTest.post(target, "format=xpbridge&mode=replace",
        exported.getBytes(StandardCharsets.UTF_8));
    assertEquals(200, imported.statusCode(), imported.body());
    JsonObject report = new JsonObject(imported.body());
    assertEquals(PLAYERS, report.getInteger("created"), report.encode());

    List<JsonObject> before = lines(exported);
    // The comparison covers every kind of field: achievements, hidden players, sync turned off, missing names.
    assertTrue(before.stream().anyMatch(l -> l.getJsonArray("achievements").size() >= 2));
    assertTrue(before.stream().anyMatch(l -> l.getBoolean("hidden")));
    assertTrue(before.stream().anyMatch(l -> l.containsKey("discord")
        && !l.getJsonObject("discord").getBoolean("syncEnabled")));
    assertTrue(before.stream().anyMatch(l -> !l.containsKey("name")));
    List<JsonObject> after = lines(export(target));
    assertEquals(before.size(), after.size());
    for (int i = 0; i < before.size(); i++) {
      assertEquals(before.get(i), after.get(i));
    }
    // Linked players stayed one player with both accounts.
    assertEquals(PLAYERS, target.sql.queryLong("SELECT count(*) FROM players"));
    assertEquals(before.stream().filter(l -> l.containsKey("telegram") && l.containsKey("discord")).count(),
        target.sql.queryLong("SELECT count(*) FROM telegram_identities t JOIN discord_identities d "
            + "ON d.player_id = t.player_id"));

    // Again: nothing changes, not even a name.
    JsonObject again = new JsonObject(ImportTest.post(target, "format=xpbridge&mode=replace",
        exported.getBytes(StandardCharsets.UTF_8)).body());
    assertEquals(PLAYERS, again.getInteger("alreadyImported"), again.encode());
    assertEquals(after, lines(export(target)));
  }
}
