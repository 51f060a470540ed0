package io.xpbridge.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import io.xpbridge.support.Readiness;
import io.xpbridge.support.Await;
import io.xpbridge.support.PlatformFixture;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** /health/ready follows the real JDA's gateway connection to the fake Discord (grace period 1 s). */
class DiscordReadinessTest {
  private static PlatformFixture platforms;

  @BeforeAll
  static void start() {
    platforms = PlatformFixture.of(DiscordReadinessTest.class)
        .discord(guild -> guild.addTextChannel("general"))
        .config(config -> {
          config.getJsonObject("http").put("botDisconnectGraceSeconds", 1);
          return config;
        })
        .start();
  }

  @AfterAll
  static void stop() {
    if (platforms != null) {
      platforms.discord.gatewayRecovers();
      platforms.close();
    }
  }

  @Test
  void readinessTurnsDownWhileTheGatewayIsGoneLongerThanTheGraceAndUpWhenTheBotReconnects() {
    Await.value("ready once the bot is connected", DiscordReadinessTest::ready, r -> r.statusCode() == 200);

    platforms.discord.gatewayOutage();
    HttpResponse<String> down = Await.value("not ready while the gateway is gone", DiscordReadinessTest::ready,
        r -> r.statusCode() == 503);
    JsonObject bot = check(new JsonObject(down.body()), "discord-bot");
    assertEquals("DOWN", bot.getString("status"), down.body());
    JsonObject data = bot.getJsonObject("data");
    assertTrue(data.getString("error").startsWith("the discord bot has been disconnected since "), down.body());
    assertTrue(data.getString("lastError").contains("Discord gateway"), down.body());
    assertFalse(data.getString("disconnectedSince").isEmpty(), down.body());

    platforms.discord.gatewayRecovers();
    HttpResponse<String> up = Await.value("ready again once the bot reconnects", DiscordReadinessTest::ready,
        r -> r.statusCode() == 200);
    assertEquals("UP", check(new JsonObject(up.body()), "discord-bot").getString("status"), up.body());
  }

  private static JsonObject check(JsonObject health, String id) {
    return Readiness.check(health, id);
  }

  private static HttpResponse<String> ready() {
    return Readiness.of(platforms.service);
  }
}
