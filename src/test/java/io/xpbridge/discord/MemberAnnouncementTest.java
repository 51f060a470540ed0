package io.xpbridge.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.xpbridge.bus.Bus;
import io.xpbridge.bus.Platforms;
import io.xpbridge.config.AppConfig;
import io.xpbridge.config.ConfigChanges;
import io.xpbridge.fake.discord.RestCall;
import io.xpbridge.support.LogCapture;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Member announcements (a rank-up, an achievement) sent over the bus as the engine sends them, posted
 * by the real JDA bot in the fake guild. Each test points {@code discord.announceChannelId} where it
 * needs it with a live config change, as an operator would.
 */
@ExtendWith(VertxExtension.class)
class MemberAnnouncementTest {
  private static final AtomicLong EVENT_IDS = new AtomicLong(7_000);

  private static Vertx vertx;
  private static TestGuild guild;
  private static long announcements;
  private static long readOnly;
  private static long alice;
  /** What the bot published on Bus.DISCORD_ANNOUNCE_PROBLEM, in order ("" for "solved"). */
  private static final List<String> problems = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void start(Vertx shared) throws Exception {
    vertx = shared;
    guild = new TestGuild(vertx);
    announcements = guild.fake.addTextChannel("announcements");
    readOnly = guild.fake.addTextChannelTheBotCannotWriteIn("read-only");
    alice = guild.fake.addMember("alice");
    vertx.eventBus().<JsonObject>consumer(Bus.DISCORD_ANNOUNCE_PROBLEM, m -> {
      String problem = m.body().getString("problem");
      problems.add(problem == null ? "" : problem);
    });
    TestGuild.get(guild.start(vertx, 60, 60));
  }

  @AfterAll
  static void stop() throws Exception {
    TestGuild.get(guild.stop(vertx));
  }

  private static void announceIn(Object channelId, String locale) {
    JsonObject config = guild.config(60, 60);
    config.getJsonObject("discord").put("announceChannelId", channelId).put("announceLocale", locale);
    ConfigChanges.publish(vertx, AppConfig.parse(config));
  }

  private static JsonObject rankUp(long eventId, int rank, String ru, String en) {
    return new JsonObject().put("eventId", eventId).put("kind", "member_announcement").put("playerId", 5)
        .put("discordId", Long.toString(alice))
        .put("announcement", new JsonObject().put("rank", rank).put("nameRu", ru).put("nameEn", en));
  }

