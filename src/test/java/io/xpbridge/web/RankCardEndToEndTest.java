package io.xpbridge.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.xpbridge.fake.discord.InteractionReply;
import io.xpbridge.fake.telegram.FakeTelegram;
import io.xpbridge.support.Await;
import io.xpbridge.support.DiscordService;
import io.xpbridge.support.PlatformFixture;
import io.xpbridge.support.ServiceFixture;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Rank cards through the whole service: the engine, the real {@code Bus.PUBLIC_PLAYER} over PostgreSQL,
 * the HTTP route and both real bots against the fakes. Needs helper W1's {@code PUBLIC_PLAYER} (issue 15):
 * run it after merging that part.
 */
class RankCardEndToEndTest {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static PlatformFixture platforms;
  private static ServiceFixture service;
  private static WebClient client;

  @BeforeAll
  static void start() {
    platforms = PlatformFixture.of(RankCardEndToEndTest.class).telegram()
        .discord(guild -> guild.addTextChannel("general"))
        .start();
    service = platforms.service;
    client = WebClient.create(platforms.fakeVertx);
  }

  @AfterAll
  static void stop() {
    if (platforms != null) {
      platforms.close();
    }
  }

  private static String publicIdOfTelegram(long telegramId) {
    return service.sql.queryString("SELECT p.public_id FROM players p JOIN telegram_identities t ON t.player_id = p.id "
        + "WHERE t.telegram_id = ?", telegramId);
  }

  private static HttpResponse<Buffer> get(String path, String... headers) {
    var request = client.get(service.httpPort(), "127.0.0.1", path);
    for (int i = 0; i < headers.length; i += 2) {
      request.putHeader(headers[i], headers[i + 1]);
    }
    return Await.result(request.send());
  }

  private static BufferedImage image(byte[] png) throws Exception {
    return ImageIO.read(new ByteArrayInputStream(png));
  }

  @Test
  void aPlayersCardIsServedRevalidatedRenewedByXpAndGoneWhenHidden() throws Exception {
    service.submit(ServiceFixture.xp("card_e2e_1", 880_001, 1_200));
    String publicId = publicIdOfTelegram(880_001);

    HttpResponse<Buffer> card = get("/cards/" + publicId + ".png?lang=ru");
    assertEquals(200, card.statusCode(), card.bodyAsString());
    assertEquals("image/png", card.getHeader("Content-Type"));
    BufferedImage image = image(card.body().getBytes());
    assertEquals(934, image.getWidth());
    assertEquals(282, image.getHeight());
    String etag = card.getHeader("ETag");
    assertEquals(304, get("/cards/" + publicId + ".png?lang=ru", "If-None-Match", etag).statusCode());

    service.submit(ServiceFixture.xp("card_e2e_2", 880_001, 10));
    HttpResponse<Buffer> renewed = get("/cards/" + publicId + ".png?lang=ru", "If-None-Match", etag);
    assertEquals(200, renewed.statusCode(), "more XP, a new card");
    assertNotEquals(etag, renewed.getHeader("ETag"));

    service.sql.update("UPDATE players SET hidden = true WHERE public_id = ?", publicId);
    assertEquals(404, get("/cards/" + publicId + ".png").statusCode(), "a hidden player has no public card");
    assertEquals(404, get("/cards/0000000000000000.png").statusCode());
  }

  @Test
  void rankInTelegramSendsTheCardAsAPhoto() throws Exception {
    FakeTelegram telegram = platforms.telegram;
    service.submit(ServiceFixture.xp("card_e2e_tg", 880_002, 700));

    telegram.enqueueText(FakeTelegram.TgUser.russian(880_002), "/rank");

    FakeTelegram.SentMessage sent = Await.value("the card is sent",
        () -> telegram.sentTo(880_002).stream().filter(m -> m.photo() != null).findFirst().orElse(null),
        m -> m != null);
    BufferedImage image = image(sent.photo());
    assertEquals(934, image.getWidth());
    assertEquals(282, image.getHeight());
  }

  @Test
  void rankInDiscordAttachesTheCard() throws Exception {
    long member = platforms.discord.addMember("marina");
    service.submit(new io.vertx.core.json.JsonObject().put("source", "discord").put("type", "xp_change")
        .put("discordId", member).put("xp", 300).put("idempotencyKey", "card_e2e_ds"));
    Await.until("the Discord player exists", () -> DiscordService.xpOf(service.sql, member) == 300);

    InteractionReply reply = Await.result(platforms.discord.invokeSlashCommand(member, "rank", Map.of(), "ru"), WAIT);

    byte[] png = reply.file("rank.png");
    assertNotNull(png, reply.visibleText());
    assertEquals(934, image(png).getWidth());
    assertTrue(reply.attachments().getJsonObject(0).getString("filename").equals("rank.png"));
  }
}
