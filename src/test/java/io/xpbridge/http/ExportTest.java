package io.xpbridge.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Handler;
import io.vertx.core.eventbus.DeliveryContext;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.xpbridge.bus.Bus;
import io.xpbridge.bus.Export;
import io.xpbridge.support.ServiceFixture;
import io.xpbridge.support.TestConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ExportTest {
  static final int PLAYERS = 2_500;
  static ServiceFixture service;
  static final HttpClient http = HttpClient.newHttpClient();
  static final AtomicInteger pageRequests = new AtomicInteger();

  @BeforeAll
  static void start() {
    service = ServiceFixture.start(ExportTest.class);
    Handler<DeliveryContext<Object>> counter = delivery -> {
      if (Bus.EXPORT_PAGE.equals(delivery.message().address())) {
        pageRequests.incrementAndGet();
      }
      delivery.next();
    };
    service.vertx.eventBus().addOutboundInterceptor(counter);
    // Ids 1..2500: every player has Telegram except multiples of 3 (Discord-only), even ids have Discord too.
    service.sql.execute("""
        INSERT INTO players (id, xp, balance, display_name, season_xp, hidden)
        SELECT g, g * 10, g, 'export ' || g, g, g % 7 = 0 FROM generate_series(1, 2500) g;
        SELECT setval(pg_get_serial_sequence('players', 'id'), 3000);
        INSERT INTO telegram_identities (telegram_id, player_id, chat_id, username, language_code)
        SELECT 900000000 + id, id, 900000000 + id, 'tg' || id, 'en' FROM players WHERE id % 3 <> 0;
        INSERT INTO discord_identities (discord_id, player_id, username, sync_enabled)
        SELECT 800000000000 + id, id, 'dc' || id, id % 4 <> 0 FROM players WHERE id % 2 = 0 OR id % 3 = 0;
        INSERT INTO player_achievements (player_id, code, unlocked_at)
        SELECT id, 'first_steps', timestamptz '2026-11-01 10:00:00+00' FROM players WHERE id % 100 = 0;
        INSERT INTO player_achievements (player_id, code, unlocked_at)
        SELECT id, 'chatterbox', timestamptz '2026-11-02 10:00:00+00' FROM players WHERE id % 500 = 0;
        INSERT INTO players (id, xp, display_name, merged_into) VALUES (2501, 5, 'merged away', 2);
        """);
  }

  @AfterAll
  static void stop() {
    service.close();
  }

  private HttpResponse<String> export(String token) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + service.httpPort() + "/api/v1/export")).GET();
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void everyPlayerComesOutAsOneLineInIdOrderOverSeveralPages() throws Exception {
    int before = pageRequests.get();
    HttpResponse<String> response = export(TestConfig.ADMIN_TOKEN);
    assertEquals(200, response.statusCode());
    assertEquals(ExportRoutes.CONTENT_TYPE, response.headers().firstValue("Content-Type").orElse(null));
    assertEquals("chunked", response.headers().firstValue("Transfer-Encoding").orElse(null));
    assertTrue(pageRequests.get() - before >= 3, "2,500 players in pages of 1,000: " + (pageRequests.get() - before));

    List<String> lines = response.body().lines().toList();
    assertEquals(PLAYERS, lines.size(), "the merged player is left out");
    assertTrue(response.body().endsWith("\n"));
    long runningSeason = service.sql.queryLong("SELECT id FROM seasons WHERE state = 'running'");
    long previousId = 0;
    int previousRank = 0;
    for (String text : lines) {
      JsonObject line = new JsonObject(text);
      long id = line.getLong("playerId");
      assertEquals(previousId + 1, id, "in id order, none missing");
      previousId = id;
      assertEquals(Export.FORMAT, line.getString("format"));
      assertEquals(16, line.getString("publicId").length());
      assertEquals("export " + id, line.getString("name"));
      assertEquals(id * 10, line.getLong("xp"));
      assertEquals(id, line.getLong("balance"));
      assertEquals(id % 7 == 0, line.getBoolean("hidden"));
      int rank = line.getInteger("rank");
      assertTrue(rank >= previousRank, "rank follows XP");
      previousRank = rank;
      assertEquals(new JsonObject().put("id", runningSeason).put("xp", id), line.getJsonObject("season"));
      JsonArray achievements = line.getJsonArray("achievements");
      assertEquals(id % 500 == 0 ? 2 : id % 100 == 0 ? 1 : 0, achievements.size());
      JsonObject telegram = line.getJsonObject("telegram");
      JsonObject discord = line.getJsonObject("discord");
      if (id % 3 == 0) {
        assertNull(telegram, "Discord-only " + id);
      } else {
        assertEquals(900000000 + id, telegram.getLong("id"));
        assertEquals("tg" + id, telegram.getString("username"));
        assertEquals(900000000 + id, telegram.getLong("chatId"));
      }
      if (id % 2 == 0 || id % 3 == 0) {
        assertEquals(800000000000L + id, discord.getLong("id"));
        assertEquals("dc" + id, discord.getString("username"));
        assertEquals(id % 4 != 0, discord.getBoolean("syncEnabled"));
      } else {
        assertNull(discord, "Telegram-only " + id);
        assertFalse(line.containsKey("discord"));
      }
    }
    assertEquals(PLAYERS, previousId);
  }

  @Test
  void linkedTelegramOnlyAndAchievementLinesHoldExactlyTheirFields() throws Exception {
    List<JsonObject> lines = export(TestConfig.ADMIN_TOKEN).body().lines().map(JsonObject::new).toList();
    JsonObject linked = lines.get(499); // player 500: both accounts, both achievements, sync off (500 % 4 == 0)
    assertEquals(500, linked.getLong("playerId"));
    assertNotNull(linked.getJsonObject("telegram"));
    assertEquals(new JsonObject().put("id", 800000000500L).put("username", "dc500").put("syncEnabled", false),
        linked.getJsonObject("discord"));
    assertEquals(new JsonArray()
        .add(new JsonObject().put("code", "chatterbox").put("unlockedAt", "2026-11-02T10:00:00.000000Z"))
        .add(new JsonObject().put("code", "first_steps").put("unlockedAt", "2026-11-01T10:00:00.000000Z")),
        linked.getJsonArray("achievements"));
    JsonObject telegramOnly = lines.get(0);
    assertEquals(new JsonObject().put("id", 900000001L).put("username", "tg1").put("chatId", 900000001L)
        .put("languageCode", "en"), telegramOnly.getJsonObject("telegram"));
    assertFalse(telegramOnly.containsKey("discord"));
  }

  @Test
  void theExportNeedsTheAdminToken() throws Exception {
    int before = pageRequests.get();
    assertEquals(401, export(null).statusCode());
    assertEquals(401, export("wrong").statusCode());
    assertEquals(before, pageRequests.get(), "nothing was read");
  }

  @Test
  void aPageQueryOutOfBoundsIsRefusedNamingTheField() {
    Throwable failure = service.requestFailure(Bus.EXPORT_PAGE, new JsonObject().put("limit", 0));
    assertTrue(failure.getMessage().contains("limit"), failure.getMessage());
  }
}
