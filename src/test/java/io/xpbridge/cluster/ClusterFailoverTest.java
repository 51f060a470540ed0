package io.xpbridge.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.xpbridge.fake.discord.FakeDiscord;
import io.xpbridge.fake.telegram.FakeTelegram;
import io.xpbridge.fake.telegram.FakeTelegram.TgUser;
import io.xpbridge.support.Await;
import io.xpbridge.support.DiscordService;
import io.xpbridge.support.Metrics;
import io.xpbridge.support.NodeProcess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The node running the bots dies (SIGKILL) under load, then the new owner is stopped for a rolling
 * restart (SIGTERM): the bots move to the surviving node each time, nothing is paid twice or lost,
 * every player gets an answer. Each step its own test, in order, on one cluster.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterFailoverTest {
  static final int TELEGRAM_PLAYERS = 30;
  static final int DISCORD_MEMBERS = 6;
  static TestCluster cluster;
  static NodeProcess a;
  static NodeProcess b;

  @BeforeAll
  static void start() throws Exception {
    cluster = new TestCluster(ClusterFailoverTest.class, 3);
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
  @Order(1)
  void sigkilledOwnerIsReplacedWithinFifteenSecondsAndEveryActionIsPaidExactlyOnce() throws Exception {
    FakeTelegram telegram = cluster.telegram;
    FakeDiscord discord = cluster.discord;
    assertTrue(a.singletons().containsAll(List.of("telegram", "discord")), "node-a started first and runs the bots");
    List<Long> members = new ArrayList<>();
    for (int i = 0; i < DISCORD_MEMBERS; i++) {
      members.add(discord.addMember("member" + i));
    }
    // Telegram players claim /daily and /play, one after the other; Discord members write.
    List<FakeTelegram.Enqueued> plays = new ArrayList<>();
    Map<Long, Boolean> discordMessages = new ConcurrentHashMap<>(); // id -> sent while the new owner's session was up
    AtomicBoolean killed = new AtomicBoolean();
    Thread players = new Thread(() -> {
      for (int i = 0; i < TELEGRAM_PLAYERS; i++) {
        TgUser user = TgUser.english(8000 + i);
        telegram.enqueueText(user, "/daily");
        synchronized (plays) {
          plays.add(telegram.enqueueText(user, "/play"));
        }
        if (i % 5 == 0) {
          for (long member : members.subList(0, DISCORD_MEMBERS / 2 + (i / 5) % 2)) {
            boolean newOwnerUp = killed.get() && discord.identifyCount() >= 2;
            discordMessages.put(discord.sendMessage(member, cluster.general), newOwnerUp);
          }
        }
        sleep(200);
      }
    });
    players.start();
    Await.until("some /daily answered by node-a", () -> telegram.sentMessages().stream()
        .filter(m -> m.text() != null && m.text().contains("Daily reward")).count() >= 5, Duration.ofSeconds(30));
    long climber = discord.addMember("climber", cluster.rank1);
    // The database's intake budget (half of the test's db.poolSize 4: 2 batches at once) is shared.
    Await.until("each node writes 1 intake batch at once", () -> intakeSlots(a) == 1 && intakeSlots(b) == 1,
        Duration.ofSeconds(10));
    a.kill();
    killed.set(true);
    long killedAt = System.nanoTime();
    // A rank-up applied while no node runs the Discord bot: its role effect waits for the next owner.
    var posted = b.post("/api/v1/events", new io.vertx.core.json.JsonObject().put("source", "telegram")
        .put("type", "xp_change").put("discordId", climber).put("xp", 200).put("idempotencyKey", "failover_rank_up"));
    assertTrue(posted.statusCode() == 202, posted.body());
    Await.until("node-b runs both bots", () -> b.singletons().containsAll(List.of("telegram", "discord")),
        Duration.ofSeconds(20));
    double takeoverSeconds = (System.nanoTime() - killedAt) / 1e9;
    Await.until("node-b's Discord session is up", () -> discord.identifyCount() >= 2, Duration.ofSeconds(20));
    Await.until("node-b alone takes the whole intake budget", () -> intakeSlots(b) == 2, Duration.ofSeconds(30));
    players.join(60_000);
    // Messages after the takeover, and a MESSAGE_CREATE that Discord delivers twice.
    for (long member : members) {
      sleep(1_100); // past the message cooldown
      discordMessages.put(discord.sendMessage(member, cluster.general), true);
    }
    discord.replayLastDispatch("MESSAGE_CREATE");

    Await.until("the rank-up's role is set by the new owner", () -> discord.memberRoles(climber).contains(cluster.rank2),
        Duration.ofSeconds(60));
    assertEquals(1, DiscordService.recordedRoleCalls(discord, "PUT", climber, cluster.rank2, 1).size(), "the role set once");
    for (int i = 0; i < TELEGRAM_PLAYERS; i++) {
      long chat = 8000 + i;
      Await.until("player " + chat + " answered for /daily and /play", () -> {
        List<String> texts = telegram.sentTo(chat).stream().map(FakeTelegram.SentMessage::text)
            .filter(t -> t != null).toList();
        return texts.stream().anyMatch(t -> t.contains("Daily reward") || t.contains("already claimed"))
            && texts.stream().anyMatch(t -> t.contains("You got") || t.contains("already counted"));
      }, Duration.ofSeconds(30));
    }
    Await.until("every Discord message sent to a live session is paid", () -> discordMessages.entrySet().stream()
        .filter(Map.Entry::getValue).allMatch(e -> paidTimes(discordKeyOf(e.getKey())) == 1), Duration.ofSeconds(30));
    Await.until("nothing left in the queue", () -> cluster.sql.queryLong(
        "SELECT count(*) FROM sync_events WHERE status IN ('pending','processing')") == 0, Duration.ofSeconds(30));

    for (int i = 0; i < TELEGRAM_PLAYERS; i++) {
      long chat = 8000 + i;
      assertEquals(1, cluster.sql.queryLong("SELECT count(*) FROM transactions t JOIN telegram_identities ti "
          + "ON ti.player_id = t.player_id WHERE ti.telegram_id = ? AND position('_daily_' in t.idempotency_key) > 0",
          chat), "player " + chat + ": /daily paid once");
    }
    for (FakeTelegram.Enqueued play : plays) {
      long chat = play.update().getJsonObject("message").getJsonObject("chat").getLong("id");
      assertEquals(1, paidTimes(io.xpbridge.domain.IdempotencyKeys.game(chat, play.messageId(), chat)),
          "the /play of " + chat + " paid once");
    }
    for (Map.Entry<Long, Boolean> message : discordMessages.entrySet()) {
      assertTrue(paidTimes(discordKeyOf(message.getKey())) <= 1, "Discord message " + message.getKey() + " paid at most once");
    }
    assertEquals(cluster.sql.queryLong("SELECT count(*) FROM transactions"),
        cluster.sql.queryLong("SELECT count(DISTINCT idempotency_key) FROM transactions"), "no key paid twice");
    assertEquals(1, discord.maxSessionsAtOnce(), "never two gateway sessions at once");
    assertEquals(0, cluster.conflicts(), "never two Telegram pollers at once");
    System.out.printf("cluster failover test: SIGKILL of the bots' node, node-b ran them %.1f s later; %d Telegram "
        + "players answered and paid once, %d Discord messages (%d sent to the new session) at most once%n",
        takeoverSeconds, TELEGRAM_PLAYERS, discordMessages.size(),
        discordMessages.values().stream().filter(v -> v).count());
    assertTrue(takeoverSeconds <= 15, "took over in " + takeoverSeconds + " s");
  }

  @Test
  @Order(2)
  void sigtermedOwnerHandsTheBotsOverWithAGapOfAtMostFiveSeconds() throws Exception {
    FakeTelegram telegram = cluster.telegram;
    FakeDiscord discord = cluster.discord;
    NodeProcess c = cluster.start("node-c", 2);
    Await.until("node-c sees node-b (node-a is gone)", () -> c.cluster().getJsonArray("nodes").size() == 2,
        Duration.ofSeconds(30));
    assertTrue(b.singletons().containsAll(List.of("telegram", "discord", "reconcile", "cleanup")), b.cluster().encode());
    int eventsBefore = discord.sessionEvents().size();

    // A new player writes every 200 ms through the restart; each must be answered within 5 s.
    Map<Long, Long> askedAt = new ConcurrentHashMap<>();
    AtomicBoolean probing = new AtomicBoolean(true);
    Thread probes = new Thread(() -> {
      for (long chat = 9000; probing.get(); chat++) {
        askedAt.put(chat, System.nanoTime());
        telegram.enqueueText(TgUser.english(chat), "/help");
        sleep(200);
      }
    });
    probes.start();
    sleep(1_000);
    long termAt = System.nanoTime();
    b.term();
    Await.until("node-c runs every singleton", () -> c.singletons().containsAll(
        List.of("telegram", "discord", "reconcile", "cleanup")), Duration.ofSeconds(20));
    double handoverSeconds = (System.nanoTime() - termAt) / 1e9;
    assertTrue(b.awaitExit(Duration.ofSeconds(30)), "node-b exits after SIGTERM");
    sleep(1_000);
    probing.set(false);
    probes.join();

    long worstNanos = 0;
    for (Map.Entry<Long, Long> probe : askedAt.entrySet()) {
      FakeTelegram.SentMessage answer = telegram.awaitSentTo(probe.getKey(), 1, Duration.ofSeconds(30)).get(0);
      worstNanos = Math.max(worstNanos, answer.atNanos() - probe.getValue());
    }
    List<FakeDiscord.SessionEvent> events = discord.sessionEvents().subList(eventsBefore, discord.sessionEvents().size());
    Await.until("node-c's gateway session is up", () -> discord.sessionEvents().size() >= eventsBefore + 2,
        Duration.ofSeconds(20));
    events = discord.sessionEvents().subList(eventsBefore, discord.sessionEvents().size());
    assertEquals("closed", events.get(0).kind(), events.toString());
    assertEquals("identified", events.get(1).kind(), events.toString());
    double discordGapSeconds = (events.get(1).atNanos() - events.get(0).atNanos()) / 1e9;
    System.out.printf("cluster rolling restart test: SIGTERM of node-b, node-c ran every singleton %.1f s later; "
        + "%d players asked through it, slowest answer %.2f s; Discord session gap %.2f s%n", handoverSeconds,
        askedAt.size(), worstNanos / 1e9, discordGapSeconds);
    assertTrue(worstNanos / 1e9 <= 5, "every player answered within 5 s, slowest " + worstNanos / 1e9 + " s");
    assertTrue(discordGapSeconds <= 5, "Discord gateway gap " + discordGapSeconds + " s");
    assertEquals(1, discord.maxSessionsAtOnce(), "never two gateway sessions at once");
    assertEquals(0, cluster.conflicts(), "never two Telegram pollers at once");
  }

  private static long paidTimes(String key) {
    return cluster.sql.queryLong("SELECT count(*) FROM transactions WHERE idempotency_key = ?", key);
  }

  private static String discordKeyOf(long messageId) {
    List<Object> row = cluster.sql.queryRow("SELECT idempotency_key FROM sync_events WHERE position(? in idempotency_key) > 0",
        "_" + messageId + "_");
    return row == null ? "none-" + messageId : (String) row.get(0);
  }

  /** {@code xpbridge_intake_batch_slots} as {@code node}'s /metrics reports it. */
  private static int intakeSlots(NodeProcess node) {
    return (int) Metrics.gauge(node.get("/metrics").body(), "xpbridge_intake_batch_slots");
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
