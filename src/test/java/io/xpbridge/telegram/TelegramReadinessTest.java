package io.xpbridge.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import io.xpbridge.fake.telegram.FakeTelegram.TgUser;
import io.xpbridge.support.Readiness;
import io.xpbridge.support.Await;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** /health/ready follows the real Telegram bot's polling against the fake Bot API (grace period 1 s). */
class TelegramReadinessTest {
  private static TelegramEndToEndSupport e2e;

  @BeforeAll
  static void start() {
    e2e = TelegramEndToEndSupport.start(TelegramReadinessTest.class, config -> {
      config.getJsonObject("http").put("botDisconnectGraceSeconds", 1);
      return config;
    });
  }

  @AfterAll
  static void stop() {
    if (e2e != null) {
      e2e.close();
    }
  }

  @Test
  void readinessTurnsDownWhilePollingFailsLongerThanTheGraceAndUpWhenItRecovers() {
    Await.until("ready once polling works", () -> ready().statusCode() == 200, Duration.ofSeconds(30));

    // Polls at 0, +1 s, +3 s fail; the one at +7 s works.
    e2e.fake.failNext("getUpdates", 3, 502);
    e2e.fake.enqueueText(TgUser.english(7001), "/help"); // ends the long poll in flight, so the next one fails
    HttpResponse<String> down = Await.value("not ready while polling fails", TelegramReadinessTest::ready,
        response -> response.statusCode() == 503);
    JsonObject bot = check(new JsonObject(down.body()), "telegram-bot");
    assertEquals("DOWN", bot.getString("status"), down.body());
    JsonObject data = bot.getJsonObject("data");
    assertTrue(data.getString("error").startsWith("the telegram bot has been disconnected since "), down.body());
    assertTrue(data.getString("lastError").contains("502"), down.body());
    assertFalse(data.getString("disconnectedSince").isEmpty(), down.body());
    assertEquals("UP", check(new JsonObject(down.body()), "database").getString("status"), "only the bot is down");

    HttpResponse<String> up = Await.value("ready again once a poll works", TelegramReadinessTest::ready,
        response -> response.statusCode() == 200);
    assertEquals("UP", check(new JsonObject(up.body()), "telegram-bot").getString("status"), up.body());
    assertTrue(e2e.fake.calls("getUpdates").stream().filter(c -> c.status() == 502).count() >= 3, "the outage happened");
  }

  private static JsonObject check(JsonObject health, String id) {
    return Readiness.check(health, id);
  }

  private static HttpResponse<String> ready() {
    return Readiness.of(e2e.service);
  }
}
