package io.xpbridge.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.xpbridge.bus.Bus;
import io.xpbridge.fake.discord.InteractionReply;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class SlashCommandTest {
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

  private static InteractionReply run(long user, String command, Map<String, Object> options) throws Exception {
    return TestGuild.get(guild.fake.invokeSlashCommand(user, command, options));
  }

  @Test
  void linkWithCodeRedeemsAndAnswersPrivately() throws Exception {
    long alice = guild.fake.addMember("alice");
    guild.engine.answer(Bus.LINK_REDEEM,
        body -> new JsonObject().put("playerId", 7).put("mergedXp", 1200).put("mergedBalance", 300));

    InteractionReply reply = run(alice, "link", Map.of("code", "ABCD1234"));

    assertTrue(reply.ephemeral());
    assertTrue(reply.content().contains("1200 XP"), reply.content());
    JsonObject request = guild.engine.requestsTo(Bus.LINK_REDEEM).get(0);
    assertEquals("ABCD1234", request.getString("code"));
    assertEquals(alice, request.getLong("discordId"));
    assertEquals("alice", request.getString("username"));
  }

  @Test
  void refusedCodeShowsTheAccountServiceText() throws Exception {
    long bob = guild.fake.addMember("bob");
    String text = "Too many wrong codes. Try again after 18:40 UTC.";
    guild.engine.answer(Bus.LINK_REDEEM, body -> new EngineDouble.Refusal(429, text));

    InteractionReply reply = run(bob, "link", Map.of("code", "WRONG"));

    assertTrue(reply.ephemeral());
    assertEquals(text, reply.content());
  }

  @Test
  void linkWithoutCodeShowsCodeAndTelegramLink() throws Exception {
    long carol = guild.fake.addMember("carol");
    guild.engine.answer(Bus.LINK_ISSUE, body -> new JsonObject().put("code", "K7Q2M9XA")
        .put("expiresAt", "2030-01-01T00:10:00Z").put("ttlSeconds", 600));

    InteractionReply reply = run(carol, "link", Map.of());

    assertTrue(reply.ephemeral());
    assertTrue(reply.content().contains("K7Q2M9XA"), reply.content());
    assertTrue(reply.content().contains("https://t.me/xp_bridge_bot?start=link_K7Q2M9XA"), reply.content());
    assertTrue(reply.content().contains("10 minutes"), reply.content());
    assertEquals(carol, guild.engine.requestsTo(Bus.LINK_ISSUE).get(0).getLong("discordId"));
  }

  @Test
  void profileShowsAnEmbedWithRankAndProgress() throws Exception {
    long dave = guild.fake.addMember("dave");
    guild.engine.answer(Bus.PLAYERS_PROFILE, body -> new JsonObject()
        .put("playerId", 3).put("xp", 1500).put("balance", 250)
        .put("rank", new JsonObject().put("number", 5).put("minXp", 1440)
            .put("name", new JsonObject().put("ru", "Сержант").put("en", "Sergeant")))
        .put("nextRank", new JsonObject().put("number", 6).put("minXp", 2125)
            .put("name", new JsonObject().put("ru", "Старший сержант").put("en", "Senior Sergeant")))
        .put("xpToNextRank", 625).put("rankCount", 20)
        .put("achievements", new JsonArray().add(new JsonObject().put("code", "first_steps")
            .put("name", new JsonObject().put("en", "First steps"))))
        .put("telegramLinked", true).put("discordLinked", true));

    InteractionReply reply = run(dave, "profile", Map.of());

    assertTrue(reply.ephemeral());
    assertEquals(1, reply.embeds().size());
    String text = reply.visibleText();
    for (String expected : new String[] {"1500", "5/20", "Sergeant", "625 XP to Senior Sergeant", "250 coins",
        "First steps", "Linked"}) {
      assertTrue(text.contains(expected), "missing \"" + expected + "\" in: " + text);
    }
  }

  @Test
  void profileOfUnknownPlayerExplainsHowToStart() throws Exception {
    long erin = guild.fake.addMember("erin");
    guild.engine.answer(Bus.PLAYERS_PROFILE, body -> new EngineDouble.Refusal(404, "unknown player"));
    InteractionReply reply = run(erin, "profile", Map.of());
    assertEquals(ProfileCommand.NO_PROFILE, reply.content());
  }

  @Test
  void topIsPublicAndListsPlayers() throws Exception {
    long frank = guild.fake.addMember("frank");
    guild.engine.answer(Bus.PLAYERS_TOP, body -> new JsonObject()
        .put("entries", new JsonArray()
            .add(new JsonObject().put("place", 1).put("playerId", 1).put("displayName", "alice").put("xp", 9000))
            .add(new JsonObject().put("place", 2).put("playerId", 2).put("displayName", "bob").put("xp", 4000)))
        .put("caller", new JsonObject().put("place", 17).put("xp", 120)));

    InteractionReply reply = run(frank, "top", Map.of());

    assertFalse(reply.ephemeral());
    String text = reply.visibleText();
    assertTrue(text.contains("#1 alice — 9000 XP") && text.contains("#2 bob"), text);
    JsonObject footer = reply.embeds().getJsonObject(0).getJsonObject("footer");
    assertTrue(footer.getString("text").contains("#17"), footer.encode());
    assertEquals(frank, guild.engine.requestsTo(Bus.PLAYERS_TOP).get(0).getLong("discordId"));
  }

  @Test
  void syncReconcilesTheCallersPlayer() throws Exception {
    long gina = guild.fake.addMember("gina");
    guild.engine.answer(Bus.PLAYERS_PROFILE, body -> new JsonObject().put("playerId", 42).put("xp", 0));
    guild.engine.answer(Bus.RECONCILE_RUN_NOW,
        body -> new JsonObject().put("players", 1).put("divergences", 1).put("corrected", 1));

    InteractionReply reply = run(gina, "sync", Map.of());

    assertTrue(reply.ephemeral());
    assertTrue(reply.content().contains("corrected 1"), reply.content());
    assertEquals(42L, guild.engine.requestsTo(Bus.RECONCILE_RUN_NOW).get(0).getLong("playerId"));
  }

  @Test
  void unlinkReportsWhetherSomethingWasUnlinked() throws Exception {
    long harry = guild.fake.addMember("harry");
    guild.engine.answer(Bus.LINK_UNLINK, body -> new JsonObject().put("unlinked", true));
    InteractionReply reply = run(harry, "unlink", Map.of());
    assertTrue(reply.ephemeral());
    assertTrue(reply.content().startsWith("Unlinked."), reply.content());
  }
}
