package io.xpbridge.telegram;

import static io.xpbridge.telegram.TelegramEndToEndSupport.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.xpbridge.fake.telegram.FakeTelegram;
import io.xpbridge.fake.telegram.FakeTelegram.SentMessage;
import io.xpbridge.fake.telegram.FakeTelegram.TgUser;
import io.xpbridge.support.Await;
import io.xpbridge.support.ServiceFixture;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Telegram answering 429 for a while, on polling and on sending, end to end. */
class TelegramEndToEndRateLimitTest {

  static TelegramEndToEndSupport e2e;
  static FakeTelegram fake;

  @BeforeAll
  static void start() {
    e2e = TelegramEndToEndSupport.start(TelegramEndToEndRateLimitTest.class, UnaryOperator.identity());
    fake = e2e.fake;
  }

  @AfterAll
  static void stop() {
    if (e2e != null) {
      e2e.close();
    }
  }

  @Test
  void aRankUpDuringARateLimitStormIsToldOnceWhenItEnds() {
    TgUser user = TgUser.english(4101);
    fake.enqueueText(user, "/start");
    e2e.awaitText(4101, "Welcome");
    long player = e2e.playerOf(4101);
    int tooManyBefore = (int) fake.calls("sendMessage").stream().filter(c -> c.status() == 429).count();
    fake.rateLimitNext("sendMessage", 8, 1);

    e2e.service.submit(ServiceFixture.xp("e2e_storm_4101", 4101, 200));

    e2e.awaitText(4101, "Rank up");
    Await.until("the rank change is completed", () -> "completed".equals(e2e.service.sql.queryString(
        "SELECT status FROM sync_events WHERE player_id = ? AND event_type = 'rank_change'", player)));
    Instant until = Instant.now().plusMillis(1_500);
    Await.until("a quiet moment", () -> Instant.now().isAfter(until), Duration.ofSeconds(5));
    assertEquals(1, e2e.textsTo(4101, t -> t.contains("Rank up")).size(), "one rank-up message: " + fake.sentTo(4101));
    assertEquals(1, e2e.textsTo(4101, t -> t.contains("Achievement unlocked")).size(), "one achievement message");
    assertEquals(tooManyBefore + 8, fake.calls("sendMessage").stream().filter(c -> c.status() == 429).count(),
        "the storm happened");
  }

  @Test
  void aRateLimitStormDelaysCommandsButLosesNoneAndPaysEachOnce() {
    fake.rateLimitNext("getUpdates", 3, 1);
    fake.rateLimitNext("sendMessage", 6, 1);
    // The first wave answers the parked long poll; the polls after it run into the storm.
    FakeTelegram.Enqueued last = null;
    for (long user = 4001; user <= 4003; user++) {
      last = fake.enqueueText(TgUser.english(user), "/daily");
    }
    Await.until("polling hit a 429", () -> fake.calls("getUpdates").stream().anyMatch(c -> c.status() == 429));
    // The second wave arrives while polling is told to wait.
    for (long user = 4004; user <= 4006; user++) {
      last = fake.enqueueText(TgUser.english(user), "/daily");
    }

    for (long user = 4001; user <= 4006; user++) {
      String reply = e2e.awaitText(user, "Daily reward");
      assertTrue(reply.contains("+50 XP, +100 coins"), reply);
    }
    fake.awaitConfirmed(last.updateId() + 1, WAIT);
    for (long user = 4001; user <= 4006; user++) {
      e2e.awaitXp(user, 50);
      assertEquals(100, e2e.balanceOf(user));
      assertEquals(1, e2e.transactionsOf(user), "user " + user + " paid once");
      List<SentMessage> toUser = fake.sentTo(user);
      assertEquals(1, toUser.size(), "one reply, not repeated by the retries: " + toUser);
    }
    assertTrue(fake.calls("getUpdates").stream().filter(c -> c.status() == 429).count() >= 3, "the polling storm happened");
    assertTrue(fake.calls("sendMessage").stream().filter(c -> c.status() == 429).count() >= 6, "the sending storm happened");
  }
}
