package io.xpbridge.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.xpbridge.bus.Bus;
import io.xpbridge.config.AppConfig;
import io.xpbridge.config.ConfigChanges;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class LiveConfigTest {

  @Test
  void newXpRulesApplyWithoutRestart(Vertx vertx) throws Exception {
    TestGuild guild = new TestGuild(vertx);
    try {
      TestGuild.get(guild.start(vertx, 60, 60));
      long alice = guild.fake.addMember("alice");
      guild.fake.sendMessage(alice, guild.general);
      TestGuild.await("message paid", Duration.ofSeconds(10), () -> guild.engine.submittedFor(alice).size() == 1);
      assertEquals(15L, guild.engine.submittedFor(alice).get(0).getLong("xp"));
      assertTrue(guild.engine.requests(Bus.PLAYERS_REGISTER).stream().anyMatch(r -> r.getLong("discordId") == alice
          && "alice".equals(r.getString("username"))), "PLAYERS_REGISTER was not sent: " + guild.engine.requests(Bus.PLAYERS_REGISTER));

      JsonObject changed = guild.config(0, 60);
      changed.getJsonObject("discord").put("messageXp", 40).put("noXpChannelIds", new JsonArray());
      ConfigChanges.publish(vertx, AppConfig.parse(changed));

      // No cooldown any more, 40 XP, and the former no-XP channel pays. Keep writing until the
      // new rules are in force (the publish and the gateway are two different paths).
      TestGuild.await("a message in the former no-XP channel paid 40", Duration.ofSeconds(10), () -> {
        boolean paid = guild.engine.submittedFor(alice).stream().anyMatch(e -> e.getLong("xp") == 40L);
        if (!paid) {
          guild.fake.sendMessage(alice, guild.noXpChannel);
        }
        return paid;
      });
    } finally {
      TestGuild.get(guild.stop(vertx));
    }
  }
}
