package io.xpbridge.telegram;

import static io.xpbridge.telegram.TelegramTestSupport.WAIT;
import static io.xpbridge.telegram.TelegramTestSupport.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.xpbridge.bus.Bus;
import io.xpbridge.bus.Web;
import io.xpbridge.fake.telegram.FakeTelegram;
import io.xpbridge.fake.telegram.FakeTelegram.SentMessage;
import io.xpbridge.fake.telegram.FakeTelegram.TgUser;
import io.xpbridge.support.EngineDouble;
import io.xpbridge.web.RankCardRenderer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Base64;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * /rank with the real bot against the fake Bot API: the card goes out as a multipart {@code sendPhoto}.
 * {@link Bus#RANK_CARD} is answered by the engine double with a card from the real renderer;
 * {@code web.RankCardEndToEndTest} runs it against the whole service.
 */
@ExtendWith(VertxExtension.class)
class TelegramRankCommandTest {

  static {
    TelegramTestSupport.init();
  }

  private FakeTelegram fake;
  private EngineDouble engine;
  private JsonObject config;

  @BeforeEach
  void setUp(Vertx vertx) throws Exception {
    fake = new FakeTelegram(vertx);
    await(fake.start());
    engine = new EngineDouble(vertx);
    await(engine.start());
    config = TelegramTestSupport.config(fake);
  }

  @AfterEach
  void tearDown(Vertx vertx) {
    TelegramTestSupport.undeployAll(vertx);
    await(fake.close());
  }

  @Test
  void rankSendsTheCardAsAnUploadedPhoto(Vertx vertx) throws Exception {
    Web.RankProgress rank = new Web.RankProgress(3, 20, "Ефрейтор", 300, 600L, "Сержант", 450);
    byte[] png = new RankCardRenderer().render(new Web.Player("pub", "Иван", null, 450, rank, List.of(), 1, "Зима",
        450, 2L, 2L), "ru", null);
    engine.on(Bus.RANK_CARD, body -> new Web.Card("pub", "\"e\"", Base64.getEncoder().encodeToString(png)));
    TelegramTestSupport.deploy(vertx, config);

    fake.enqueueText(TgUser.russian(601), "/rank");

    SentMessage sent = fake.awaitSentTo(601, 1, WAIT).get(0);
    assertEquals("sendphoto", sent.method());
    byte[] uploaded = sent.photo();
    assertNotNull(uploaded);
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(uploaded));
    assertEquals(934, image.getWidth());
    assertEquals(282, image.getHeight());
    JsonObject asked = engine.awaitRequests(Bus.RANK_CARD, 1, WAIT).get(0);
    assertEquals(601L, asked.getLong("telegramId"));
    assertEquals("ru", asked.getString("language"));
  }

  @Test
  void rankWithoutACardSaysSoInThePlayersLanguage(Vertx vertx) {
    engine.on(Bus.RANK_CARD, body -> EngineDouble.failure(404, "NO_PROFILE"));
    TelegramTestSupport.deploy(vertx, config);

    fake.enqueueText(TgUser.english(602), "/rank");

    SentMessage sent = fake.awaitSentTo(602, 1, WAIT).get(0);
    assertEquals("sendmessage", sent.method());
    assertNull(sent.photo());
    assertTrue(sent.text().startsWith("No rank card yet"), sent.text());
  }

  @Test
  void rankIsInTheCommandMenuInBothLanguages(Vertx vertx) {
    TelegramTestSupport.deploy(vertx, config);
    FakeTelegram.awaitCondition(() -> fake.commandMenus().size() == 2, WAIT, () -> "menus: " + fake.commandMenus());
    assertTrue(fake.commandMenus().get("ru").encode().contains("Карточка звания"));
    assertTrue(fake.commandMenus().get("").encode().contains("\"rank\""));
  }
}
