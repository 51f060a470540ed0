package io.xpbridge.bench;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.WebClient;
import io.xpbridge.bus.Bus;
import io.xpbridge.bus.BusClient;
import io.xpbridge.bus.BusJson;
import io.xpbridge.bus.Web;
import io.xpbridge.support.Await;
import io.xpbridge.web.CardRoutes;
import io.xpbridge.web.RankCardRenderer;
import java.util.List;

/**
 * Rank cards (issue 15): how long a fresh card takes to draw (target ≤ 50 ms) and what a cached card
 * and a 304 cost over HTTP (target ≤ 2 ms). {@code Bus.PUBLIC_PLAYER} is answered in memory here, so
 * the figures are the card layer's own; the page scenarios measure the standings over PostgreSQL.
 */
final class CardScenario {
  private CardScenario() {}

  static JsonObject run(int fresh, int cached) {
    RankCardRenderer renderer = new RankCardRenderer();
    for (int i = 0; i < 20; i++) {
      renderer.render(player(i), "ru", null);
    }
    double[] draw = new double[fresh];
    for (int i = 0; i < fresh; i++) {
      long start = System.nanoTime();
      renderer.render(player(1_000 + i), i % 2 == 0 ? "ru" : "en", null);
      draw[i] = (System.nanoTime() - start) / 1e6;
    }
    Vertx vertx = Vertx.vertx();
    try {
      vertx.eventBus().<Object>consumer(Bus.PUBLIC_PLAYER, message -> message.reply(BusJson.encode(
          player(Integer.parseInt(BusJson.decode((JsonObject) message.body(), Web.PlayerQuery.class).publicId()
              .substring(1))))));
      int[] port = new int[1];
      Await.result(vertx.deployVerticle(new VerticleBase() {
        @Override
        public Future<?> start() {
          Router router = Router.router(vertx);
          CardRoutes.start(vertx, new BusClient(vertx.eventBus())).mount(router);
          return vertx.createHttpServer().requestHandler(router).listen(0).map(HttpServer::actualPort)
              .onSuccess(p -> port[0] = p);
        }
      }));
      WebClient client = WebClient.create(vertx);
      String etag = Await.result(client.get(port[0], "127.0.0.1", "/cards/p7.png").send()).getHeader("ETag");
      double[] hit = new double[cached];
      double[] notModified = new double[cached];
      for (int i = 0; i < cached; i++) {
        long start = System.nanoTime();
        Await.result(client.get(port[0], "127.0.0.1", "/cards/p7.png").send());
        hit[i] = (System.nanoTime() - start) / 1e6;
        start = System.nanoTime();
        Await.result(client.get(port[0], "127.0.0.1", "/cards/p7.png").putHeader("If-None-Match", etag).send());
        notModified[i] = (System.nanoTime() - start) / 1e6;
      }
      return new JsonObject().put("freshRenderMs", Stats.latencies(draw)).put("cachedHttpMs", Stats.latencies(hit))
          .put("notModifiedHttpMs", Stats.latencies(notModified));
    } finally {
      Await.result(vertx.close());
    }
  }

  private static Web.Player player(int n) {
    long xp = 1_000 + n * 7L;
    Web.RankProgress rank = new Web.RankProgress(5, 20, "Ефрейтор", 1_000, 2_000_000L, "Младший сержант", xp);
    return new Web.Player("p" + n, "Игрок номер " + n, null, xp, rank, List.of(), 3, "Зима 2026", xp, (long) n + 1,
        (long) n + 1);
  }
}
