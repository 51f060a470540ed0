package io.xpbridge.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.xpbridge.bus.Bus;
import io.xpbridge.config.AppConfig;
import io.xpbridge.config.ConfigChanges;
import io.xpbridge.fake.discord.RestCall;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Season results sent over the bus as the engine sends them, posted by the real JDA bot in the fake
 * guild. Each test points {@code discord.announceChannelId} where it needs it with a live config
 * change, as an operator would.
 */
@ExtendWith(VertxExtension.class)
class SeasonAnnouncementTest {
  private static final AtomicLong EVENT_IDS = new AtomicLong(9_000);

  private static Vertx vertx;
  private static TestGuild guild;
  private static long announcements;
  private static long readOnly;
  private static long doomed;
  private static long alice;
  private static long carol;

  @BeforeAll
  static void start(Vertx shared) throws Exception {
    vertx = shared;
    guild = new TestGuild(vertx);
    announcements = guild.fake.addTextChannel("announcements");
    readOnly = guild.fake.addTextChannelTheBotCannotWriteIn("read-only");
    doomed = guild.fake.addTextChannel("doomed");
    alice = guild.fake.addMember("alice");
    carol = guild.fake.addMember("carol");
    TestGuild.get(guild.start(vertx, 60, 60));
  }

  @AfterAll
  static void stop() throws Exception {
    TestGuild.get(guild.stop(vertx));
  }

  /** A live config change: the announce channel (a string, as Discord hands ids out, or null) and language. */
  private static void announceIn(Object channelId, String locale) {
    JsonObject config = guild.config(60, 60);
    config.getJsonObject("discord").put("announceChannelId", channelId).put("announceLocale", locale);
    ConfigChanges.publish(vertx, AppConfig.parse(config));
  }

  /** As the engine sends it: alice (1st) and carol (3rd) have Discord accounts, bob (2nd) only Telegram. */
  private static JsonObject seasonResults(long eventId) {
    JsonArray winners = new JsonArray()
        .add(new JsonObject().put("place", 1).put("playerId", 11).put("discordId", Long.toString(alice))
            .put("name", "alice").put("xp", 9_120).put("coins", 1_000)
            .put("achievement", new JsonObject().put("code", "season_gold").put("name", "Gold")))
        .add(new JsonObject().put("place", 2).put("playerId", 12).put("name", "bob_*the*_@everyone")
            .put("xp", 8_400).put("coins", 500))
        .add(new JsonObject().put("place", 3).put("playerId", 13).put("discordId", carol)
            .put("name", "carol").put("xp", 7_000).put("coins", 250));
    return new JsonObject().put("eventId", eventId).put("kind", "season_results")
        .put("season", new JsonObject().put("seasonId", 4).put("name", "Spring 2027").put("winners", winners));
  }

  private static Future<JsonObject> send(JsonObject effect) {
    return vertx.eventBus().<JsonObject>request(Bus.EFFECTS_DISCORD, effect).map(m -> m.body());
  }

  private static ReplyException failureOf(JsonObject effect) throws Exception {
    try {
      TestGuild.get(send(effect));
    } catch (ExecutionException e) {
      return (ReplyException) e.getCause();
    }
    throw new AssertionError("effect should have failed: " + effect.encode());
  }

  private static List<RestCall> messageCalls(long channelId) {
    return guild.fake.restCalls(c -> c.is("POST", "/channels/" + channelId + "/messages"));
  }

  private static List<RestCall> allMessageCalls() {
    return guild.fake.restCalls(c -> c.method().equals("POST") && c.path().matches(".*/channels/\\d+/messages$"));
  }

  @Test
  void winnersArePostedOnceInTheAnnounceChannelPingingOnlyThem() throws Exception {
    announceIn(Long.toString(announcements), "en");
    int before = guild.fake.messagesPostedIn(announcements).size();

    JsonObject reply = TestGuild.get(send(seasonResults(EVENT_IDS.incrementAndGet())));

    assertEquals(true, reply.getBoolean("ok"));
    List<JsonObject> posted = guild.fake.messagesPostedIn(announcements);
    assertEquals(before + 1, posted.size());
    JsonObject message = posted.get(posted.size() - 1);
    assertEquals("🏆 Season \"Spring 2027\" is over! The winners:\n"
        + "1. <@" + alice + "> — 9120 XP — +1000 coins, \"Gold\"\n"
        + "2. bob\\_\\*the\\*\\_@everyone — 8400 XP — +500 coins\n"
        + "3. <@" + carol + "> — 7000 XP — +250 coins", message.getString("content"));
    JsonObject allowed = message.getJsonObject("allowed_mentions");
    assertEquals(new JsonArray(), allowed.getJsonArray("parse"), allowed.encode());
    // A set to Discord, and JDA writes it from a HashSet: its order means nothing.
    assertEquals(java.util.Set.of(Long.toString(alice), Long.toString(carol)),
        new java.util.HashSet<>(allowed.getJsonArray("users").getList()));
    assertEquals(2, allowed.getJsonArray("users").size());
    assertFalse(allowed.containsKey("roles") && !allowed.getJsonArray("roles").isEmpty(), allowed.encode());
    assertEquals(200, messageCalls(announcements).get(messageCalls(announcements).size() - 1).status());
  }

