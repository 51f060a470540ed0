package io.xpbridge.cluster;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.xpbridge.config.DatabaseUrl;
import io.xpbridge.fake.discord.FakeDiscord;
import io.xpbridge.fake.telegram.FakeTelegram;
import io.xpbridge.support.Await;
import io.xpbridge.support.DiscordService;
import io.xpbridge.support.NodeProcess;
import io.xpbridge.support.Sql;
import io.xpbridge.support.TelegramService;
import io.xpbridge.support.TestConfig;
import io.xpbridge.support.TestDatabases;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Nodes of a cluster as separate JVMs ({@link NodeProcess}) on one fresh database, with the fake
 * Telegram and fake Discord in the test JVM. Guild: the bot's role (20, Manage Roles) above the rank
 * roles 1 and 2 (3, 4); one text channel. Rank 2 at 165 XP.
 */
final class TestCluster implements AutoCloseable {
  final Vertx fakeVertx = Vertx.vertx();
  final FakeTelegram telegram = new FakeTelegram(fakeVertx);
  final FakeDiscord discord = new FakeDiscord(fakeVertx);
  final DatabaseUrl db;
  final Sql sql;
  final Path config;
  final List<Integer> members = new ArrayList<>();
  final List<NodeProcess> nodes = new ArrayList<>();
  long rank1;
  long rank2;
  long general;

  TestCluster(Class<?> testClass, int size) throws Exception {
    db = TestDatabases.create(testClass);
    sql = new Sql(db);
    Await.result(telegram.start());
    discord.giveBotManageRoles(20);
    rank2 = discord.addRole("Private", 4);
    rank1 = discord.addRole("Recruit", 3);
    general = discord.addTextChannel("general");
    Await.result(discord.start());
    JsonObject settings = TestConfig.forDatabase(db);
    TelegramService.pointAt(settings, telegram);
    DiscordService.pointAt(settings, discord);
    DiscordService.xpRules(settings, 15, 1, 2, 60);
    DiscordService.mapRanks(settings, rank1, rank2);
    // A reconcile pass every 2 s, so a test can see it run on one node only.
    settings.getJsonObject("reconcile").put("intervalMs", 2_000);
    // Deliveries that found no bot (it was moving) are tried again soon.
    settings.getJsonObject("sync").put("effectTimeoutMs", 3_000);
    config = NodeProcess.configFile(settings);
    for (int i = 0; i < size; i++) {
      members.add(NodeProcess.freePort());
    }
  }

  NodeProcess start(String name, int memberIndex) throws Exception {
    NodeProcess node = NodeProcess.start(name, members.get(memberIndex), members, config);
    nodes.add(node);
    return node.awaitRunning();
  }

  /** The live node that runs {@code job} (asked of {@code any}), or null. */
  NodeProcess owner(String job) {
    for (NodeProcess node : nodes) {
      if (node.alive() && node.singletons().contains(job)) {
        return node;
      }
    }
    return null;
  }

  static void awaitBots(FakeTelegram telegram, FakeDiscord discord) {
    Await.until("the Telegram bot polls", () -> !telegram.calls("getUpdates").isEmpty(), Duration.ofSeconds(60));
    Await.until("the Discord bot logged in", () -> discord.identifyCount() > 0 && !discord.registeredCommands().isEmpty(),
        Duration.ofSeconds(60));
  }

  long conflicts() {
    return telegram.calls("getUpdates").stream().filter(c -> c.status() == 409).count();
  }

  @Override
  public void close() {
    for (NodeProcess node : nodes) {
      node.close();
    }
    Await.result(discord.close());
    Await.result(telegram.close());
    Await.result(fakeVertx.close());
  }
}
