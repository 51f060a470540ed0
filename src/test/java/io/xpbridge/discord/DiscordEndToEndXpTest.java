package io.xpbridge.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Handler;
import io.vertx.core.eventbus.DeliveryContext;
import io.vertx.core.json.JsonObject;
import io.xpbridge.bus.Bus;
import io.xpbridge.fake.discord.InteractionReply;
import io.xpbridge.fake.discord.Snowflakes;
import io.xpbridge.support.Await;
import io.xpbridge.support.ServiceFixture;
import io.xpbridge.support.Still;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** XP earned in Discord (messages, voice) lands in the ledger exactly once, and /link merges it. */
class DiscordEndToEndXpTest extends DiscordEndToEndBase {
  @Test
  void messagesEarnXpOncePerCooldown() {
    long alice = fake.addMember("alice", rank1);
    long first = fake.sendMessage(alice, general);
    long second = fake.sendMessage(alice, general);
    assertTrue(Snowflakes.timestampMs(second) - Snowflakes.timestampMs(first) < COOLDOWN_SECONDS * 1000,
        "the second message must fall inside the cooldown for this test to mean anything");

    Await.until("the first message is paid", () -> xpOf(alice) == MESSAGE_XP);
    Await.until("the cooldown is over", () -> System.currentTimeMillis()
        >= Snowflakes.timestampMs(first) + COOLDOWN_SECONDS * 1000);
    long third = fake.sendMessage(alice, general);
    Await.until("the message after the cooldown is paid", () -> xpOf(alice) == 2 * MESSAGE_XP);

    long player = playerOf(alice);
    assertEquals(List.of(List.of("ds_msg_" + first + "_" + alice, MESSAGE_XP),
            List.of("ds_msg_" + third + "_" + alice, MESSAGE_XP)),
        service.sql.query("SELECT idempotency_key, delta_xp FROM transactions WHERE player_id = ? ORDER BY id", player),
        "one ledger row per paid message; the one inside the cooldown earns nothing");
    assertEquals(2, service.sql.queryLong(
        "SELECT count(*) FROM sync_events WHERE player_id = ? AND event_type = 'xp_change'", player));
  }

  @Test
  void replayedMessageCreatePaysOnce() {
    long bob = fake.addMember("bob", rank1);
    long carol = fake.addMember("carol", rank1);
    long message = fake.sendMessage(bob, general);
    String key = "ds_msg_" + message + "_" + bob;
    Await.until("the message is paid", () -> xpOf(bob) == MESSAGE_XP);
    AtomicInteger submits = new AtomicInteger();
    Handler<DeliveryContext<Object>> counter = delivery -> {
      if (Bus.EVENTS_SUBMIT.equals(delivery.message().address())
          && delivery.body() instanceof JsonObject event && key.equals(event.getString("idempotencyKey"))) {
        submits.incrementAndGet();
      }
      delivery.next();
    };
    service.vertx.eventBus().addOutboundInterceptor(counter);
    try {
      fake.replayLastDispatch("MESSAGE_CREATE"); // Discord re-sends it after a resume
      fake.sendMessage(carol, general);          // comes after the replay on the gateway

      Await.until("the replay reached the engine", () -> submits.get() == 1);
      Await.until("the message after the replay is paid", () -> xpOf(carol) == MESSAGE_XP);
      Still.holdsFor(Duration.ofSeconds(1), "bob is paid once", () -> xpOf(bob) == MESSAGE_XP);
    } finally {
      service.vertx.eventBus().removeOutboundInterceptor(counter);
    }
    assertEquals(List.of(List.of(key, MESSAGE_XP)), service.sql.query(
        "SELECT idempotency_key, delta_xp FROM transactions WHERE player_id = ?", playerOf(bob)));
  }

