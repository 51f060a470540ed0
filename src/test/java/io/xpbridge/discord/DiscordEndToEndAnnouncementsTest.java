package io.xpbridge.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.xpbridge.config.AppConfig;
import io.xpbridge.config.ConfigChanges;
import io.xpbridge.fake.discord.FakeDiscord;
import io.xpbridge.fake.discord.RestCall;
import io.xpbridge.support.Await;
import io.xpbridge.support.DiscordService;
import io.xpbridge.support.LogCapture;
import io.xpbridge.support.PlatformFixture;
import io.xpbridge.support.Readiness;
import io.xpbridge.support.ServiceFixture;
import io.xpbridge.support.Still;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Issue 14's rank-up announcements end to end: the real engine queues them, the real JDA bot posts
 * them in the fake Discord's announce channel. Rank 2 starts at 165 XP, rank 3 at 460 (shipped ladder);
 * the shipped achievement first_steps (100 XP) is announced too, so rank posts are counted apart.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DiscordEndToEndAnnouncementsTest {
  static final long EFFECT_TIMEOUT_MS = 1_000;

  static PlatformFixture platforms;
  static FakeDiscord fake;
  /** The running service; replaced by the restart test. */
  static ServiceFixture service;
  static boolean restarted;
  static long rank1;
  static long rank2;
  static long rank3;
  static long announcements;
  static long general;

  static final UnaryOperator<JsonObject> CONFIG = config -> {
    DiscordService.xpRules(config, 15, 2, 2, 1);
    DiscordService.mapRanks(config, rank1, rank2, rank3);
    config.getJsonObject("discord").put("announceChannelId", Long.toString(announcements))
        .put("announceLocale", "en");
    config.getJsonObject("sync").put("maxRetries", 5).put("effectTimeoutMs", EFFECT_TIMEOUT_MS);
    return config;
  };

  @BeforeAll
  static void start(TestInfo test) {
    platforms = PlatformFixture.of(test.getTestClass().orElseThrow())
        .discord(guild -> {
          guild.giveBotManageRoles(20);
          rank3 = guild.addRole("Lance Corporal", 5);
          rank2 = guild.addRole("Private", 4);
          rank1 = guild.addRole("Recruit", 3);
          announcements = guild.addTextChannel("announcements");
          general = guild.addTextChannel("general");
        })
        .config(CONFIG)
        .start();
    fake = platforms.discord;
    service = platforms.service;
  }

  @AfterAll
  static void stop() {
    if (platforms == null) {
      return;
    }
    if (!restarted) {
      platforms.close();
      return;
    }
    try {
      service.close();
    } finally {
      Await.result(fake.close());
      Await.result(platforms.fakeVertx.close());
    }
  }

  static void earn(String key, long discordId, long xp) {
    service.submit(new JsonObject().put("source", "discord").put("type", "xp_change").put("discordId", discordId)
        .put("xp", xp).put("idempotencyKey", key));
  }

  /** The posts in the announce channel that announce {@code discordId}'s rank {@code rank}. */
  static List<JsonObject> rankPosts(long discordId, int rank) {
    return fake.messagesPostedIn(announcements).stream()
        .filter(m -> m.getString("content").contains("<@" + discordId + "> reached rank " + rank + ":")).toList();
  }

  static String announcementStatus(String key) {
    return service.sql.queryString("SELECT status FROM sync_events WHERE idempotency_key = ?", key);
  }

  static long announcementEventId(String key) {
    return service.sql.queryLong("SELECT id FROM sync_events WHERE idempotency_key = ?", key);
  }

  static void liveAnnounceChannel(long channelId) {
    JsonObject config = service.app.config().copy();
    config.getJsonObject("discord").put("announceChannelId", Long.toString(channelId));
    ConfigChanges.publish(service.vertx, AppConfig.parse(config));
  }

  @Test
  @Order(1)
  void aRankUpPostsExactlyOneAnnouncementPingingOnlyTheMember() {
    long ann = fake.addMember("ann", rank1);

    earn("ann_1", ann, 200);

    Await.until("ann has rank 2's role", () -> fake.memberRoles(ann).contains(rank2));
    Await.until("ann's rank-up is announced", () -> rankPosts(ann, 2).size() == 1);
    Await.until("the announcement is done", () -> "completed".equals(announcementStatus("ann_1:rank2:announce")));
    Still.holdsFor(Duration.ofSeconds(1), "one post", () -> rankPosts(ann, 2).size() == 1);
    JsonObject post = rankPosts(ann, 2).get(0);
    assertEquals("🎖️ <@" + ann + "> reached rank 2: \"Private\"!", post.getString("content"));
    JsonObject allowed = post.getJsonObject("allowed_mentions");
    assertEquals(new JsonArray(), allowed.getJsonArray("parse"), allowed.encode());
    assertEquals(new JsonArray().add(Long.toString(ann)), allowed.getJsonArray("users"), allowed.encode());
    assertEquals("xpb:" + announcementEventId("ann_1:rank2:announce"), post.getString("nonce"));
  }

  @Test
  @Order(2)
  void aDeliveryRetriedAfterALostReplyPostsOnce() {
    long bob = fake.addMember("bob", rank1);
    // Discord creates the post at once but answers after the engine stopped waiting for the bot.
    fake.delayNextMessageAnswerIn(announcements, EFFECT_TIMEOUT_MS + 500);

    earn("bob_1", bob, 200);

    String key = "bob_1:rank2:announce";
    Await.until("the announcement is done", () -> "completed".equals(announcementStatus(key)));
    long eventId = announcementEventId(key);
    int retries = (int) service.sql.queryLong("SELECT retries FROM sync_events WHERE id = ?", eventId);
    assertTrue(retries >= 1, "the first answer was lost: retries " + retries);
    List<RestCall> posts = fake.restCalls(c -> c.is("POST", "/channels/" + announcements + "/messages")
        && new JsonObject(c.body()).getString("nonce", "").equals("xpb:" + eventId));
    assertTrue(posts.size() >= 2, "the bot sent it again with the same nonce: " + posts.size());
    Still.holdsFor(Duration.ofSeconds(1), "one post", () -> rankPosts(bob, 2).size() == 1);
    assertTrue(fake.memberRoles(bob).contains(rank2));
  }

  @Test
  @Order(3)
  void aMissingChannelFailsTheAnnouncementOnceWithOneWarningWhileTheRoleIsGiven() {
    long missing = 123_456_789_012_345_678L;
    long cleo = fake.addMember("cleo", rank1);
    int postsBefore = fake.restCalls(c -> c.method().equals("POST") && c.path().endsWith("/messages")).size();
    try (LogCapture log = LogCapture.of(MemberAnnouncer.class)) {
      liveAnnounceChannel(missing);

      earn("cleo_1", cleo, 200);
      Await.until("cleo has rank 2's role", () -> fake.memberRoles(cleo).contains(rank2));
      earn("cleo_2", cleo, 300); // 500 XP: rank 3, a second announcement into the same problem
      Await.until("cleo has rank 3's role", () -> fake.memberRoles(cleo).contains(rank3));
      Await.until("both announcements failed", () -> "failed".equals(announcementStatus("cleo_2:rank3:announce"))
          && "failed".equals(announcementStatus("cleo_1:rank2:announce")));
      assertEquals(0, service.sql.queryLong("SELECT retries - 1 FROM sync_events WHERE idempotency_key = ?",
          "cleo_1:rank2:announce"), "tried once, not retried");
      String error = service.sql.queryString("SELECT error_message FROM sync_events WHERE idempotency_key = ?",
          "cleo_1:rank2:announce");
      assertTrue(error.contains(Long.toString(missing)) && error.contains("discord.announceChannelId"), error);
      assertEquals(1, log.linesContaining("Failed announcements are not retried").size(), log.lines().toString());
      assertEquals(postsBefore, fake.restCalls(c -> c.method().equals("POST") && c.path().endsWith("/messages"))
          .size(), "nothing was sent to Discord");

      JsonObject bot = Readiness.check(new JsonObject(Readiness.of(service).body()), "discord-bot");
      assertEquals("UP", bot.getString("status"), bot.encode());
      assertTrue(bot.getJsonObject("data").getString("announceProblem").contains(Long.toString(missing)),
          bot.encode());
    } finally {
      liveAnnounceChannel(announcements);
    }
    Await.until("the problem is gone from /health/ready", () -> !Readiness.check(
        new JsonObject(Readiness.of(service).body()), "discord-bot").encode().contains("announceProblem"));
  }

  @Test
  @Order(4)
  void aRankUpWhileAwayFromTheGuildIsNotAnnounced() {
    long fay = fake.addMember("fay", rank1);
    earn("fay_1", fay, 50);
    Await.until("fay has a player", () -> service.sql.queryLong(
        "SELECT count(*) FROM discord_identities WHERE discord_id = ?", fay) == 1);
    fake.memberLeaves(fay);
    Await.until("fay is marked as away", () -> service.sql.queryLong(
        "SELECT count(*) FROM discord_identities WHERE discord_id = ? AND left_guild_at IS NOT NULL", fay) == 1);

    earn("fay_2", fay, 200);

    Await.until("the announcement is done without a post",
        () -> "completed".equals(announcementStatus("fay_2:rank2:announce")));
    Still.holdsFor(Duration.ofSeconds(1), "nothing posted for fay",
        () -> fake.messagesPostedIn(announcements).stream()
            .noneMatch(m -> m.getString("content").contains("<@" + fay + ">")));
  }

  @Test
  @Order(5)
  void anEngineRestartDoesNotRepost() {
    long dan = fake.addMember("dan", rank1);
    earn("dan_1", dan, 200);
    Await.until("dan's rank-up is announced", () -> "completed".equals(announcementStatus("dan_1:rank2:announce")));

    service.close();
    restarted = true;
    int identified = fake.identifyCount();
    service = ServiceFixture.startOn(service.db, base -> CONFIG.apply(DiscordService.pointAt(base, fake)));
    Await.until("the restarted bot logged in", () -> fake.identifyCount() > identified);

    long eve = fake.addMember("eve", rank1);
    earn("eve_1", eve, 200);
    Await.until("eve's rank-up is announced after the restart", () -> rankPosts(eve, 2).size() == 1);
    Still.holdsFor(Duration.ofSeconds(1), "dan was announced once",
        () -> rankPosts(dan, 2).size() == 1);
    assertEquals(0, service.sql.queryLong("SELECT count(*) FROM sync_events WHERE event_type = 'announcement' "
        + "AND status IN ('pending', 'processing')"));
  }
}
