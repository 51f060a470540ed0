package io.xpbridge.fault;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;
import io.xpbridge.App;
import io.xpbridge.bus.Bus;
import io.xpbridge.config.DatabaseUrl;
import io.xpbridge.support.TestConfig;
import java.io.FileOutputStream;
import java.io.PrintStream;

/**
 * The process the crash test kills: the real service plus a load of {@code count} events submitted
 * over the bus. Each accepted key is written to a file as soon as its reply arrives, so the test
 * knows a subset of what was accepted when SIGKILL lands.
 */
public final class CrashLoadMain {
  private CrashLoadMain() {}

  public static void main(String[] args) throws Exception {
    DatabaseUrl db = DatabaseUrl.parse(args[0]);
    PrintStream accepted = new PrintStream(new FileOutputStream(args[1], true), true);
    int count = Integer.parseInt(args[2]);
    Vertx vertx = Vertx.vertx();
    JsonObject config = TestConfig.forDatabase(db);
    App.start(vertx, config).toCompletionStage().toCompletableFuture().get();
    System.out.println("READY");
    int[] next = {0};
    int inFlight = 256;
    for (int i = 0; i < inFlight; i++) {
      vertx.runOnContext(v -> submitNext(vertx, next, count, accepted));
    }
  }

  private static void submitNext(Vertx vertx, int[] next, int count, PrintStream accepted) {
    if (next[0] >= count) {
      return;
    }
    int i = next[0]++;
    String key = "crash_" + i;
    JsonObject event = new JsonObject().put("source", i % 2 == 0 ? "telegram" : "discord").put("type", "xp_change")
        .put(i % 2 == 0 ? "telegramId" : "discordId", 1 + i % 1000).put("xp", 1 + i % 5).put("balance", i % 3)
        .put("idempotencyKey", key);
    Future<?> reply = vertx.eventBus().request(Bus.EVENTS_SUBMIT, event, new DeliveryOptions().setSendTimeout(30_000));
    reply.onComplete(ar -> {
      if (ar.succeeded()) {
        accepted.println(key);
      }
      submitNext(vertx, next, count, accepted);
    });
  }
}
