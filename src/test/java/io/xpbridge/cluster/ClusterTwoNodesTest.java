package io.xpbridge.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import io.xpbridge.fake.telegram.FakeTelegram;
import io.xpbridge.fake.telegram.FakeTelegram.TgUser;
import io.xpbridge.support.Await;
import io.xpbridge.support.DiscordService;
import io.xpbridge.support.NodeProcess;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Two nodes (two JVMs) on one database: each singleton runs once, and effects reach the node that owns the bot. */
class ClusterTwoNodesTest {
  static TestCluster cluster;
  static NodeProcess a;
  static NodeProcess b;

  @BeforeAll
  static void start() throws Exception {
    cluster = new TestCluster(ClusterTwoNodesTest.class, 2);
    a = cluster.start("node-a", 0);
    TestCluster.awaitBots(cluster.telegram, cluster.discord);
    b = cluster.start("node-b", 1);
    Await.until("node-b sees two nodes", () -> b.cluster().getJsonArray("nodes").size() == 2, Duration.ofSeconds(30));
  }

  @AfterAll
  static void stop() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void eachSingletonRunsOnExactlyOneNodeWithOnePollerAndOneGatewaySession() {
    // Both nodes tell the same story: every job on exactly one of them.
    for (NodeProcess asked : List.of(a, b)) {
      JsonObject view = asked.cluster();
      assertEquals(asked.name, view.getString("self"));
      List<String> all = new ArrayList<>();
      view.getJsonArray("nodes").forEach(n -> all.addAll(((JsonObject) n).getJsonArray("singletons")
          .stream().map(String::valueOf).toList()));
      assertEquals(Set.of("telegram", "discord", "reconcile", "cleanup"), new HashSet<>(all), view.encode());
      assertEquals(4, all.size(), "no job on two nodes: " + view.encode());
    }
    assertTrue(b.log().contains("telegram runs on another node"), "node-b waits for the poller");
    assertTrue(a.log().contains("no other member of XPBRIDGE_CLUSTER_MEMBERS answered"),
        "node-a, started while node-b was not up, started alone and said so");
    assertTrue(b.log().contains("node node-b joined a cluster of 2 nodes"), "node-b joined node-a");

    // Players keep writing while both nodes run: all answered, by one poller.
    int pollsBefore = cluster.telegram.calls("getUpdates").size();
    for (int i = 0; i < 20; i++) {
      cluster.telegram.enqueueText(TgUser.english(7000 + i), "/help");
    }
    for (int i = 0; i < 20; i++) {
      cluster.telegram.awaitSentTo(7000 + i, 1, Duration.ofSeconds(30));
    }
    Await.until("several polls while both nodes run",
        () -> cluster.telegram.calls("getUpdates").size() > pollsBefore + 5, Duration.ofSeconds(30));
    long message = cluster.discord.addMember("dana");
    cluster.discord.sendMessage(message, cluster.general);
    Await.until("the Discord message is paid", () -> DiscordService.xpOf(cluster.sql, message) == 15, Duration.ofSeconds(30));

    assertEquals(0, cluster.conflicts(), "Telegram never saw two pollers at once (409 Conflict)");
    NodeProcess reconciler = cluster.owner("reconcile");
    NodeProcess idle = reconciler == a ? b : a;
    Await.until("reconcile passes run on " + reconciler.name, () -> reconciler.log().split("reconcile run:").length > 3,
        Duration.ofSeconds(30));
    assertFalse(idle.log().contains("reconcile run:"), "no reconcile pass on " + idle.name);
    assertEquals(1, cluster.discord.maxSessionsAtOnce(), "one gateway session at a time");
    assertEquals(1, cluster.discord.identifyCount(), "one login in all");
    assertEquals(1, cluster.sql.queryLong("SELECT count(*) FROM transactions WHERE player_id = ?",
        DiscordService.playerOf(cluster.sql, message)), "the message paid once, not once per node");
  }

  @Test
  void rankUpAppliedByTheOtherNodesEngineChangesTheRoleThroughTheBotOwner() {
    NodeProcess owner = cluster.owner("discord");
    assertNotNull(owner);
    NodeProcess other = owner == a ? b : a;
    assertNotEquals(owner, other);
    long member = cluster.discord.addMember("rhea", cluster.rank1);

    // Through the other node's API: its own engine applies it (submits are node-local) and sends the
    // role effect over the clustered bus to the node running the Discord bot.
    HttpResponse<String> response = other.post("/api/v1/events", new JsonObject().put("source", "telegram")
        .put("type", "xp_change").put("discordId", member).put("xp", 200).put("idempotencyKey", "cluster_rank_up"));
    assertTrue(response.statusCode() == 202 || response.statusCode() == 200, response.body());

    Await.until("the rank 2 role is set", () -> cluster.discord.memberRoles(member).contains(cluster.rank2),
        Duration.ofSeconds(30));
    assertEquals(1, DiscordService.recordedRoleCalls(cluster.discord, "PUT", member, cluster.rank2, 1).size());
    assertFalse(other.singletons().contains("discord"), "the applying node did not run the Discord bot");
  }

  @Test
  void aClusterPortInUseIsAClearErrorAndANonZeroExit() throws Exception {
    try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
      int port = taken.getLocalPort();
      NodeProcess clash = NodeProcess.start("node-clash", port, List.of(port), cluster.config);
      try {
        assertTrue(clash.awaitExit(Duration.ofSeconds(60)), "the node exits");
        assertEquals(1, clash.exitValue());
        assertTrue(clash.log().contains("xpbridge: cannot start the cluster manager on 127.0.0.1:" + port
            + " (XPBRIDGE_CLUSTER_PORT)"), clash.log());
      } finally {
        clash.close();
      }
    }
  }

  private static void assertFalse(boolean condition, String message) {
    assertTrue(!condition, message);
  }
}
