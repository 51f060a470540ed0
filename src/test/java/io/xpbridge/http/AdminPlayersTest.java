package io.xpbridge.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.xpbridge.support.ServiceFixture;
import io.xpbridge.support.TestConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The admin's player tools: search, history, adjust, failed events and bulk requeue (real service + PostgreSQL). */
class AdminPlayersTest {
  static ServiceFixture service;
  static final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start() {
    service = ServiceFixture.start(AdminPlayersTest.class);
  }

  @AfterAll
  static void stop() {
    service.close();
  }

  private static HttpRequest request(String method, String path, String body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.httpPort() + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        .header("Authorization", "Bearer " + TestConfig.ADMIN_TOKEN);
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    return request.build();
  }

  private static HttpResponse<String> call(String method, String path, String body) throws Exception {
    return http.send(request(method, path, body), HttpResponse.BodyHandlers.ofString());
  }

  private static JsonObject ok(HttpResponse<String> response) {
    assertEquals(200, response.statusCode(), response.body());
    return new JsonObject(response.body());
  }

  private static void bad(int status, String field, HttpResponse<String> response) {
    assertEquals(status, response.statusCode(), response.body());
    assertTrue(new JsonObject(response.body()).getString("error").contains(field), response.body());
  }

  private static long playerOfTelegram(long telegramId, long xp, String key) {
    service.submit(ServiceFixture.xp(key, telegramId, xp));
    service.awaitQueueDrained();
    return service.sql.queryLong("SELECT player_id FROM telegram_identities WHERE telegram_id = ?", telegramId);
  }

  @Test
  void searchFindsByPlatformIdAndByNameCaseInsensitivelyPaged() throws Exception {
    long alice = playerOfTelegram(81_001, 10, "adm_search_1");
    long bob = playerOfTelegram(81_002, 20, "adm_search_2");
    long carol = playerOfTelegram(81_003, 30, "adm_search_3");
    service.sql.update("UPDATE players SET display_name = 'Alice Zyx_Q' WHERE id = ?", alice);
    service.sql.update("UPDATE telegram_identities SET username = 'zyxbob' WHERE player_id = ?", bob);
    service.sql.update("UPDATE players SET display_name = 'ZYX carol' WHERE id = ?", carol);

    JsonArray byTelegram = ok(call("GET", "/api/v1/players?telegramId=81002", null)).getJsonArray("players");
    assertEquals(1, byTelegram.size());
    assertEquals(bob, byTelegram.getJsonObject(0).getLong("id"));
    assertEquals(20, byTelegram.getJsonObject(0).getLong("xp"));
    assertEquals("zyxbob", byTelegram.getJsonObject(0).getString("telegramUsername"));
    assertEquals(0, ok(call("GET", "/api/v1/players?discordId=81002", null)).getJsonArray("players").size());

    JsonArray all = ok(call("GET", "/api/v1/players?name=zYx", null)).getJsonArray("players");
    assertEquals(List.of(alice, bob, carol), ids(all));
    assertEquals(List.of(alice, bob), ids(ok(call("GET", "/api/v1/players?name=zyx&limit=2", null)).getJsonArray("players")));
    assertEquals(List.of(carol), ids(ok(call("GET", "/api/v1/players?name=zyx&limit=2&offset=2", null))
        .getJsonArray("players")));
    assertEquals(List.of(alice), ids(ok(call("GET", "/api/v1/players?name=zyx_q", null)).getJsonArray("players")));
    assertEquals(List.of(), ids(ok(call("GET", "/api/v1/players?name=zyx%25q", null)).getJsonArray("players")),
        "% is matched literally");

    bad(400, "exactly one", call("GET", "/api/v1/players", null));
    bad(400, "exactly one", call("GET", "/api/v1/players?telegramId=1&name=x", null));
    bad(400, "telegramId", call("GET", "/api/v1/players?telegramId=abc", null));
    bad(400, "limit", call("GET", "/api/v1/players?name=x&limit=0", null));
    bad(400, "limit", call("GET", "/api/v1/players?name=x&limit=101", null));
    bad(400, "offset", call("GET", "/api/v1/players?name=x&offset=-1", null));
  }

