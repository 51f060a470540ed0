package io.xpbridge.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.xpbridge.bus.Bus;
import io.xpbridge.bus.Web;
import io.xpbridge.fake.discord.InteractionReply;
import io.xpbridge.support.EngineDouble;
import io.xpbridge.web.RankCardRenderer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code /rank} with the real JDA against the fake Discord: the card arrives as a multipart upload of
 * {@code rank.png}. {@link Bus#RANK_CARD} is answered by the engine double with a card drawn by the real
 * renderer; {@code web.RankCardEndToEndTest} runs it against the whole service.
 */
@ExtendWith(VertxExtension.class)
class RankCommandTest {
  private static TestGuild guild;

  @BeforeAll
  static void start(Vertx vertx) throws Exception {
    guild = new TestGuild(vertx);
    TestGuild.get(guild.start(vertx, 60, 60));
  }

  @AfterAll
  static void stop(Vertx vertx) throws Exception {
    TestGuild.get(guild.stop(vertx));
  }

  private static byte[] card(String name) {
    Web.RankProgress rank = new Web.RankProgress(3, 20, "Ефрейтор", 300, 600L, "Сержант", 450);
    return new RankCardRenderer().render(new Web.Player("pub", name, null, 450, rank, List.of(), 1, "Зима", 450, 2L,
        2L), "ru", null);
  }

  @Test
  void rankAttachesTheCardAsRankPngForEveryoneToSee() throws Exception {
    long anna = guild.fake.addMember("anna");
    byte[] png = card("Анна");
    guild.engine.on(Bus.RANK_CARD, body -> new Web.Card("pub", "\"e\"", Base64.getEncoder().encodeToString(png)));

    InteractionReply reply = TestGuild.get(guild.fake.invokeSlashCommand(anna, "rank", Map.of(), "ru"));

    assertFalse(reply.ephemeral(), "a rank card is shown to the channel");
    byte[] uploaded = reply.file("rank.png");
    assertNotNull(uploaded, "rank.png uploaded, answer: " + reply.data().fieldNames());
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(uploaded));
    assertEquals(934, image.getWidth());
    assertEquals(282, image.getHeight());
    assertEquals("rank.png", reply.attachments().getJsonObject(0).getString("filename"));
    JsonObject asked = guild.engine.requests(Bus.RANK_CARD).stream()
        .filter(request -> Long.valueOf(anna).equals(request.getLong("discordId"))).findFirst().orElseThrow();
    assertEquals("ru", asked.getString("language"), "rank names on the card in the caller's language");
  }

  @Test
  void rankWithoutACardSaysSoInTheCallersLanguage() throws Exception {
    long ghost = guild.fake.addMember("ghost");
    guild.engine.on(Bus.RANK_CARD, body -> EngineDouble.failure(404, "NO_PROFILE"));

    InteractionReply ru = TestGuild.get(guild.fake.invokeSlashCommand(ghost, "rank", Map.of(), "ru"));
    InteractionReply en = TestGuild.get(guild.fake.invokeSlashCommand(ghost, "rank", Map.of(), "en-US"));

    assertTrue(ru.content().startsWith("Карточки пока нет"), ru.content());
    assertTrue(en.content().startsWith("No rank card yet"), en.content());
    assertEquals(null, ru.file("rank.png"));
  }
}
