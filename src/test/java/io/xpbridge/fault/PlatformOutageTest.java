package io.xpbridge.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import io.xpbridge.bus.Bus;
import io.xpbridge.fake.discord.FakeDiscord;
import io.xpbridge.fake.discord.RestCall;
import io.xpbridge.fake.telegram.FakeTelegram;
import io.xpbridge.support.Await;
import io.xpbridge.support.DiscordService;
import io.xpbridge.support.ServiceFixture;
import io.xpbridge.support.PlatformFixture;
import io.xpbridge.support.Still;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Both platforms misbehave while players rank up: the fake Discord answers 5xx and 429 to role
 * calls, the fake Telegram answers 429 with {@code retry_after} to sendMessage. The real service
 * (both real bots, real engine, real PostgreSQL) must deliver every effect late rather than never,
 * and exactly once; an event whose retries run out ends {@code failed} with the bot's words and a
 * requeue finishes it without repeating what was already delivered.
 *
 * <p>Guild roles: the bot's role (20, Manage Roles), Private (4, rank 2 at 165 XP), Recruit (3,
 * rank 1). {@code sync.maxRetries} is {@value #MAX_RETRIES}, backoff 50..200 ms;
 * {@code sync.effectTimeoutMs} is {@value #EFFECT_TIMEOUT_MS}, so the Telegram bot gives a
 * notification held back by 429s back to the engine after 80% of it (1.92 s).
 */
class PlatformOutageTest {
  static final int MAX_RETRIES = 10;
  static final long EFFECT_TIMEOUT_MS = 2_400;
  static final long RANK_2_XP = 200;
  static final String PREFIX = "platform outage test: ";

  static PlatformFixture platforms;
  static FakeTelegram telegram;
  static FakeDiscord discord;
  static ServiceFixture service;
  static long rank1;
  static long rank2;
  static final AtomicInteger nextTelegramId = new AtomicInteger(9_300_001);

  record Player(String name, long telegramId, long discordId, long playerId) {}

  @BeforeAll
  static void start() {
    platforms = PlatformFixture.of(PlatformOutageTest.class).telegram()
        .discord(guild -> {
          guild.giveBotManageRoles(20);
          rank2 = guild.addRole("Private", 4);
          rank1 = guild.addRole("Recruit", 3);
        })
        .config(config -> {
          DiscordService.mapRanks(DiscordService.xpRules(config, 15, 60, 2, 60), rank1, rank2);
          config.getJsonObject("sync").put("maxRetries", MAX_RETRIES).put("effectTimeoutMs", EFFECT_TIMEOUT_MS);
          return config;
        })
        .start();
    telegram = platforms.telegram;
    discord = platforms.discord;
    service = platforms.service;
  }

  @AfterAll
  static void stop() {
    if (platforms != null) {
      platforms.close();
    }
  }

  @Test
  void rankUpsDuringADiscord5xxAnd429StormAndATelegram429StormAreDelayedNotLostNotDoubled() {
    List<Player> players = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      players.add(linkedPlayer("storm" + i));
    }
    awaitSettled(players);
    int discordMark = discord.restCalls().size();
    int telegramMark = telegram.calls("sendMessage").size();
    // Discord: three 500s, a bucket 429 (Retry-After 1 s), a 503 (JDA retries it itself), two more 500s.
    discord.failNextRoleCalls(3, 500);
    discord.rateLimitNextRoleCalls(1, 1);
    discord.failNextRoleCalls(1, 503);
    discord.failNextRoleCalls(2, 500);
    int discordFaults = 7;
    // Telegram: the next six sendMessage calls answer 429 with retry_after 1 s.
    telegram.rateLimitNext("sendMessage", 6, 1);
    int telegramFaults = 6;
    EffectCounts engine = EffectCounts.listen();
    long startedNs = System.nanoTime();

    for (Player p : players) {
      service.submit(ServiceFixture.xp("outage_storm_" + p.telegramId(), p.telegramId(), RANK_2_XP));
    }

    Await.until("every member shows rank 2 only, every player got a rank-up message and every rank change completed",
        () -> players.stream().allMatch(p -> discord.memberRoles(p.discordId()).equals(Set.of(rank2))
            && rankUps(p) == 1 && "completed".equals(rankEvents(p))));
    long recoveredMs = (System.nanoTime() - startedNs) / 1_000_000;
    Await.until("every player's events finished", () -> players.stream().allMatch(p -> unfinished(p) == 0));
    Still.holdsFor(Duration.ofMillis(1500), "no effect arrives a second time",
        () -> players.stream().allMatch(p -> rankUps(p) == 1 && roleWrites(p, "PUT", rank2) == 1
            && roleWrites(p, "DELETE", rank1) == 1 && discord.memberRoles(p.discordId()).equals(Set.of(rank2))));
    engine.close();

    List<RestCall> roleCalls = since(discord.restCalls(), discordMark).stream()
        .filter(RestCall::isMemberRoleCall).toList();
    long discordFaultsAnswered = roleCalls.stream().filter(c -> c.status() != 204).count();
    long telegram429s = since(telegram.calls("sendMessage"), telegramMark).stream()
        .filter(c -> c.status() == 429).count();
    int expected = players.size() * 2;
    long rolesRight = players.stream().filter(p -> discord.memberRoles(p.discordId()).equals(Set.of(rank2))).count();
    long toldOnce = players.stream().filter(p -> rankUps(p) == 1).count();
    long duplicates = players.stream().mapToLong(p -> Math.max(0, rankUps(p) - 1)
        + Math.max(0, roleWrites(p, "PUT", rank2) - 1) + Math.max(0, roleWrites(p, "DELETE", rank1) - 1)).sum();
    long lost = expected - rolesRight - toldOnce;
    long retries = players.stream().mapToLong(p -> service.sql.queryLong(
        "SELECT coalesce(sum(retries), 0) FROM sync_events WHERE player_id = ?", p.playerId())).sum();
    System.out.printf(PREFIX + "storm: %d players cross rank 2 while Discord answers %d of %d role calls with "
            + "5xx/429 and Telegram answers %d sendMessage calls with 429 retry_after 1 s; effects expected %d, "
            + "delivered %d (%d Discord roles, %d Telegram rank-ups), duplicates %d, lost %d, time to recover %d ms; "
            + "engine: %d retries spent, delivery batches reported %s%n",
        players.size(), discordFaultsAnswered, roleCalls.size(), telegram429s, expected, rolesRight + toldOnce,
        rolesRight, toldOnce, duplicates, lost, recoveredMs, retries, engine);

    assertEquals(discordFaults, discordFaultsAnswered, "the Discord storm happened, all of it: " + roleCalls);
    assertEquals(telegramFaults, telegram429s, "the Telegram storm happened, all of it");
    assertEquals(0, duplicates);
    assertEquals(0, lost);
    for (Player p : players) {
      assertEquals(List.of("completed"), statuses(p, "rank_change"), p.name());
      assertEquals(0, service.sql.queryLong("SELECT count(*) FROM sync_events WHERE player_id = ? "
          + "AND status <> 'completed'", p.playerId()), p.name() + ": every event completed");
      assertEquals(RANK_2_XP, DiscordService.xpOf(service.sql, p.discordId()), p.name() + ": XP paid once");
      assertEquals(List.of(2, 2), service.sql.queryRow(
          "SELECT last_discord_rank, last_telegram_rank FROM sync_state WHERE player_id = ?", p.playerId()));
    }
  }

  @Test
  void aDiscordOutageLongerThanTheRetriesFailsTheEventWithTheErrorAndARequeueFinishesItOnce() {
    Player vera = linkedPlayer("vera");
    awaitSettled(List.of(vera));
    int discordMark = discord.restCalls().size();
    // Every attempt the engine makes (the first and MAX_RETRIES more) meets a 500; JDA does not retry a 500.
    discord.failNextRoleCalls(MAX_RETRIES + 1, 500);
    long startedNs = System.nanoTime();

    service.submit(ServiceFixture.xp("outage_long_" + vera.telegramId(), vera.telegramId(), RANK_2_XP));

    Await.until("the rank change gave up", () -> "failed".equals(rankEvents(vera)));
    long failedAfterMs = (System.nanoTime() - startedNs) / 1_000_000;
    List<Object> event = service.sql.queryRow("SELECT id, retries, error_message, array_to_string(delivered_to, ',') "
        + "FROM sync_events WHERE player_id = ? AND event_type = 'rank_change' AND idempotency_key LIKE 'outage%'",
        vera.playerId());
    long eventId = ((Number) event.get(0)).longValue();
    int retries = ((Number) event.get(1)).intValue();
    String error = (String) event.get(2);
    String deliveredBefore = (String) event.get(3);
    long serverErrors = since(discord.restCalls(), discordMark).stream()
        .filter(c -> c.isMemberRoleCall() && c.status() == 500).count();
    assertEquals(MAX_RETRIES + 1, retries, "tried once plus the configured retries");
    assertEquals(MAX_RETRIES + 1, serverErrors, "one role call per attempt, each answered 500");
    assertTrue(error != null && error.startsWith("discord:") && error.contains("500")
        && error.contains("Private") && error.contains(Long.toString(vera.discordId())), error);
    assertEquals("telegram", deliveredBefore, "Telegram was told on the first attempt");
    assertEquals(1, rankUps(vera), "the rank-up message went out once, not once per retry");
    assertEquals(Set.of(rank1), discord.memberRoles(vera.discordId()), "Discord still shows the old rank");

    // The fake has recovered (the 500s are used up); an operator requeues the event.
    long requeuedNs = System.nanoTime();
    JsonObject requeue = service.request(Bus.EVENTS_REQUEUE, new JsonObject().put("eventId", eventId));
    assertEquals(Boolean.TRUE, requeue.getBoolean("requeued"), requeue.encode());

    Await.until("the requeued rank change completes and Discord shows rank 2",
        () -> "completed".equals(rankEvents(vera)) && discord.memberRoles(vera.discordId()).equals(Set.of(rank2)));
    long recoveredMs = (System.nanoTime() - requeuedNs) / 1_000_000;
    Still.holdsFor(Duration.ofMillis(1500), "nothing is delivered twice after the requeue",
        () -> rankUps(vera) == 1 && roleWrites(vera, "PUT", rank2) == 1 && roleWrites(vera, "DELETE", rank1) == 1);
    List<Object> after = service.sql.queryRow("SELECT array_to_string(delivered_to, ','), error_message, retries "
        + "FROM sync_events WHERE id = ?", eventId);
    long duplicates = Math.max(0, rankUps(vera) - 1) + Math.max(0, roleWrites(vera, "PUT", rank2) - 1)
        + Math.max(0, roleWrites(vera, "DELETE", rank1) - 1);
    long delivered = (discord.memberRoles(vera.discordId()).equals(Set.of(rank2)) ? 1 : 0) + Math.min(1, rankUps(vera));
    System.out.printf(PREFIX + "exhausted retries: Discord answered %d role calls with 500; the rank change "
            + "failed after %d ms with retries=%d, delivered_to=[%s], error \"%s\"; requeued: effects expected 2, "
            + "delivered %d, duplicates %d (Telegram rank-ups %d, successful PUT rank 2 %d), lost %d, "
            + "time to recover after the requeue %d ms, delivered_to=[%s]%n",
        serverErrors, failedAfterMs, retries, deliveredBefore, error, delivered, duplicates, rankUps(vera),
        roleWrites(vera, "PUT", rank2), 2 - delivered, recoveredMs, after.get(0));

    assertEquals(0, duplicates);
    assertEquals(2, delivered);
    assertEquals(Set.of("telegram", "discord"), Set.of(((String) after.get(0)).split(",")));
    assertEquals(null, after.get(1), "no error left on the completed event");
    assertEquals(List.of(2, 2), service.sql.queryRow(
        "SELECT last_discord_rank, last_telegram_rank FROM sync_state WHERE player_id = ?", vera.playerId()));
  }

  @Test
  void aTelegram429StormLongerThanTheNotificationDeadlineMakesTheEngineWaitWithoutSpendingRetries() {
    Player wren = linkedPlayer("wren");
    awaitSettled(List.of(wren));
    int telegramMark = telegram.calls("sendMessage").size();
    // retry_after 1 s, five times: the bot cannot send within its 1.92 s deadline and hands the
    // notification back to the engine with 429, twice, before Telegram lets it through.
    telegram.rateLimitNext("sendMessage", 5, 1);
    EffectCounts engine = EffectCounts.listen();
    long startedNs = System.nanoTime();

    service.submit(ServiceFixture.xp("outage_tg_" + wren.telegramId(), wren.telegramId(), RANK_2_XP));

    Await.until("the rank-up message arrives and every event of wren's completes",
        () -> rankUps(wren) == 1 && discord.memberRoles(wren.discordId()).equals(Set.of(rank2))
            && unfinished(wren) == 0 && statuses(wren, null).stream().allMatch("completed"::equals));
    long recoveredMs = (System.nanoTime() - startedNs) / 1_000_000;
    Still.holdsFor(Duration.ofMillis(1500), "the rank-up message is not sent twice",
        () -> rankUps(wren) == 1 && roleWrites(wren, "PUT", rank2) == 1);
    engine.close();
    long telegram429s = since(telegram.calls("sendMessage"), telegramMark).stream()
        .filter(c -> c.status() == 429).count();
    long retries = service.sql.queryLong("SELECT coalesce(sum(retries), 0) FROM sync_events WHERE player_id = ?",
        wren.playerId());
    long achievements = telegram.sentTo(wren.telegramId()).stream()
        .filter(m -> m.text() != null && m.text().contains("First steps")).count();
    long delivered = Math.min(1, rankUps(wren)) + Math.min(1, achievements)
        + (discord.memberRoles(wren.discordId()).equals(Set.of(rank2)) ? 1 : 0);
    long duplicates = Math.max(0, rankUps(wren) - 1) + Math.max(0, achievements - 1)
        + Math.max(0, roleWrites(wren, "PUT", rank2) - 1);
    System.out.printf(PREFIX + "Telegram 429 storm: %d sendMessage calls answered 429 retry_after 1 s; effects "
            + "expected 3 (rank-up message, achievement message, Discord role), delivered %d, duplicates %d, lost %d, "
            + "time to recover %d ms; engine retries spent %d, delivery batches reported %s%n",
        telegram429s, delivered, duplicates, 3 - delivered, recoveredMs, retries, engine);

    assertEquals(5, telegram429s, "the storm happened, all of it");
    assertEquals(3, delivered);
    assertEquals(0, duplicates);
    assertTrue(engine.waiting.get() > 0, "the bot handed a notification back with 429 at least once: " + engine);
    assertEquals(0, retries, "Telegram's rate limit is a wait, not the effect's failure: no retry is spent");
    assertEquals(0, engine.retrying.get(), engine.toString());
  }

  // ---- helpers ----

  /** A player who started in Telegram and linked a fresh member of the fake guild, over the bus. */
  static Player linkedPlayer(String name) {
    long telegramId = nextTelegramId.getAndIncrement();
    long discordId = discord.addMember(name);
    service.request(Bus.PLAYERS_REGISTER, new JsonObject().put("telegramId", telegramId).put("chatId", telegramId)
        .put("username", name).put("languageCode", "en"));
    String code = service.request(Bus.LINK_ISSUE, new JsonObject().put("telegramId", telegramId)).getString("code");
    JsonObject linked = service.request(Bus.LINK_REDEEM, new JsonObject().put("code", code)
        .put("discordId", discordId).put("username", name));
    return new Player(name, telegramId, discordId, linked.getLong("playerId"));
  }

  /** Linking's own effects (rank 1 role, the Bridge builder message) are done before any fault is set. */
  static void awaitSettled(List<Player> players) {
    Await.until("the linked members show rank 1 and linking's effects are delivered",
        () -> players.stream().allMatch(p -> discord.memberRoles(p.discordId()).equals(Set.of(rank1))
            && unfinished(p) == 0
            && telegram.sentTo(p.telegramId()).stream().anyMatch(m -> m.text() != null && m.text().contains("Bridge"))));
  }

  /** The calls recorded after the first {@code mark} ones. */
  static <T> List<T> since(List<T> calls, int mark) {
    return calls.subList(mark, calls.size());
  }

  static long unfinished(Player p) {
    return service.sql.queryLong("SELECT count(*) FROM sync_events WHERE player_id = ? "
        + "AND status IN ('pending', 'processing')", p.playerId());
  }

  /** Statuses of the player's rank changes caused by this test's XP (keyed "outage_...:rank2"), comma-separated. */
  static String rankEvents(Player p) {
    return String.join(",", statuses(p, "rank_change"));
  }

  /** Statuses of the events this test caused for the player (all types when {@code type} is null), oldest first. */
  static List<String> statuses(Player p, String type) {
    List<String> all = new ArrayList<>();
    for (List<Object> row : service.sql.query("SELECT status FROM sync_events WHERE player_id = ? "
        + "AND event_type LIKE ? AND idempotency_key LIKE 'outage%' ORDER BY id", p.playerId(), type == null ? "%" : type)) {
      all.add((String) row.get(0));
    }
    return all;
  }

  static long rankUps(Player p) {
    return telegram.sentTo(p.telegramId()).stream().filter(m -> m.text() != null && m.text().contains("Rank up"))
        .count();
  }

  /** Role writes Discord accepted (204) for the player's member and one role. */
  static long roleWrites(Player p, String method, long roleId) {
    return DiscordService.roleCalls(discord, method, p.discordId(), roleId).stream()
        .filter(c -> c.status() == 204).count();
  }

  /** Sums of what the engine reports per delivery batch on {@code Bus.METRICS_EFFECTS}. */
  static final class EffectCounts {
    final AtomicInteger completed = new AtomicInteger();
    final AtomicInteger retrying = new AtomicInteger();
    final AtomicInteger waiting = new AtomicInteger();
    final AtomicInteger failed = new AtomicInteger();
    private MessageConsumer<JsonObject> consumer;

    static EffectCounts listen() {
      EffectCounts counts = new EffectCounts();
      counts.consumer = service.vertx.eventBus().consumer(Bus.METRICS_EFFECTS, msg -> {
        counts.completed.addAndGet(msg.body().getInteger("completed", 0));
        counts.retrying.addAndGet(msg.body().getInteger("retrying", 0));
        counts.waiting.addAndGet(msg.body().getInteger("waiting", 0));
        counts.failed.addAndGet(msg.body().getInteger("failed", 0));
      });
      Await.result(counts.consumer.completion());
      return counts;
    }

    void close() {
      Await.result(consumer.unregister());
    }

    @Override
    public String toString() {
      return "{completed " + completed + ", retrying " + retrying + ", waiting " + waiting + ", failed " + failed + "}";
    }
  }
}