  private static List<Long> ids(JsonArray players) {
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < players.size(); i++) {
      ids.add(players.getJsonObject(i).getLong("id"));
    }
    return ids;
  }

  @Test
  void adjustGoesThroughTheLedgerOnceAndShowsInTheHistory() throws Exception {
    long player = playerOfTelegram(82_001, 100, "adm_adjust_seed");
    String body = new JsonObject().put("xp", 250).put("balance", 30).put("reason", "wrong grant fixed")
        .put("idempotencyKey", "ticket-17").encode();
    HttpResponse<String> first = call("POST", "/api/v1/players/" + player + "/adjust", body);
    assertEquals(202, first.statusCode(), first.body());
    HttpResponse<String> again = call("POST", "/api/v1/players/" + player + "/adjust", body);
    assertEquals(200, again.statusCode(), again.body());
    assertEquals(true, new JsonObject(again.body()).getBoolean("duplicate"));
    service.awaitQueueDrained();
    assertEquals(350, service.sql.queryLong("SELECT xp FROM players WHERE id = ?", player));
    assertEquals(30, service.sql.queryLong("SELECT balance FROM players WHERE id = ?", player));
    assertEquals("system", service.sql.queryString(
        "SELECT source FROM sync_events WHERE idempotency_key = 'admin_ticket-17'"));
    assertEquals("both", service.sql.queryString(
        "SELECT processed_by FROM sync_events WHERE idempotency_key = 'admin_ticket-17'"),
        "mirrored to both platforms, so the rank role and rank-up message follow");
    assertEquals("wrong grant fixed", service.sql.queryString(
        "SELECT reason FROM transactions WHERE idempotency_key LIKE 'admin_ticket-17%'"));

    HttpResponse<String> otherRequest = call("POST", "/api/v1/players/" + player + "/adjust",
        new JsonObject().put("xp", 1).put("reason", "r").put("idempotencyKey", "ticket-17").encode());
    assertEquals(409, otherRequest.statusCode(), otherRequest.body());
    HttpResponse<String> down = call("POST", "/api/v1/players/" + player + "/adjust",
        new JsonObject().put("xp", -50).put("reason", "spam").put("idempotencyKey", "ticket-18").encode());
    assertEquals(202, down.statusCode(), down.body());
    service.awaitQueueDrained();
    assertEquals(300, service.sql.queryLong("SELECT xp FROM players WHERE id = ?", player));

    bad(400, "reason", call("POST", "/api/v1/players/" + player + "/adjust",
        new JsonObject().put("xp", 5).put("idempotencyKey", "k1").encode()));
    bad(400, "idempotencyKey", call("POST", "/api/v1/players/" + player + "/adjust",
        new JsonObject().put("xp", 5).put("reason", "r").encode()));
    bad(400, "setXp", call("POST", "/api/v1/players/" + player + "/adjust",
        new JsonObject().put("xp", 5).put("setXp", 9).put("reason", "r").put("idempotencyKey", "k2").encode()));
    bad(400, "setXp", call("POST", "/api/v1/players/" + player + "/adjust",
        new JsonObject().put("setXp", -1).put("reason", "r").put("idempotencyKey", "k2").encode()));
    bad(400, "xp", call("POST", "/api/v1/players/" + player + "/adjust",
        new JsonObject().put("xp", 1.5).put("reason", "r").put("idempotencyKey", "k3").encode()));
    bad(400, "xp", call("POST", "/api/v1/players/" + player + "/adjust",
        new JsonObject().put("reason", "r").put("idempotencyKey", "k4").encode()));
    bad(400, "playerId", call("POST", "/api/v1/players/abc/adjust",
        new JsonObject().put("xp", 5).put("reason", "r").put("idempotencyKey", "k5").encode()));
    bad(404, "", call("POST", "/api/v1/players/99999999/adjust",
        new JsonObject().put("xp", 5).put("reason", "r").put("idempotencyKey", "k6").encode()));

    // History: the seed event, the two adjustments and their audit rows, newest first, paged.
    JsonObject page1 = ok(call("GET", "/api/v1/players/" + player + "/history?limit=2", null));
    JsonArray items = page1.getJsonArray("items");
    assertEquals(2, items.size());
    assertNotNull(page1.getString("next"));
    List<JsonObject> seen = new ArrayList<>();
    items.forEach(item -> seen.add((JsonObject) item));
    String next = page1.getString("next");
    while (next != null) {
      JsonObject page = ok(call("GET", "/api/v1/players/" + player + "/history?limit=2&before=" + next, null));
      page.getJsonArray("items").forEach(item -> seen.add((JsonObject) item));
      next = page.getString("next");
    }
    long events = service.sql.queryLong("SELECT count(*) FROM sync_events WHERE player_id = ?", player);
    long audits = service.sql.queryLong("SELECT count(*) FROM transactions WHERE player_id = ?", player);
    assertEquals(events + audits, seen.size());
    Set<String> unique = new HashSet<>();
    for (int i = 0; i < seen.size(); i++) {
      assertTrue(unique.add(seen.get(i).getString("kind") + seen.get(i).getLong("id")), "no row twice");
      if (i > 0) {
        assertTrue(seen.get(i - 1).getString("at").compareTo(seen.get(i).getString("at")) >= 0, "newest first");
      }
    }
    assertTrue(seen.stream().anyMatch(i -> "audit".equals(i.getString("kind")) && "spam".equals(i.getString("reason"))));
    bad(404, "", call("GET", "/api/v1/players/99999999/history", null));
    bad(400, "before", call("GET", "/api/v1/players/" + player + "/history?before=yesterday", null));
    bad(400, "limit", call("GET", "/api/v1/players/" + player + "/history?limit=500", null));
  }

  @Test
  void setXpWritesTheDifferenceOnceAndItsKeyAgainIsADuplicate() throws Exception {
    long player = playerOfTelegram(85_001, 700, "adm_setxp_seed");
    String body = new JsonObject().put("setXp", 1000).put("reason", "restore after a bug")
        .put("idempotencyKey", "set-1").encode();
    HttpResponse<String> first = call("POST", "/api/v1/players/" + player + "/adjust", body);
    assertEquals(202, first.statusCode(), first.body());
    service.awaitQueueDrained();
    assertEquals(1000, service.sql.queryLong("SELECT xp FROM players WHERE id = ?", player));
    assertEquals(300, service.sql.queryLong("SELECT delta_xp FROM transactions WHERE idempotency_key = 'admin_set-1'"));

    HttpResponse<String> again = call("POST", "/api/v1/players/" + player + "/adjust", body);
    assertEquals(200, again.statusCode(), again.body());
    assertEquals(true, new JsonObject(again.body()).getBoolean("duplicate"));
    assertEquals(new JsonObject(first.body()).getLong("eventId"), new JsonObject(again.body()).getLong("eventId"));
    HttpResponse<String> other = call("POST", "/api/v1/players/" + player + "/adjust",
        new JsonObject().put("setXp", 999).put("reason", "r").put("idempotencyKey", "set-1").encode());
    assertEquals(409, other.statusCode(), other.body());
    service.awaitQueueDrained();
    assertEquals(1000, service.sql.queryLong("SELECT xp FROM players WHERE id = ?", player));

    HttpResponse<String> down = call("POST", "/api/v1/players/" + player + "/adjust",
        new JsonObject().put("setXp", 0).put("reason", "cheater").put("idempotencyKey", "set-2").encode());
    assertEquals(202, down.statusCode(), down.body());
    service.awaitQueueDrained();
    assertEquals(0, service.sql.queryLong("SELECT xp FROM players WHERE id = ?", player));
    bad(404, "", call("POST", "/api/v1/players/99999999/adjust",
        new JsonObject().put("setXp", 5).put("reason", "r").put("idempotencyKey", "set-3").encode()));
  }

  @Test
  void concurrentAdjustsOfOnePlayerApplyEachOnce() throws Exception {
    long player = playerOfTelegram(83_001, 1, "adm_conc_seed");
    List<CompletableFuture<HttpResponse<String>>> sent = new ArrayList<>();
    for (int round = 0; round < 2; round++) {
      for (int i = 0; i < 20; i++) {
        String body = new JsonObject().put("xp", 10).put("reason", "event prize")
            .put("idempotencyKey", "conc-" + i).encode();
        sent.add(http.sendAsync(request("POST", "/api/v1/players/" + player + "/adjust", body),
            HttpResponse.BodyHandlers.ofString()));
      }
    }
    for (CompletableFuture<HttpResponse<String>> response : sent) {
      int status = response.get().statusCode();
      assertTrue(status == 200 || status == 202, response.get().body());
    }
    service.awaitQueueDrained();
    assertEquals(1 + 20 * 10, service.sql.queryLong("SELECT xp FROM players WHERE id = ?", player));
    assertEquals(20, service.sql.queryLong(
        "SELECT count(*) FROM transactions WHERE player_id = ? AND idempotency_key LIKE 'admin\\_conc-%'", player));
  }

  @Test
  void failedEventsAreListedWithTheirErrorAndRequeuedTogether() throws Exception {
    for (int i = 0; i < 3; i++) {
      service.submit(new JsonObject().put("source", "telegram").put("type", "balance_change").put("telegramId", 84_000 + i)
          .put("balance", -100).put("idempotencyKey", "adm_fail_" + i));
    }
    service.awaitQueueDrained();
    long failed = service.sql.queryLong("SELECT count(*) FROM sync_events WHERE status = 'failed'");
    assertTrue(failed >= 3);

    JsonObject page = ok(call("GET", "/api/v1/events?status=failed&type=balance_change&limit=2", null));
    JsonArray events = page.getJsonArray("events");
    assertEquals(2, events.size());
    assertTrue(events.getJsonObject(0).getString("error").contains("below zero"), events.encode());
    assertTrue(events.getJsonObject(0).getLong("id") > events.getJsonObject(1).getLong("id"), "newest first");
    JsonObject rest = ok(call("GET", "/api/v1/events?status=failed&type=balance_change&before=" + page.getLong("next"),
        null));
    assertNull(rest.getValue("next"));
    assertEquals(service.sql.queryLong("SELECT count(*) FROM sync_events WHERE status = 'failed' AND event_type = "
        + "'balance_change'"), 2 + rest.getJsonArray("events").size());
    assertEquals(0, ok(call("GET", "/api/v1/events?status=failed&type=achievement_unlock", null))
        .getJsonArray("events").size());

    bad(400, "status", call("GET", "/api/v1/events?status=pending", null));
    bad(400, "type", call("GET", "/api/v1/events?type=nope", null));
    bad(400, "before", call("GET", "/api/v1/events?before=x", null));
    bad(400, "status", call("POST", "/api/v1/events/requeue", "{\"type\":\"balance_change\"}"));
    bad(400, "type", call("POST", "/api/v1/events/requeue", "{\"status\":\"failed\",\"type\":\"nope\"}"));
    bad(400, "extra", call("POST", "/api/v1/events/requeue", "{\"status\":\"failed\",\"extra\":1}"));

    assertEquals(0, ok(call("POST", "/api/v1/events/requeue", "{\"status\":\"failed\",\"type\":\"achievement_unlock\"}"))
        .getLong("requeued"));
    long failedBalance = service.sql.queryLong(
        "SELECT count(*) FROM sync_events WHERE status = 'failed' AND event_type = 'balance_change'");
    JsonObject requeued = ok(call("POST", "/api/v1/events/requeue",
        "{\"status\":\"failed\",\"type\":\"balance_change\"}"));
    assertEquals(failedBalance, requeued.getLong("requeued"));
    service.awaitQueueDrained();
    // They fail again (the balance is still too low), proving they were run once more.
    assertEquals(failedBalance, service.sql.queryLong(
        "SELECT count(*) FROM sync_events WHERE status = 'failed' AND event_type = 'balance_change'"));
  }
}