  @Test
  void voiceMinutesPayOnlyUnmutedMembersWithCompanyOutsideAfk() {
    long dora = fake.addMember("dora");
    long eve = fake.addMember("eve");
    long finn = fake.addMember("finn");
    long gus = fake.addMember("gus");
    long hal = fake.addMember("hal");
    long ivy = fake.addMember("ivy");
    long[] everyone = {dora, eve, finn, gus, hal, ivy};
    try {
      fake.voiceJoin(dora, lobby);
      fake.voiceJoin(eve, lobby);
      fake.voiceJoin(finn, lobby);
      fake.voiceSelfMute(finn, true, false); // muted, although in company
      fake.voiceJoin(gus, lounge);           // alone
      fake.voiceJoin(hal, afk);              // two in the AFK channel
      fake.voiceJoin(ivy, afk);

      Await.until("dora and eve earn two voice minutes each",
          () -> xpOf(dora) >= 2 * VOICE_XP && xpOf(eve) >= 2 * VOICE_XP);
      for (long member : new long[] {finn, gus, hal, ivy}) {
        assertTrue(xpOf(member) <= 0, "member " + member + " must not earn voice XP, has " + xpOf(member));
      }
      long player = playerOf(dora);
      assertEquals(xpOf(dora), service.sql.queryLong("SELECT sum(delta_xp) FROM transactions WHERE player_id = ? "
          + "AND idempotency_key LIKE 'ds_voice_%'", player), "every paid minute is one ledger row");
      assertEquals(xpOf(dora) / VOICE_XP, service.sql.queryLong(
          "SELECT count(*) FROM transactions WHERE player_id = ? AND delta_xp = ?", player, VOICE_XP));
    } finally {
      for (long member : everyone) {
        fake.voiceLeave(member);
      }
    }
  }

  @Test
  void linkCodeFromTelegramMergesDiscordXpOnceAndIsSingleUse() {
    long telegramId = 7_000_001L;
    JsonObject registered = service.request(Bus.PLAYERS_REGISTER,
        new JsonObject().put("telegramId", telegramId).put("chatId", telegramId).put("languageCode", "en"));
    long telegramPlayer = registered.getLong("playerId");
    service.submit(ServiceFixture.xp("tg_seed_" + telegramId, telegramId, 40));
    long jack = fake.addMember("jack", rank1);
    fake.sendMessage(jack, general);
    Await.until("jack earns XP in Discord before linking", () -> xpOf(jack) == MESSAGE_XP);
    Await.until("the Telegram XP is in the ledger", () -> service.sql.queryLong(
        "SELECT xp FROM players WHERE id = ?", telegramPlayer) == 40);
    long discordPlayer = playerOf(jack);
    String code = service.request(Bus.LINK_ISSUE, new JsonObject().put("telegramId", telegramId)).getString("code");

    InteractionReply linked = Await.result(fake.invokeSlashCommand(jack, "link", Map.of("code", code)));

    assertTrue(linked.ephemeral());
    assertTrue(linked.content().startsWith("Linked!") && linked.content().contains((40 + MESSAGE_XP) + " XP"),
        "the reply shows the shared profile: " + linked.content());
    assertEquals(telegramPlayer, playerOf(jack), "the Discord account now belongs to the Telegram player");
    assertEquals(40 + MESSAGE_XP, xpOf(jack), "no XP lost");
    assertEquals(List.of(0L, telegramPlayer), service.sql.queryRow(
        "SELECT xp, merged_into FROM players WHERE id = ?", discordPlayer), "the Discord-only player is emptied");
    assertEquals(List.of(List.of("tg_seed_" + telegramId, 40L), List.of("link:" + code + ":in", MESSAGE_XP)),
        service.sql.query("SELECT idempotency_key, delta_xp FROM transactions WHERE player_id = ? ORDER BY id",
            telegramPlayer));
    assertEquals(List.of(MESSAGE_XP, -MESSAGE_XP), service.sql.query(
        "SELECT delta_xp FROM transactions WHERE player_id = ? ORDER BY id", discordPlayer).stream()
            .map(row -> row.get(0)).toList());
    assertEquals(40 + MESSAGE_XP, service.sql.queryLong(
        "SELECT sum(delta_xp) FROM transactions WHERE player_id IN (?, ?)", telegramPlayer, discordPlayer),
        "nothing counted twice: the audit trail adds up to the ledger");
    assertEquals(List.of(List.of("object"), List.of("object")), service.sql.query(
        "SELECT jsonb_typeof(metadata) FROM transactions WHERE type = 'merge' AND idempotency_key LIKE ?",
        "link:" + code + "%"));
    Await.until("the rank role queued by the link is delivered", () -> "completed".equals(service.sql.queryString(
        "SELECT status FROM sync_events WHERE idempotency_key = ?", "link:" + code + ":rank1")));

    long kim = fake.addMember("kim", rank1);
    InteractionReply again = Await.result(fake.invokeSlashCommand(kim, "link", Map.of("code", code)));

    assertTrue(again.ephemeral());
    assertTrue(again.content().contains("unknown, already used or expired"), again.content());
    assertTrue(playerOf(kim) != telegramPlayer, "a spent code links nobody");
    assertEquals(40 + MESSAGE_XP, xpOf(jack));
  }
}
