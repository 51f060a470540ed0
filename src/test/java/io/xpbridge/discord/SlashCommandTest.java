package io.xpbridge.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.xpbridge.bus.Admin;
import io.xpbridge.bus.Bus;
import io.xpbridge.bus.Links;
import io.xpbridge.bus.Players;
import io.xpbridge.bus.Refusal;
import io.xpbridge.fake.discord.InteractionReply;
import java.util.List;
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

  /** The one request {@code member}'s command sent (the guild and the double are shared by the tests). */
  private static JsonObject requestFrom(String address, long member) {
    List<JsonObject> sent = guild.engine.requests(address).stream()
        .filter(request -> Long.valueOf(member).equals(request.getLong("discordId"))).toList();
    assertEquals(1, sent.size(), address + " requests from " + member + ": " + sent);
    return sent.get(0);
  }

  @Test
  void linkWithCodeRedeemsAndAnswersPrivately() throws Exception {
    long alice = guild.fake.addMember("alice");
    guild.engine.on(Bus.LINK_REDEEM, body -> new Links.Redeemed(7, 1200, 300));

    InteractionReply reply = run(alice, "link", Map.of("code", "ABCD1234"));

    assertTrue(reply.ephemeral());
    assertTrue(reply.content().contains("1200 XP"), reply.content());
    JsonObject request = requestFrom(Bus.LINK_REDEEM, alice);
    assertEquals("ABCD1234", request.getString("code"));
    assertEquals(alice, request.getLong("discordId"));
    assertEquals("alice", request.getString("username"));
  }

  @Test
  void tooManyWrongCodesSaysWhenToTryAgain() throws Exception {
    long bob = guild.fake.addMember("bob");
    guild.engine.on(Bus.LINK_REDEEM, body -> Refusal.LINK_TOO_MANY_ATTEMPTS.exception("18"));

    InteractionReply reply = run(bob, "link", Map.of("code", "WRONG"));

    assertTrue(reply.ephemeral());
    assertEquals("Too many wrong codes. Try again in 18 min.", reply.content());
  }

  @Test
  void eachLinkRefusalIsExplainedInTheBotsOwnWords() throws Exception {
    Map<Refusal, String> expected = Map.of(
        Refusal.LINK_CODE_UNKNOWN, "This code is unknown, already used or expired. Ask for a new one with /link.",
        Refusal.LINK_CODE_SAME_PLATFORM, "This code was made here in Discord; enter it in the Telegram bot with /link CODE.",
        Refusal.LINK_ALREADY_LINKED, "These accounts are already linked.",
        Refusal.LINK_CALLER_ALREADY_LINKED, "Your Discord account is already linked to another profile. Use /unlink first.");
    for (Map.Entry<Refusal, String> refusal : expected.entrySet()) {
      long member = guild.fake.addMember("linker-" + refusal.getKey().name().toLowerCase());
      guild.engine.on(Bus.LINK_REDEEM, body -> refusal.getKey().exception());

      InteractionReply reply = run(member, "link", Map.of("code", "ABCD1234"));

      assertEquals(refusal.getValue(), reply.content(), refusal.getKey().name());
    }
  }

  @Test
  void linkWithoutCodeShowsCodeAndTelegramLink() throws Exception {
    long carol = guild.fake.addMember("carol");
    guild.engine.on(Bus.LINK_ISSUE, body -> new Links.Issued("K7Q2M9XA", "2030-01-01T00:10:00Z", 600));

    InteractionReply reply = run(carol, "link", Map.of());

    assertTrue(reply.ephemeral());
    assertTrue(reply.content().contains("K7Q2M9XA"), reply.content());
    assertTrue(reply.content().contains("https://t.me/xp_bridge_bot?start=link_K7Q2M9XA"), reply.content());
    assertTrue(reply.content().contains("10 minutes"), reply.content());
    assertEquals(carol, requestFrom(Bus.LINK_ISSUE, carol).getLong("discordId"));
  }

  @Test
  void profileShowsAnEmbedWithRankAndProgress() throws Exception {
    long dave = guild.fake.addMember("dave");
    guild.engine.on(Bus.PLAYERS_PROFILE, body -> new Players.Profile(3, 1500, 250,
        new Players.RankView(5, "Sergeant", 1440L), new Players.RankView(6, "Senior Sergeant", 2125L), 625, 20,
        List.of(new Players.AchievementView("first_steps", "First steps", null)), 11L, dave, true, true, 0, null,
        "dave"));

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
    guild.engine.on(Bus.PLAYERS_PROFILE, body -> Refusal.NO_PROFILE.exception("discordId " + erin));
    InteractionReply reply = run(erin, "profile", Map.of());
    assertEquals(Texts.noProfile(Lang.EN), reply.content());
  }

  @Test
  void topIsPublicAndListsPlayers() throws Exception {
    long frank = guild.fake.addMember("frank");
    guild.engine.on(Bus.PLAYERS_TOP, body -> new Players.Top(List.of(
        new Players.TopEntry(1, 1, "alice", 9000, null), new Players.TopEntry(2, 2, "bob", 4000, null)),
        new Players.Place(17, 120)));

    InteractionReply reply = run(frank, "top", Map.of());

    assertFalse(reply.ephemeral());
    String text = reply.visibleText();
    assertTrue(text.contains("#1 alice — 9000 XP") && text.contains("#2 bob"), text);
    JsonObject footer = reply.embeds().getJsonObject(0).getJsonObject("footer");
    assertTrue(footer.getString("text").contains("#17"), footer.encode());
    assertEquals("en", requestFrom(Bus.PLAYERS_TOP, frank).getString("language"));
  }

  @Test
  void topAsksForRankNamesInTheCallersLanguage() throws Exception {
    long ivan = guild.fake.addMember("ivan");
    guild.engine.on(Bus.PLAYERS_TOP, body -> {
      String rank = "ru".equals(body.getString("language")) ? "Ефрейтор" : "Lance Corporal";
      return new Players.Top(List.of(new Players.TopEntry(1, 1, "alice", 900, new Players.RankView(3, rank, null))),
          null);
    });

    InteractionReply reply = TestGuild.get(guild.fake.invokeSlashCommand(ivan, "top", Map.of(), "ru"));

    assertTrue(reply.visibleText().contains("#1 alice — 900 опыта (Ефрейтор)"), reply.visibleText());
  }

  @Test
  void topAsksForTheSeasonByDefaultAndForAllTimeWithPeriodAll() throws Exception {
    long jane = guild.fake.addMember("jane");
    long kate = guild.fake.addMember("kate");
    guild.engine.on(Bus.PLAYERS_TOP, body -> "all".equals(body.getString("season"))
        ? new Players.Top(List.of(new Players.TopEntry(1, 1, "alice", 9000, null)), null, "all", null, null, 1)
        : new Players.Top(List.of(new Players.TopEntry(1, 2, "bob", 300, null)), null, "current", 4, "Winter", 1));

    InteractionReply season = run(jane, "top", Map.of());
    InteractionReply allTime = run(kate, "top", Map.of("period", "all"));

    assertEquals("current", requestFrom(Bus.PLAYERS_TOP, jane).getString("season"));
    assertEquals("all", requestFrom(Bus.PLAYERS_TOP, kate).getString("season"));
    assertTrue(season.visibleText().contains("Leaderboard — Winter") && season.visibleText().contains("#1 bob"),
        season.visibleText());
    assertTrue(season.embeds().getJsonObject(0).getJsonObject("footer").getString("text")
        .startsWith("You have no place this season yet"), season.embeds().encode());
    assertTrue(allTime.visibleText().contains("Leaderboard — all time") && allTime.visibleText().contains("#1 alice"),
        allTime.visibleText());
  }

  @Test
  void syncReconcilesTheCallersPlayer() throws Exception {
    long gina = guild.fake.addMember("gina");
    guild.engine.on(Bus.PLAYERS_PROFILE, body -> new JsonObject().put("playerId", 42).put("xp", 0));
    guild.engine.on(Bus.RECONCILE_RUN_NOW, body -> new Admin.ReconcileReport(1, 1, 1));

    InteractionReply reply = run(gina, "sync", Map.of());

    assertTrue(reply.ephemeral());
    assertTrue(reply.content().contains("corrected 1"), reply.content());
    assertEquals(42L, guild.engine.requests(Bus.RECONCILE_RUN_NOW).get(0).getLong("playerId"));
  }

  @Test
  void linkCodeAndUnlinkAnswerInRussianForARussianClient() throws Exception {
    long lena = guild.fake.addMember("lena");
    guild.engine.on(Bus.LINK_ISSUE, body -> new Links.Issued("R5T8W2QZ", "2030-01-01T00:10:00Z", 600));
    guild.engine.on(Bus.LINK_UNLINK, body -> new Links.Unlinked(false));

    InteractionReply issued = TestGuild.get(guild.fake.invokeSlashCommand(lena, "link", Map.of(), "ru"));
    InteractionReply unlink = TestGuild.get(guild.fake.invokeSlashCommand(lena, "unlink", Map.of(), "ru"));

    assertTrue(issued.content().startsWith("Ваш код привязки: **R5T8W2QZ** (одноразовый, действует 10 мин.)")
        && issued.content().contains("https://t.me/xp_bridge_bot?start=link_R5T8W2QZ"), issued.content());
    assertEquals("Ваш аккаунт Discord не привязан к профилю в Telegram, отвязывать нечего.", unlink.content());
  }

  @Test
  void unlinkReportsWhetherSomethingWasUnlinked() throws Exception {
    long harry = guild.fake.addMember("harry");
    guild.engine.on(Bus.LINK_UNLINK, body -> new Links.Unlinked(true));
    InteractionReply reply = run(harry, "unlink", Map.of());
    assertTrue(reply.ephemeral());
    assertTrue(reply.content().startsWith("Unlinked."), reply.content());
  }
}