  @Test
  void theAnnouncementSpeaksRussianWhenAskedTo() throws Exception {
    announceIn(announcements, "ru");

    TestGuild.get(send(seasonResults(EVENT_IDS.incrementAndGet())));

    List<JsonObject> posted = guild.fake.messagesPostedIn(announcements);
    String content = posted.get(posted.size() - 1).getString("content");
    assertTrue(content.startsWith("🏆 Сезон «Spring 2027» завершён! Победители:\n"
        + "1. <@" + alice + "> — 9120 опыта — +1000 монет, «Gold»\n"), content);
  }

  @Test
  void theSameEventSentAgainIsAcknowledgedWithoutASecondPost() throws Exception {
    announceIn(Long.toString(announcements), "en");
    long eventId = EVENT_IDS.incrementAndGet();
    int before = messageCalls(announcements).size();

    // A resend while the first post is under way (the engine timed out), then one after it succeeded.
    Future<JsonObject> first = send(seasonResults(eventId));
    Future<JsonObject> resentAtOnce = send(seasonResults(eventId));
    TestGuild.get(Future.all(first, resentAtOnce));
    JsonObject resentLater = TestGuild.get(send(seasonResults(eventId)));

    assertEquals(true, first.result().getBoolean("ok"));
    assertEquals(true, resentAtOnce.result().getBoolean("ok"));
    assertEquals(true, resentLater.getBoolean("ok"));
    assertEquals(before + 1, messageCalls(announcements).size(), "posted exactly once");

    // Another season's effect is a new post.
    TestGuild.get(send(seasonResults(EVENT_IDS.incrementAndGet())));
    assertEquals(before + 2, messageCalls(announcements).size());
  }

  @Test
  void withoutAnAnnounceChannelTheEffectIsDoneAndNothingIsPosted() throws Exception {
    announceIn(null, "en");
    int before = allMessageCalls().size();

    JsonObject reply = TestGuild.get(send(seasonResults(EVENT_IDS.incrementAndGet())));

    assertEquals(true, reply.getBoolean("ok"));
    assertEquals(before, allMessageCalls().size());
  }

  @Test
  void anUnknownChannelFailsAsNeedingAFixNamingItAndTheBotKeepsWorking() throws Exception {
    long missing = 123_456_789_012_345_678L;
    announceIn(Long.toString(missing), "en");
    int before = allMessageCalls().size();

    ReplyException failure = failureOf(seasonResults(EVENT_IDS.incrementAndGet()));

    assertEquals(Bus.EFFECT_NEEDS_FIX, failure.failureCode(), "not retried by the engine");
    assertTrue(failure.getMessage().contains("channel " + missing + " (discord.announceChannelId) does not exist"),
        failure.getMessage());
    assertEquals(before, allMessageCalls().size(), "nothing sent to Discord");

    // The operator fixes the config; the next effect (or the requeued one) is posted.
    announceIn(Long.toString(announcements), "en");
    assertEquals(true, TestGuild.get(send(seasonResults(EVENT_IDS.incrementAndGet()))).getBoolean("ok"));
    assertEquals(before + 1, allMessageCalls().size());
  }

  @Test
  void aChannelWhereDiscordRefusesTheBotFailsAsNeedingAFixAndTheSameEventPostsOnceAllowed() throws Exception {
    announceIn(Long.toString(announcements), "en");
    guild.fake.refuseMessagesIn(announcements);
    long eventId = EVENT_IDS.incrementAndGet();
    try {
      ReplyException failure = failureOf(seasonResults(eventId));

      assertEquals(Bus.EFFECT_NEEDS_FIX, failure.failureCode(), "not retried by the engine");
      assertTrue(failure.getMessage().contains("#announcements (" + announcements + ", discord.announceChannelId)")
          && failure.getMessage().contains("Send Messages"), failure.getMessage());
      assertEquals(403, messageCalls(announcements).get(messageCalls(announcements).size() - 1).status());
    } finally {
      guild.fake.allowMessagesIn(announcements);
    }
    // Requeued after the fix, the same event is posted (a failed post is not remembered).
    int before = guild.fake.messagesPostedIn(announcements).size();
    assertEquals(true, TestGuild.get(send(seasonResults(eventId))).getBoolean("ok"));
    assertEquals(before + 1, guild.fake.messagesPostedIn(announcements).size());
  }

  @Test
  void aChannelTheBotMayNotWriteInFailsAsNeedingAFixBeforeAskingDiscord() throws Exception {
    announceIn(Long.toString(readOnly), "en");

    ReplyException failure = failureOf(seasonResults(EVENT_IDS.incrementAndGet()));

    assertEquals(Bus.EFFECT_NEEDS_FIX, failure.failureCode(), "not retried by the engine");
    assertTrue(failure.getMessage().contains("#read-only (" + readOnly + ", discord.announceChannelId)"),
        failure.getMessage());
    assertEquals(List.of(), messageCalls(readOnly), "JDA refused locally");
  }

  @Test
  void aChannelDeletedUnderTheBotFailsAsNeedingAFix() throws Exception {
    announceIn(Long.toString(doomed), "en");
    guild.fake.deleteChannelWithoutTellingTheBot(doomed);

    ReplyException failure = failureOf(seasonResults(EVENT_IDS.incrementAndGet()));

    assertEquals(Bus.EFFECT_NEEDS_FIX, failure.failureCode(), "not retried by the engine");
    assertTrue(failure.getMessage().contains("channel " + doomed + " (discord.announceChannelId) does not exist"),
        failure.getMessage());
    RestCall call = messageCalls(doomed).get(0);
    assertEquals(404, call.status());
  }
}
