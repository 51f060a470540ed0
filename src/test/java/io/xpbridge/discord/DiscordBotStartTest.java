package io.xpbridge.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.xpbridge.bus.Bus;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class DiscordBotStartTest {

  @Test
  void startsAgainstFakeRegistersCommandsAndAnnouncesReady(Vertx vertx) throws Exception {
    TestGuild guild = new TestGuild(vertx);
    List<JsonObject> ready = new CopyOnWriteArrayList<>();
    vertx.eventBus().<JsonObject>consumer(Bus.PLATFORM_READY, m -> ready.add(m.body()));
    try {
      TestGuild.get(guild.start(vertx, 60, 60));
      assertEquals(1, guild.fake.identifyCount());
      List<String> names = guild.fake.registeredCommands().stream()
          .map(c -> ((JsonObject) c).getString("name")).sorted().toList();
      assertEquals(List.of("link", "privacy", "profile", "rank", "sync", "top", "unlink"), names);
      TestGuild.await("PLATFORM_READY", java.time.Duration.ofSeconds(5), () -> !ready.isEmpty());
      assertEquals("discord", ready.get(0).getString("platform"));
    } finally {
      TestGuild.get(guild.stop(vertx));
    }
    assertTrue(guild.fake.restCalls(c -> c.is("GET", "/users/@me")).size() >= 1);
  }

  @Test
  void refusesToStartWithoutToken(Vertx vertx) throws Exception {
    TestGuild guild = new TestGuild(vertx);
    TestGuild.get(guild.fake.start());
    JsonObject config = guild.config(60, 60);
    config.getJsonObject("discord").putNull("token");
    Throwable failure = vertx.deployVerticle(new DiscordBotVerticle(),
            new io.vertx.core.DeploymentOptions().setConfig(config))
        .toCompletionStage().toCompletableFuture().handle((id, e) -> e).get();
    assertTrue(failure.getMessage().contains("discord.token"), failure.getMessage());
    TestGuild.get(guild.fake.close());
  }
}
