package io.xpbridge.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.xpbridge.bus.Bus;
import io.xpbridge.fake.discord.RestCall;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class RoleEffectsTest {
  private static Vertx vertx;
  private static TestGuild guild;

  @BeforeAll
  static void start(Vertx shared) throws Exception {
    vertx = shared;
    guild = new TestGuild(vertx);
    TestGuild.get(guild.start(vertx, 60, 60));
  }

  @AfterAll
  static void stop() throws Exception {
    TestGuild.get(guild.stop(vertx));
  }

  private static JsonObject rankEffect(long discordId, int number, long roleId) {
    return new JsonObject()
        .put("eventId", 100 + number).put("kind", "rank_role").put("playerId", 1).put("discordId", discordId)
        .put("rank", new JsonObject().put("number", number).put("name", "rank " + number)
            .put("roleId", Long.toString(roleId)))
        .put("rankRoleIds", new JsonArray().add(guild.recruitRole).add(guild.privateRole).add(guild.adminRole));
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

  private static List<RestCall> roleCalls(long member) {
    return guild.fake.restCalls(c -> c.isMemberRoleCall() && c.path().contains("/members/" + member + "/"));
  }

  @Test
  void rankRoleEffectSetsTheNewRoleAndRemovesTheOld() throws Exception {
    long alice = guild.fake.addMember("alice", guild.recruitRole);

    assertEquals(true, TestGuild.get(send(rankEffect(alice, 3, guild.privateRole))).getBoolean("ok"));
    assertEquals(Set.of(guild.privateRole), guild.fake.memberRoles(alice));
    assertEquals(2, roleCalls(alice).size());

    // Applying the same projection again changes nothing and calls nothing.
    TestGuild.await("the bot's cache shows the change", Duration.ofSeconds(5),
        () -> memberRoles(alice).equals(Set.of(guild.privateRole)));
    assertEquals(true, TestGuild.get(send(rankEffect(alice, 3, guild.privateRole))).getBoolean("ok"));
    assertEquals(2, roleCalls(alice).size());
  }

  @Test
  void twoQuickRankChangesLeaveOnlyTheLastRole() throws Exception {
    long bob = guild.fake.addMember("bob");
    Future<JsonObject> first = send(rankEffect(bob, 2, guild.recruitRole));
    Future<JsonObject> second = send(rankEffect(bob, 3, guild.privateRole));
    TestGuild.get(Future.all(first, second));
    assertEquals(Set.of(guild.privateRole), guild.fake.memberRoles(bob));
  }

  @Test
  void rateLimitedRoleChangeIsDelayedButCompletes() throws Exception {
    long carol = guild.fake.addMember("carol");
    guild.fake.rateLimitNextRoleCalls(1, 1);

    assertEquals(true, TestGuild.get(send(rankEffect(carol, 2, guild.recruitRole))).getBoolean("ok"));

    assertEquals(Set.of(guild.recruitRole), guild.fake.memberRoles(carol));
    List<Integer> statuses = roleCalls(carol).stream().map(RestCall::status).toList();
    assertEquals(List.of(429, 204), statuses);
    List<RestCall> calls = roleCalls(carol);
    assertTrue(calls.get(1).atMs() - calls.get(0).atMs() >= 900, "JDA retried before Retry-After");
  }

  @Test
  void achievementRoleEffectGrantsTheRole() throws Exception {
    long dave = guild.fake.addMember("dave", guild.recruitRole);
    JsonObject effect = new JsonObject().put("eventId", 7).put("kind", "achievement_role").put("playerId", 2)
        .put("discordId", dave)
        .put("achievement", new JsonObject().put("code", "veteran").put("name", "Veteran")
            .put("roleId", Long.toString(guild.veteranRole)));

    assertEquals(true, TestGuild.get(send(effect)).getBoolean("ok"));
    assertEquals(Set.of(guild.recruitRole, guild.veteranRole), guild.fake.memberRoles(dave));
  }

  @Test
  void roleAboveTheBotFailsWith403AndTheBotKeepsWorking() throws Exception {
    long erin = guild.fake.addMember("erin");
    int callsBefore = guild.fake.restCalls(RestCall::isMemberRoleCall).size();

    ReplyException failure = failureOf(rankEffect(erin, 20, guild.adminRole));

    assertEquals(403, failure.failureCode());
    assertTrue(failure.getMessage().contains("Admin") && failure.getMessage().contains("bot's role above"),
        failure.getMessage());
    // JDA refused locally: Discord was not even asked.
    assertEquals(callsBefore, guild.fake.restCalls(RestCall::isMemberRoleCall).size());

    assertEquals(true, TestGuild.get(send(rankEffect(erin, 2, guild.recruitRole))).getBoolean("ok"));
    assertEquals(Set.of(guild.recruitRole), guild.fake.memberRoles(erin));
  }

  @Test
  void unknownMemberFailsWith404() throws Exception {
    ReplyException failure = failureOf(rankEffect(123456789012345678L, 2, guild.recruitRole));
    assertEquals(404, failure.failureCode());
  }

  @Test
  void discordServerErrorFailsWith503() throws Exception {
    long frank = guild.fake.addMember("frank");
    guild.fake.failNextRoleCalls(1, 500);
    ReplyException failure = failureOf(rankEffect(frank, 2, guild.recruitRole));
    assertEquals(503, failure.failureCode());
    assertEquals(Set.of(), guild.fake.memberRoles(frank));
  }

  @Test
  void memberRolesReportsARoleChangedByHand() throws Exception {
    long gina = guild.fake.addMember("gina", guild.recruitRole);
    long stranger = 987654321098765432L;
    guild.fake.setRoleByHand(gina, guild.privateRole, true);

    TestGuild.await("the bot sees the hand-made role", Duration.ofSeconds(5),
        () -> memberRoles(gina).contains(guild.privateRole));
    JsonObject reply = query(gina, stranger);
    assertEquals(Set.of(guild.recruitRole, guild.privateRole),
        Set.copyOf(reply.getJsonObject("members").getJsonArray(Long.toString(gina)).getList()));
    assertEquals(List.of(stranger), reply.getJsonArray("missing").getList());
  }

  private static JsonObject query(long... discordIds) throws Exception {
    JsonArray ids = new JsonArray();
    for (long id : discordIds) {
      ids.add(id);
    }
    return TestGuild.get(vertx.eventBus().<JsonObject>request(Bus.DISCORD_MEMBER_ROLES,
        new JsonObject().put("discordIds", ids)).map(m -> m.body()));
  }

  private static Set<Long> memberRoles(long discordId) {
    try {
      JsonArray roles = query(discordId).getJsonObject("members").getJsonArray(Long.toString(discordId));
      return roles == null ? Set.of() : Set.copyOf(roles.getList());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
