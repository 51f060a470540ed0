package io.xpbridge.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.xpbridge.bus.Bus;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Voice "minutes" last 1 s here (discord.voiceMinIntervalSeconds = 1). */
@ExtendWith(VertxExtension.class)
class VoiceXpTest {
  private static final Duration CEILING = Duration.ofSeconds(10);
  private static TestGuild guild;

  @BeforeAll
  static void start(Vertx vertx) throws Exception {
    guild = new TestGuild(vertx);
    TestGuild.get(guild.start(vertx, 60, 1));
  }

  @AfterAll
  static void stop(Vertx vertx) throws Exception {
    TestGuild.get(guild.stop(vertx));
  }

  private static List<JsonObject> voiceXp(long userId) {
    return guild.engine.submittedFor(userId).stream()
        .filter(e -> e.getString("idempotencyKey").startsWith("ds_voice_")).toList();
  }

  @Test
  void onlyUnmutedMembersWithCompanyOutsideAfkEarn() throws Exception {
    long alice = guild.fake.addMember("alice");
    long bob = guild.fake.addMember("bob");
    long carol = guild.fake.addMember("carol");
    long gina = guild.fake.addMember("gina");
    long dave = guild.fake.addMember("dave");
    long erin = guild.fake.addMember("erin");
    long frank = guild.fake.addMember("frank");
    long robot = guild.fake.addBotMember("music-bot");
    try {
      guild.fake.voiceJoin(alice, guild.lobby);
      guild.fake.voiceJoin(bob, guild.lobby);
      guild.fake.voiceJoin(carol, guild.lobby);
      guild.fake.voiceSelfMute(carol, true, false);
      guild.fake.voiceJoin(gina, guild.lobby);
      guild.fake.voiceServerMute(gina, false, true);
      guild.fake.voiceJoin(dave, guild.afk);
      guild.fake.voiceJoin(erin, guild.afk);
      guild.fake.voiceJoin(frank, guild.lounge);
      guild.fake.voiceJoin(robot, guild.lounge); // a bot is no company

      TestGuild.await("alice and bob earn 3 voice minutes", CEILING,
          () -> voiceXp(alice).size() >= 3 && voiceXp(bob).size() >= 3);
      guild.fake.replayLastDispatch(); // a replayed voice event must not pay anything twice
      TestGuild.await("alice and bob earn another one", CEILING,
          () -> voiceXp(alice).size() >= 4 && voiceXp(bob).size() >= 4);

      for (long silent : new long[] {carol, gina, dave, erin, frank, robot}) {
        assertEquals(List.of(), voiceXp(silent), "member " + silent + " must not earn voice XP");
      }
      JsonObject minute = voiceXp(alice).get(0);
      assertEquals(2L, minute.getLong("xp"));
      assertTrue(minute.getString("idempotencyKey").matches("ds_voice_[0-9a-f]+_\\d+_" + alice),
          minute.getString("idempotencyKey"));
      List<String> keys = guild.engine.requests(Bus.EVENTS_SUBMIT).stream().map(e -> e.getString("idempotencyKey")).toList();
      assertEquals(keys.size(), new HashSet<>(keys).size(), "a voice minute was submitted twice: " + keys);
    } finally {
      for (long user : new long[] {alice, bob, carol, gina, dave, erin, frank, robot}) {
        guild.fake.voiceLeave(user);
      }
    }
  }

  @Test
  void mutingOrBeingLeftAloneStopsEarning() throws Exception {
    long harry = guild.fake.addMember("harry");
    long ivy = guild.fake.addMember("ivy");
    long jack = guild.fake.addMember("jack");
    long kate = guild.fake.addMember("kate");
    try {
      guild.fake.voiceJoin(harry, guild.lobby);
      guild.fake.voiceJoin(ivy, guild.lobby);
      TestGuild.await("harry earns", CEILING, () -> voiceXp(harry).size() >= 1);

      guild.fake.voiceSelfMute(harry, true, false);
      // ivy keeps earning (a muted member is still company); use her minutes as the clock.
      int ivyAtMute = voiceXp(ivy).size();
      TestGuild.await("ivy earns 2 more", CEILING, () -> voiceXp(ivy).size() >= ivyAtMute + 2);
      int harryMuted = voiceXp(harry).size();
      int ivyLater = voiceXp(ivy).size();
      // One more minute for ivy is one full minute harry would have earned too.
      TestGuild.await("ivy earns another one", CEILING, () -> voiceXp(ivy).size() >= ivyLater + 1);
      assertEquals(harryMuted, voiceXp(harry).size(), "harry earned while muted");

      // ivy leaves: harry, unmuted now, is alone. jack and kate in the lounge are the clock.
      guild.fake.voiceLeave(ivy);
      guild.fake.voiceSelfMute(harry, false, false);
      guild.fake.voiceJoin(jack, guild.lounge);
      guild.fake.voiceJoin(kate, guild.lounge);
      TestGuild.await("jack earns 2", CEILING, () -> voiceXp(jack).size() >= 2);
      int harryAlone = voiceXp(harry).size();
      int jackLater = voiceXp(jack).size();
      TestGuild.await("jack earns another one", CEILING, () -> voiceXp(jack).size() >= jackLater + 1);
      assertEquals(harryAlone, voiceXp(harry).size(), "harry earned while alone");
      assertEquals(harryMuted, harryAlone, "harry earned between being muted and being alone");
    } finally {
      for (long user : new long[] {harry, ivy, jack, kate}) {
        guild.fake.voiceLeave(user);
      }
    }
  }
}