  private static JsonObject achievement(long eventId, String code, String ru, String en) {
    return new JsonObject().put("eventId", eventId).put("kind", "member_announcement").put("playerId", 5)
        .put("discordId", alice)
        .put("announcement", new JsonObject().put("achievementCode", code).put("nameRu", ru).put("nameEn", en));
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

  private static List<RestCall> allMessageCalls() {
    return guild.fake.restCalls(c -> c.method().equals("POST") && c.path().matches(".*/channels/\\d+/messages$"));
  }

  private static String last(List<String> list) {
    return list.isEmpty() ? "" : list.get(list.size() - 1);
  }

  private static JsonObject lastPostedIn(long channelId) {
    List<JsonObject> posted = guild.fake.messagesPostedIn(channelId);
    return posted.get(posted.size() - 1);
  }

  @Test
  void aRankUpIsPostedInEnglishPingingOnlyTheMemberWithTheEventsNonce() throws Exception {
    announceIn(Long.toString(announcements), "en");
    long eventId = EVENT_IDS.incrementAndGet();
    int before = guild.fake.messagesPostedIn(announcements).size();

    JsonObject reply = TestGuild.get(send(rankUp(eventId, 3, "Ефрейтор", "Lance Corporal")));

    assertEquals(true, reply.getBoolean("ok"));
    assertEquals(before + 1, guild.fake.messagesPostedIn(announcements).size());
    JsonObject message = lastPostedIn(announcements);
    assertEquals("🎖️ <@" + alice + "> reached rank 3: \"Lance Corporal\"!", message.getString("content"));
    JsonObject allowed = message.getJsonObject("allowed_mentions");
    assertEquals(new JsonArray(), allowed.getJsonArray("parse"), allowed.encode());
    assertEquals(new JsonArray().add(Long.toString(alice)), allowed.getJsonArray("users"), allowed.encode());
    assertTrue(!allowed.containsKey("roles") || allowed.getJsonArray("roles").isEmpty(), allowed.encode());
    assertEquals("xpb:" + eventId, message.getString("nonce"));
    assertEquals(true, message.getBoolean("enforce_nonce"));
  }

  @Test
  void announcementsSpeakRussianByDefaultForRanksAndAchievements() throws Exception {
    announceIn(announcements, "ru");

    TestGuild.get(send(rankUp(EVENT_IDS.incrementAndGet(), 4, "Младший сержант", "Junior Sergeant")));
    assertEquals("🎖️ <@" + alice + "> — новый ранг 4: «Младший сержант»!",
        lastPostedIn(announcements).getString("content"));

    TestGuild.get(send(achievement(EVENT_IDS.incrementAndGet(), "veteran", "**Ветеран**", "Veteran")));
    assertEquals("🏅 <@" + alice + "> — новое достижение: «\\*\\*Ветеран\\*\\*»!",
        lastPostedIn(announcements).getString("content"), "names cannot restyle the post");
  }

  @Test
  void anAchievementIsPostedInEnglish() throws Exception {
    announceIn(announcements, "en");

    TestGuild.get(send(achievement(EVENT_IDS.incrementAndGet(), "veteran", "Ветеран", "Veteran")));

    assertEquals("🏅 <@" + alice + "> unlocked the achievement \"Veteran\"!",
        lastPostedIn(announcements).getString("content"));
  }

  @Test
  void theSameEffectSentAgainIsAcknowledgedWithoutASecondPost() throws Exception {
    announceIn(announcements, "en");
    long eventId = EVENT_IDS.incrementAndGet();
    int before = guild.fake.messagesPostedIn(announcements).size();

    TestGuild.get(send(rankUp(eventId, 2, "Рядовой", "Private")));
    JsonObject again = TestGuild.get(send(rankUp(eventId, 2, "Рядовой", "Private")));

    assertEquals(true, again.getBoolean("ok"));
    assertEquals(before + 1, guild.fake.messagesPostedIn(announcements).size());
  }

  @Test
  void withoutAnAnnounceChannelTheEffectIsDoneAndNothingIsPosted() throws Exception {
    announceIn(null, "en");
    int before = allMessageCalls().size();

    JsonObject reply = TestGuild.get(send(rankUp(EVENT_IDS.incrementAndGet(), 2, "Рядовой", "Private")));

    assertEquals(true, reply.getBoolean("ok"));
    assertEquals(before, allMessageCalls().size());
  }

  @Test
  void anUnknownChannelNeedsAFixWithOneWarningAndIsReportedUntilTheChannelChanges() throws Exception {
    long missing = 123_456_789_012_345_678L;
    announceIn(Long.toString(missing), "en");
    int calls = allMessageCalls().size();
    try (LogCapture log = LogCapture.of(MemberAnnouncer.class)) {
      ReplyException first = failureOf(rankUp(EVENT_IDS.incrementAndGet(), 2, "Рядовой", "Private"));
      ReplyException second = failureOf(achievement(EVENT_IDS.incrementAndGet(), "veteran", "Ветеран", "Veteran"));

      assertEquals(Bus.EFFECT_NEEDS_FIX, first.failureCode());
      assertEquals(Bus.EFFECT_NEEDS_FIX, second.failureCode());
      assertTrue(first.getMessage().contains("channel " + missing + " (discord.announceChannelId) does not exist"),
          first.getMessage());
      assertEquals(1, log.linesContaining("Failed announcements are not retried").size(), log.lines().toString());
      assertTrue(log.linesContaining("Failed announcements are not retried").get(0).contains(Long.toString(missing)));
    }
    assertEquals(calls, allMessageCalls().size(), "nothing sent to Discord");
    TestGuild.await("the problem is reported", Duration.ofSeconds(5),
        () -> last(problems).contains(Long.toString(missing)));
    assertEquals(1, problems.stream().filter(p -> p.contains(Long.toString(missing))).count(), "reported once");

    announceIn(announcements, "en");
    TestGuild.await("the problem is over", Duration.ofSeconds(5), () -> last(problems).isEmpty());
    assertEquals(true, TestGuild.get(send(rankUp(EVENT_IDS.incrementAndGet(), 2, "Рядовой", "Private")))
        .getBoolean("ok"));
  }

  @Test
  void aChannelWhereDiscordRefusesTheBotNeedsAFixAndAPostAfterTheFixEndsTheProblem() throws Exception {
    announceIn(announcements, "en");
    guild.fake.refuseMessagesIn(announcements);
    long eventId = EVENT_IDS.incrementAndGet();
    try {
      ReplyException failure = failureOf(rankUp(eventId, 2, "Рядовой", "Private"));

      assertEquals(Bus.EFFECT_NEEDS_FIX, failure.failureCode());
      assertTrue(failure.getMessage().contains("#announcements (" + announcements + ", discord.announceChannelId)")
          && failure.getMessage().contains("Send Messages"), failure.getMessage());
      TestGuild.await("the problem is reported", Duration.ofSeconds(5), () -> last(problems).contains("#announcements"));
    } finally {
      guild.fake.allowMessagesIn(announcements);
    }
    // Requeued after the fix: posted, and the problem is over.
    assertEquals(true, TestGuild.get(send(rankUp(eventId, 2, "Рядовой", "Private"))).getBoolean("ok"));
    TestGuild.await("the problem is over", Duration.ofSeconds(5), () -> last(problems).isEmpty());
  }

  @Test
  void aChannelTheBotMayNotWriteInNeedsAFixBeforeAskingDiscord() throws Exception {
    announceIn(readOnly, "en");

    ReplyException failure = failureOf(rankUp(EVENT_IDS.incrementAndGet(), 2, "Рядовой", "Private"));

    assertEquals(Bus.EFFECT_NEEDS_FIX, failure.failureCode());
    assertTrue(failure.getMessage().contains("#read-only (" + readOnly + ", discord.announceChannelId)"),
        failure.getMessage());
    assertEquals(List.of(), guild.fake.restCalls(c -> c.is("POST", "/channels/" + readOnly + "/messages")));
  }

  @Test
  void anEffectWithoutItsMemberIsRefused() throws Exception {
    announceIn(announcements, "en");
    JsonObject effect = rankUp(EVENT_IDS.incrementAndGet(), 2, "Рядовой", "Private");
    effect.remove("discordId");

    assertEquals(400, failureOf(effect).failureCode());
  }

  @Test
  void theTextNamesTheCodeWhenAnAchievementHasNoName() {
    String text = MemberAnnouncer.content("en", 42L, new Platforms.MemberNews(null, "veteran", null, " "));
    assertEquals("🏅 <@42> unlocked the achievement \"veteran\"!", text);
    assertNull(new Platforms.MemberNews(3, null, "a", "b").achievementCode());
  }
}
