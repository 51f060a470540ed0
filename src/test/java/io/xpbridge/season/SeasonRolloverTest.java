package io.xpbridge.season;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.xpbridge.support.Await;
import io.xpbridge.support.ServiceFixture;
import io.xpbridge.support.TestConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A season rollover over the admin API: the standings are archived, every reward is paid once (also
 * when two rollovers are asked for at once), and the next season counts from zero while lifetime XP
 * and ranks go on.
 */
class SeasonRolloverTest {
  static final HttpClient http = HttpClient.newHttpClient();
  static final UnaryOperator<JsonObject> REWARDS = config -> {
    // season_champion is one of the shipped achievements (a manual one: only a reward gives it).
    config.put("seasons", new JsonObject().put("rewards", new JsonArray()
        .add(new JsonObject().put("top", 1).put("achievement", "season_champion").put("coins", 1000))
        .add(new JsonObject().put("top", 2).put("coins", 200))));
    return config;
  };

  static ServiceFixture service;

  @BeforeAll
  static void start() {
    service = ServiceFixture.start(SeasonRolloverTest.class, REWARDS);
  }

  @AfterAll
  static void stop() {
    service.close();
  }

  static HttpResponse<String> call(String method, String path, String body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.httpPort() + path))
        .header("Authorization", "Bearer " + TestConfig.ADMIN_TOKEN)
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static long playerOf(long telegramId) {
    return service.sql.queryLong("SELECT player_id FROM telegram_identities WHERE telegram_id = ?", telegramId);
  }

  static long balanceOf(long telegramId) {
    return service.sql.queryLong("SELECT balance FROM players WHERE id = ?", playerOf(telegramId));
  }

  @Test
  void aRolloverArchivesTheStandingsAndPaysEachRewardOnceEvenWhenAskedTwiceAtOnce() {
    service.submit(ServiceFixture.xp("s1_a", 9001, 300));
    service.submit(ServiceFixture.xp("s1_b", 9002, 200));
    service.submit(ServiceFixture.xp("s1_c", 9003, 100));
    long[] before = {balanceOf(9001), balanceOf(9002), balanceOf(9003)};

    CompletableFuture<HttpResponse<String>> first = CompletableFuture.supplyAsync(
        () -> call("POST", "/api/v1/seasons", "{\"name\": \"Winter\"}"));
    CompletableFuture<HttpResponse<String>> second = CompletableFuture.supplyAsync(
        () -> call("POST", "/api/v1/seasons", "{\"name\": \"Winter again\"}"));
    List<Integer> statuses = List.of(first.join().statusCode(), second.join().statusCode()).stream().sorted().toList();
    assertEquals(List.of(201, 409), statuses, first.join().body() + " / " + second.join().body());
    HttpResponse<String> won = first.join().statusCode() == 201 ? first.join() : second.join();
    HttpResponse<String> lost = first.join().statusCode() == 201 ? second.join() : first.join();
    assertTrue(new JsonObject(lost.body()).getString("error").contains("season"), lost.body());
    JsonObject started = new JsonObject(won.body());
    assertEquals(2, started.getInteger("id"));
    assertEquals("running", started.getString("state"));

    assertEquals(List.of(List.of(playerOf(9001), 1, 300L), List.of(playerOf(9002), 2, 200L),
        List.of(playerOf(9003), 3, 100L)), service.sql.query(
        "SELECT player_id, place, xp FROM season_standings WHERE season_id = 1 ORDER BY place"));
    Await.until("the rewards are applied", () -> balanceOf(9001) == before[0] + 1000 && balanceOf(9002) == before[1] + 200);
    assertEquals(before[2], balanceOf(9003), "third place is outside every reward tier");
    assertEquals(1, service.sql.queryLong(
        "SELECT count(*) FROM player_achievements WHERE code = 'season_champion' AND player_id = ?", playerOf(9001)));
    assertEquals(2, service.sql.queryLong("SELECT count(*) FROM transactions WHERE idempotency_key LIKE 'season:1:reward:%'"));
    assertEquals(2, service.sql.queryLong("SELECT count(*) FROM sync_events WHERE idempotency_key LIKE 'season:1:notice:%'"),
        "each rewarded player is told");
    assertEquals(0, service.sql.queryLong("SELECT count(*) FROM sync_events WHERE idempotency_key = 'season:1:results'"),
        "no Discord bot is configured: no announcement waits for one for ever");

    // A third request, later, ends season 2: never season 1 again, so no reward is paid twice.
    service.submit(ServiceFixture.xp("s2_b", 9002, 50));
    assertEquals(201, call("POST", "/api/v1/seasons", "{\"name\": \"Spring\"}").statusCode());
    assertEquals(List.of(List.of(playerOf(9002), 1, 50L)), service.sql.query(
        "SELECT player_id, place, xp FROM season_standings WHERE season_id = 2 ORDER BY place"),
        "season 2 counts only what was earned in it");
    Await.until("season 2's winner is paid", () -> balanceOf(9002) == before[1] + 200 + 1000);
    assertEquals(before[0] + 1000, balanceOf(9001));
    assertEquals(250, service.sql.queryLong("SELECT xp FROM players WHERE id = ?", playerOf(9002)),
        "lifetime XP goes on through seasons");

    JsonArray seasons = new JsonObject(call("GET", "/api/v1/seasons", null).body()).getJsonArray("seasons");
    assertEquals(List.of(3, 2, 1), seasons.stream().map(s -> ((JsonObject) s).getInteger("id")).toList());
    assertEquals(List.of("running", "archived", "archived"),
        seasons.stream().map(s -> ((JsonObject) s).getString("state")).toList());
    assertEquals(3, seasons.getJsonObject(2).getInteger("players"));
    assertEquals(List.of(playerOf(9001), playerOf(9002), playerOf(9003)), seasons.getJsonObject(2).getJsonArray("top")
        .stream().map(p -> ((JsonObject) p).getLong("playerId")).toList(), "season 1's top with its archived places");
    JsonObject board = new JsonObject(call("GET", "/api/v1/leaderboard?season=current", null).body());
    assertEquals(0, board.getLong("total"), "nobody has earned in season 3 yet: " + board);
    JsonObject lifetime = new JsonObject(call("GET", "/api/v1/leaderboard?season=all", null).body());
    assertEquals(playerOf(9001), lifetime.getJsonArray("players").getJsonObject(0).getLong("playerId"));
    JsonObject current = new JsonObject(call("GET", "/api/v1/seasons/current", null).body());
    assertEquals("Spring", current.getString("name"));
  }

  @Test
  void aBadSeasonNameIsRefusedNamingTheFieldAndNothingChanges() {
    long seasons = service.sql.queryLong("SELECT count(*) FROM seasons");
    HttpResponse<String> tooLong = call("POST", "/api/v1/seasons", "{\"name\": \"" + "x".repeat(65) + "\"}");
    assertEquals(400, tooLong.statusCode(), tooLong.body());
    assertTrue(tooLong.body().contains("name"), tooLong.body());
    HttpResponse<String> unknown = call("POST", "/api/v1/seasons", "{\"title\": \"Winter\"}");
    assertEquals(400, unknown.statusCode(), unknown.body());
    assertEquals(seasons, service.sql.queryLong("SELECT count(*) FROM seasons"));
  }
}
