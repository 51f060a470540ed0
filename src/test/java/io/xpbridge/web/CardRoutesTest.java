package io.xpbridge.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.xpbridge.bus.Bus;
import io.xpbridge.bus.BusClient;
import io.xpbridge.bus.BusJson;
import io.xpbridge.bus.Web;
import io.xpbridge.support.Await;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The card route and {@link Bus#RANK_CARD} over a real HTTP server. {@link Bus#PUBLIC_PLAYER} belongs to
 * helper W1's part, so this test answers it with records like a fake server; {@link RankCardEndToEndTest}
 * runs the same against the real service.
 */
class CardRoutesTest {
  private Vertx vertx;
  private WebClient client;
  private int port;
  private RankCards cards;
  private final Map<String, Web.Player> players = new ConcurrentHashMap<>();
  private final List<Web.PlayerQuery> queries = new ArrayList<>();

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    vertx.eventBus().<Object>consumer(Bus.PUBLIC_PLAYER, message -> {
      Web.PlayerQuery query = BusJson.decode((io.vertx.core.json.JsonObject) message.body(), Web.PlayerQuery.class);
      synchronized (queries) {
        queries.add(query);
      }
      Web.Player player = query.publicId() != null ? players.get(query.publicId())
          : players.get("tg" + query.telegramId());
      if (player == null) {
        message.fail(404, "NO_PROFILE");
      } else {
        message.reply(BusJson.encode(player));
      }
    });
    Await.result(vertx.deployVerticle(new VerticleBase() {
      @Override
      public Future<?> start() {
        Router router = Router.router(vertx);
        cards = CardRoutes.start(vertx, new BusClient(vertx.eventBus())).mount(router);
        return vertx.createHttpServer().requestHandler(router).listen(0).map(HttpServer::actualPort)
            .onSuccess(p -> port = p);
      }
    }));
    client = WebClient.create(vertx);
  }

  @AfterEach
  void stop() {
    Await.result(vertx.close());
  }

  private HttpResponse<Buffer> get(String path, String... headers) {
    var request = client.get(port, "127.0.0.1", path);
    for (int i = 0; i < headers.length; i += 2) {
      request.putHeader(headers[i], headers[i + 1]);
    }
    return Await.result(request.send());
  }

  private static BufferedImage image(byte[] png) throws Exception {
    return ImageIO.read(new ByteArrayInputStream(png));
  }

  @Test
  void aCardIsAPngWithAStrongEtagAndAShortPublicCache() throws Exception {
    players.put("pub1", Cards.player("pub1", "Алексей", 1_500));

    HttpResponse<Buffer> response = get("/cards/pub1.png");

    assertEquals(200, response.statusCode());
    assertEquals("image/png", response.getHeader("Content-Type"));
    assertEquals("public, max-age=60", response.getHeader("Cache-Control"));
    String etag = response.getHeader("ETag");
    assertTrue(etag.matches("\"[0-9a-f]{32}\""), etag);
    BufferedImage card = image(response.body().getBytes());
    assertEquals(934, card.getWidth());
    assertEquals(282, card.getHeight());
  }

  @Test
  void aRepeatedRequestIsServedFromTheCacheAndIfNoneMatchIs304WithoutDrawing() {
    players.put("pub2", Cards.player("pub2", "Ivan", 1_500));
    HttpResponse<Buffer> first = get("/cards/pub2.png");
    long drawn = cards.renders();

    HttpResponse<Buffer> again = get("/cards/pub2.png");
    HttpResponse<Buffer> revalidated = get("/cards/pub2.png", "If-None-Match", first.getHeader("ETag"));

    assertEquals(200, again.statusCode());
    assertEquals(first.body(), again.body());
    assertEquals(first.getHeader("ETag"), again.getHeader("ETag"));
    assertEquals(304, revalidated.statusCode());
    assertEquals(first.getHeader("ETag"), revalidated.getHeader("ETag"));
    assertTrue(revalidated.body() == null || revalidated.body().length() == 0);
    assertEquals(drawn, cards.renders(), "neither the cached card nor the 304 drew anything");
  }

  @Test
  void moreXpIsANewCardWithANewEtag() {
    players.put("pub3", Cards.player("pub3", "Ivan", 1_500));
    String before = get("/cards/pub3.png").getHeader("ETag");
    long drawn = cards.renders();

    players.put("pub3", Cards.player("pub3", "Ivan", 1_501));
    HttpResponse<Buffer> after = get("/cards/pub3.png", "If-None-Match", before);

    assertEquals(200, after.statusCode(), "the old ETag no longer matches");
    assertNotEquals(before, after.getHeader("ETag"));
    assertEquals(drawn + 1, cards.renders());
  }

  @Test
  void theLanguageComesFromLangOrAcceptLanguageAndMakesItsOwnCard() {
    players.put("pub4", Cards.player("pub4", "Ivan", 1_500));

    String english = get("/cards/pub4.png").getHeader("ETag");
    String russian = get("/cards/pub4.png", "Accept-Language", "ru-RU,ru;q=0.9,en;q=0.5").getHeader("ETag");
    String russianParam = get("/cards/pub4.png?lang=ru", "Accept-Language", "en").getHeader("ETag");

    assertNotEquals(english, russian);
    assertEquals(russian, russianParam);
    synchronized (queries) {
      assertEquals(List.of("en", "ru", "ru"), queries.stream().map(Web.PlayerQuery::language).toList(),
          "rank names are asked in the card's language");
    }
  }

  @Test
  void anUnknownOrHiddenPlayerIs404AndAMalformedIdIsNoCard() {
    HttpResponse<Buffer> unknown = get("/cards/nobody.png");
    assertEquals(404, unknown.statusCode());
    assertEquals("no such player", unknown.bodyAsJsonObject().getString("error"));
    assertEquals(404, get("/cards/..%2Fetc.png").statusCode());
    assertEquals(404, get("/cards/pub1.jpg").statusCode());
  }

  @Test
  void manyRequestsForANewCardAtOnceDrawItOnce() {
    players.put("pub5", Cards.player("pub5", "Ivan", 1_500));
    List<Future<HttpResponse<Buffer>>> all = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      all.add(client.get(port, "127.0.0.1", "/cards/pub5.png").send());
    }
    Await.result(Future.all(all));
    all.forEach(response -> assertEquals(200, response.result().statusCode()));
    assertEquals(1, cards.renders());
  }

  @Test
  void theBotsGetTheSameCachedCardOverTheBus() throws Exception {
    players.put("pub6", Cards.player("pub6", "Мария", 1_500));
    players.put("tg42", Cards.player("pub6", "Мария", 1_500));
    String etag = get("/cards/pub6.png?lang=ru").getHeader("ETag");
    long drawn = cards.renders();

    Web.Card card = Await.result(new BusClient(vertx.eventBus()).request(Bus.RANK_CARD,
        new Web.PlayerQuery(null, 42L, null, "ru"), Web.Card.class));

    assertEquals("pub6", card.publicId());
    assertEquals(etag, card.etag());
    assertEquals(drawn, cards.renders(), "the card drawn for the page serves the bot");
    assertEquals(934, image(Base64.getDecoder().decode(card.pngBase64())).getWidth());
    Throwable missing = Await.failure(new BusClient(vertx.eventBus()).request(Bus.RANK_CARD,
        new Web.PlayerQuery(null, 43L, null, "ru"), Web.Card.class));
    assertEquals(404, BusClient.failureCode(missing));
  }
}
