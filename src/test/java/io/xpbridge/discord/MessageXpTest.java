package io.xpbridge.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.xpbridge.bus.Bus;
import io.xpbridge.fake.discord.Snowflakes;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class MessageXpTest {
  private static final long COOLDOWN_SECONDS = 1;
  private static final Duration CEILING = Duration.ofSeconds(10);
  private static TestGuild guild;

  @BeforeAll
  static void start(Vertx vertx) throws Exception {
    guild = new TestGuild(vertx);
    TestGuild.get(guild.start(vertx, COOLDOWN_SECONDS, 60));
  }

  @AfterAll
  static void stop(Vertx vertx) throws Exception {
    TestGuild.get(guild.stop(vertx));
  }

  @Test
  void messagesEarnXpOncePerCooldown() throws Exception {
    long alice = guild.fake.addMember("alice");
    long first = guild.fake.sendMessage(alice, guild.general);
    guild.fake.sendMessage(alice, guild.general);
    guild.fake.sendMessage(alice, guild.general);
    TestGuild.await("first message paid", CEILING, () -> guild.engine.submittedFor(alice).size() == 1);

    JsonObject event = guild.engine.submittedFor(alice).get(0);
    assertEquals("discord", event.getString("source"));
    assertEquals("xp_change", event.getString("type"));
    assertEquals(15L, event.getLong("xp"));
    assertEquals("ds_msg_" + first + "_" + alice, event.getString("idempotencyKey"));

    // Keep writing until a message is paid again: it must be one written a full cooldown later.
    long[] lastSent = {0};
    TestGuild.await("a message after the cooldown paid", CEILING, () -> {
      if (guild.engine.submittedFor(alice).size() >= 2) {
        return true;
      }
      lastSent[0] = guild.fake.sendMessage(alice, guild.general);
      return false;
    });
    List<JsonObject> paid = guild.engine.submittedFor(alice);
    assertEquals(2, paid.size());
    long secondId = Long.parseLong(paid.get(1).getString("entityId"));
    assertTrue(Snowflakes.timestampMs(secondId) - Snowflakes.timestampMs(first) >= COOLDOWN_SECONDS * 1000,
        "second payment came before the cooldown ended");
  }

  @Test
  void replayedMessageCreateSubmitsTheSameKey() throws Exception {
    long carol = guild.fake.addMember("carol");
    guild.fake.sendMessage(carol, guild.general);
    TestGuild.await("message paid", CEILING, () -> guild.engine.submittedFor(carol).size() == 1);

    guild.fake.replayLastDispatch();
    TestGuild.await("replay submitted", CEILING, () -> guild.engine.submittedFor(carol).size() == 2);
    List<JsonObject> events = guild.engine.submittedFor(carol);
    assertEquals(events.get(0).getString("idempotencyKey"), events.get(1).getString("idempotencyKey"));
  }

  @Test
  void botsWebhooksAndNoXpChannelsEarnNothing() throws Exception {
    long robot = guild.fake.addBotMember("robot");
    long dave = guild.fake.addMember("dave");
    long erin = guild.fake.addMember("erin");
    guild.fake.sendMessage(robot, guild.general);
    guild.fake.sendWebhookMessage(guild.general);
    guild.fake.sendMessage(dave, guild.noXpChannel);
    // Events are handled in order: once erin's message is paid, the ones before it were seen.
    guild.fake.sendMessage(erin, guild.general);
    TestGuild.await("marker message paid", CEILING, () -> guild.engine.submittedFor(erin).size() == 1);

    assertEquals(0, guild.engine.submittedFor(robot).size());
    assertEquals(0, guild.engine.submittedFor(dave).size());
    assertTrue(guild.engine.requests(Bus.EVENTS_SUBMIT).stream().allMatch(e -> e.getString("idempotencyKey").startsWith("ds_msg_")));
  }
}
