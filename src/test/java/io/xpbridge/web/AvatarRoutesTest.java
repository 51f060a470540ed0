package io.xpbridge.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.xpbridge.bus.Bus;
import io.xpbridge.bus.BusClient;
import io.xpbridge.bus.BusJson;
import io.xpbridge.bus.Web;
import io.xpbridge.support.Await;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code /avatars/{publicId}.png} over a real HTTP server: the image comes from a local stand-in for
 * Discord's CDN (the fetcher is told to allow it; in production only Discord's CDN is allowed), the
 * player from {@link Bus#PUBLIC_PLAYER} answered by the test like a fake server.
 */
class AvatarRoutesTest {
  static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 1, 2, 3};
  static final String DISCORD_ID = "412345678901234567";

  private final HttpClient http = HttpClient.newHttpClient();
  private final Map<String, Web.Player> players = new ConcurrentHashMap<>();
  private final AtomicInteger cdnRequests = new AtomicInteger();
  private Vertx vertx;
  private HttpServer cdn;
  private HttpServer site;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    cdn = Await.result(vertx.createHttpServer().requestHandler(request -> {
      cdnRequests.incrementAndGet();
      if (request.path().endsWith("/gone.png")) {
        request.response().setStatusCode(404).end();
      } else {
        request.response().putHeader("Content-Type", "image/png").end(Buffer.buffer(PNG));
      }
    }).listen(0, "127.0.0.1"));
    vertx.eventBus().<JsonObject>consumer(Bus.PUBLIC_PLAYER, message -> {
      Web.Player player = players.get(BusJson.decode(message.body(), Web.PlayerQuery.class).publicId());
      if (player == null) {
        message.fail(404, "NO_PROFILE");
      } else {
        message.reply(BusJson.encode(player));
      }
    });
    Router router = Router.router(vertx);
    AvatarFetcher localCdn = new AvatarFetcher(vertx, uri -> "127.0.0.1".equals(uri.getHost()));
    new AvatarRoutes(new BusClient(vertx.eventBus()), localCdn).mount(router);
    site = Await.result(vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1"));
  }

  @AfterEach
  void stop() {
    Await.result(vertx.close());
  }

  private String cdnUrl(String file) {
    return "http://127.0.0.1:" + cdn.actualPort() + "/avatars/" + DISCORD_ID + "/" + file;
  }

  private void player(String publicId, String name, String avatarUrl) {
    players.put(publicId, new Web.Player(publicId, name, avatarUrl, 10, new Web.RankProgress(1, 20, "Рядовой", 0,
        165L, "Ефрейтор", 10), List.of(), 1, "S", 0, null, 1L));
  }

  private HttpResponse<byte[]> get(String path, String ifNoneMatch) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + site.actualPort() + path));
    if (ifNoneMatch != null) {
      request.header("If-None-Match", ifNoneMatch);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  @Test
  void theAvatarIsServedUnderThePublicIdFetchedOnceAndRevalidatedWithItsEtag() throws Exception {
    player("pubA", "Анна", cdnUrl("abc.png"));

    HttpResponse<byte[]> first = get("/avatars/pubA.png", null);
    HttpResponse<byte[]> second = get("/avatars/pubA.png", null);

    assertEquals(200, first.statusCode());
    assertEquals("image/png", first.headers().firstValue("Content-Type").orElse(""));
    assertArrayEquals(PNG, first.body());
    assertArrayEquals(PNG, second.body());
    assertEquals(1, cdnRequests.get(), "the second answer came from the cache");
    String etag = first.headers().firstValue("ETag").orElseThrow();
    assertFalse(etag.contains(DISCORD_ID));
    assertEquals(304, get("/avatars/pubA.png", etag).statusCode());
  }

  @Test
  void noAvatarOrOneTheCdnDoesNotGiveShowsTheInitials() throws Exception {
    player("pubB", "Борис Петров", null);
    player("pubC", "Clara <b>", cdnUrl("gone.png"));

    for (String publicId : List.of("pubB", "pubC")) {
      HttpResponse<byte[]> answer = get("/avatars/" + publicId + ".png", null);
      assertEquals(200, answer.statusCode(), publicId);
      assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith("image/svg+xml"), publicId);
      String svg = new String(answer.body(), java.nio.charset.StandardCharsets.UTF_8);
      assertTrue(svg.contains(publicId.equals("pubB") ? ">БП</text>" : ">CB</text>"), svg);
      assertFalse(svg.contains("<b>"), svg);
    }
  }

  @Test
  void anUnknownPlayerOrAMalformedIdIs404() throws Exception {
    assertEquals(404, get("/avatars/nobody.png", null).statusCode());
  }
}
