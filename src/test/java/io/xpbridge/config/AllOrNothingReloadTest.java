package io.xpbridge.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.config.ConfigRetriever;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.xpbridge.bus.Bus;
import io.xpbridge.fake.discord.FakeDiscord;
import io.xpbridge.support.Await;
import io.xpbridge.support.DiscordService;
import io.xpbridge.support.LogCapture;
import io.xpbridge.support.ServiceFixture;
import io.xpbridge.sync.SyncVerticle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A live change is applied whole or not at all. The real service with the real Discord bot (on a
 * fake Discord) watches its config file; a change with one bad field in a bot section and valid
 * edits elsewhere (ladder, engine batch size, link codes, Discord XP) must leave every verticle as
 * it was. The same edits without the bad field then show each observation does see a change.
 */
class AllOrNothingReloadTest {
  static final long MESSAGE_XP = 15;
  static final long NEW_MESSAGE_XP = 40;

  static Vertx fakeVertx;
  static FakeDiscord fake;
  static long general;
  static ServiceFixture service;

  @BeforeAll
  static void start() {
    fakeVertx = Vertx.vertx();
    fake = new FakeDiscord(fakeVertx);
    fake.giveBotManageRoles(20);
    general = fake.addTextChannel("general");
    Await.result(fake.start());
    service = ServiceFixture.start(AllOrNothingReloadTest.class,
        config -> DiscordService.xpRules(DiscordService.pointAt(config, fake), MESSAGE_XP, 0, 2, 60));
    DiscordService.awaitBotReady(fake);
  }

  @AfterAll
  static void stop() {
    try {
      service.close();
    } finally {
      Await.result(fake.close());
      Await.result(fakeVertx.close());
    }
  }

  @Test
  void aChangeWithOneBadBotFieldChangesNothingAnywhereAndWithoutItAllOfItApplies() throws Exception {
    Path file = Files.createTempFile("xpbridge-all-or-nothing", ".json");
    write(file, service.app.config());
    List<AppConfig> published = new CopyOnWriteArrayList<>();
    service.vertx.eventBus().<AppConfig>consumer(Bus.CONFIG_CHANGED, msg -> published.add(msg.body()));
    ConfigRetriever retriever = ConfigLoader.retriever(service.vertx, file.toString(), 100);
    try (LogCapture logs = LogCapture.of(ConfigWatcher.class, SyncVerticle.class)) {
      Await.result(retriever.getConfig());
      ConfigWatcher.watch(service.vertx, retriever, service.app.appConfig(), service.app.appConfig(), c -> { });

      long alice = fake.addMember("alice");
      fake.sendMessage(alice, general);
      Await.until("the first message is paid", () -> DiscordService.xpOf(service.sql, alice) == MESSAGE_XP);
      service.submit(ServiceFixture.xp("before_change", 8101, 300));
      service.awaitQueueDrained();
      assertEquals(2, rankOf(8101), "300 XP is rank 2 on the shipped ladder");
      assertEquals(8, linkCodeLength(8102));

      // Valid edits in four sections: thresholds halved (300 XP becomes rank 3, 100 XP crosses
      // into rank 2), the engine's batch size, longer link codes, more XP per Discord message.
      JsonObject change = service.app.config().copy();
      change.getJsonArray("ranks").forEach(r -> ((JsonObject) r).put("minXp", ((JsonObject) r).getLong("minXp") / 2));
      change.getJsonObject("sync").put("batchSize", 7);
      change.getJsonObject("link").put("codeLength", 12);
      change.getJsonObject("discord").put("messageXp", NEW_MESSAGE_XP);

      JsonObject badDiscord = change.copy();
      badDiscord.getJsonObject("discord").put("messageXp", -1);
      write(file, badDiscord);
      Await.until("the change is rejected", () -> !logs.linesContaining("config change rejected").isEmpty());
      JsonObject badTelegram = change.copy();
      badTelegram.getJsonObject("telegram").getJsonObject("games").put("cooldownSeconds", "x");
      write(file, badTelegram);
      Await.until("the second change is rejected", () -> logs.linesContaining("config change rejected").size() == 2);
      assertEquals(List.of(
              "config change rejected, the running config stays: discord.messageXp must be at least 0, got -1",
              "config change rejected, the running config stays: telegram.games.cooldownSeconds must be a whole "
                  + "number, got x"),
          logs.linesContaining("config change rejected"), "one line each, naming only the bad field");

      assertEquals(List.of(), published, "nothing is published");
      assertEquals(List.of(), logs.linesContaining("applied new config"), "the engine applied nothing");
      assertEquals(2, rankOf(8101), "the account verticle keeps the old ladder");
      assertEquals(165, service.sql.queryLong("SELECT min_xp FROM rank_role_mappings WHERE rank_id = 2"));
      service.submit(ServiceFixture.xp("rejected_crossing", 8103, 100));
      service.awaitQueueDrained();
      assertEquals(0, rankChangesOf(8103), "the engine keeps the old ladder: 100 XP crosses nothing");
      assertEquals(8, linkCodeLength(8102), "the account verticle keeps the old link settings");
      fake.sendMessage(alice, general);
      Await.until("the next message is paid the old XP", () -> DiscordService.xpOf(service.sql, alice) == 2 * MESSAGE_XP);

      // The same edits without the bad field: every one of them is in force.
      write(file, change);
      Await.until("the change is published", () -> published.size() == 1);
      Await.until("the new ladder in the account verticle", () -> rankOf(8101) == 3);
      Await.until("the new ladder mirrored", () -> service.sql.queryLong(
          "SELECT min_xp FROM rank_role_mappings WHERE rank_id = 2") == 165 / 2);
      Await.until("the engine's new batch size", () -> logs.linesContaining("applied new config: batch 7,").size()
          == service.app.appConfig().sync().instances());
      service.submit(ServiceFixture.xp("accepted_crossing", 8104, 100));
      service.awaitQueueDrained();
      assertEquals(1, rankChangesOf(8104), "the engine's new ladder: 100 XP crosses into rank 2");
      assertEquals(12, linkCodeLength(8105));
      // The publish and the gateway are two paths: keep writing until a message pays the new XP.
      Await.until("a message pays " + NEW_MESSAGE_XP, () -> {
        boolean paid = paymentsOf(alice, NEW_MESSAGE_XP) > 0;
        if (!paid) {
          fake.sendMessage(alice, general);
        }
        return paid;
      });
    } finally {
      retriever.close();
    }
  }

  /** Whole files only: the watcher must not see a half-written one. */
  private static void write(Path file, JsonObject config) throws Exception {
    Path next = Files.createTempFile(file.getParent(), "next", ".json");
    Files.writeString(next, config.encodePrettily());
    Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private static int rankOf(long telegramId) {
    return service.request(Bus.PLAYERS_PROFILE, new JsonObject().put("telegramId", telegramId))
        .getJsonObject("rank").getInteger("number");
  }

  private static int linkCodeLength(long telegramId) {
    return service.request(Bus.LINK_ISSUE, new JsonObject().put("telegramId", telegramId)).getString("code").length();
  }

  private static long paymentsOf(long discordId, long xp) {
    return service.sql.queryLong("SELECT count(*) FROM transactions t JOIN discord_identities d "
        + "ON d.player_id = t.player_id WHERE d.discord_id = ? AND t.delta_xp = ?", discordId, xp);
  }

  private static long rankChangesOf(long telegramId) {
    return service.sql.queryLong("SELECT count(*) FROM sync_events e JOIN telegram_identities t "
        + "ON t.player_id = e.player_id WHERE t.telegram_id = ? AND e.event_type = 'rank_change'", telegramId);
  }
}
