package io.xpbridge.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.xpbridge.fake.telegram.FakeTelegram;
import io.xpbridge.fake.telegram.FakeTelegram.TgUser;
import io.xpbridge.support.Await;
import io.xpbridge.support.ServiceFixture;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A notification held back by Telegram for longer than the engine waits for the bot's answer: the
 * bot hands it back at once as throttled, the engine tries again soon without spending a retry, and
 * the player is told once. The engine's effect timeout is shortened
 * to 3 s ({@code sync.effectTimeoutMs}) so the test need not wait the shipped 15 s.
 */
class TelegramEndToEndSlowEffectTest {

  static TelegramEndToEndSupport e2e;
  static FakeTelegram fake;

  @BeforeAll
  static void start() {
    e2e = TelegramEndToEndSupport.start(TelegramEndToEndSlowEffectTest.class, config -> {
      config.getJsonObject("sync").put("effectWaitMs", 30_000).put("effectTimeoutMs", 3_000);
      return config;
    });
    fake = e2e.fake;
  }

  @AfterAll
  static void stop() {
    if (e2e != null) {
      e2e.close();
    }
  }

  @Test
  void aRankUpHeldBackLongerThanTheEngineWaitsIsStillToldOnce() {
    TgUser user = TgUser.english(5001);
    fake.enqueueText(user, "/start");
    e2e.awaitText(5001, "Welcome");
    long player = e2e.playerOf(5001);
    // Longer than the engine's 3 s wait for an effect's answer: the engine gives up and retries.
    fake.rateLimitNext("sendMessage", 1, 4);

    e2e.service.submit(ServiceFixture.xp("e2e_slow_5001", 5001, 200));

    e2e.awaitText(5001, "Rank up");
    Await.until("the rank change is completed", () -> "completed".equals(e2e.service.sql.queryString(
        "SELECT status FROM sync_events WHERE player_id = ? AND event_type = 'rank_change'", player)));
    Instant until = Instant.now().plusMillis(1_500);
    Await.until("a quiet moment", () -> Instant.now().isAfter(until), Duration.ofSeconds(5));
    assertEquals(1, e2e.textsTo(5001, t -> t.contains("Rank up")).size(), "one rank-up message: " + fake.sentTo(5001));
    assertEquals(1, e2e.textsTo(5001, t -> t.contains("Achievement unlocked")).size(),
        "one achievement message: " + fake.sentTo(5001));
    assertEquals(1, fake.calls("sendMessage").stream().filter(c -> c.status() == 429).count(), "Telegram held it back");
    assertEquals(0, e2e.service.sql.queryLong("SELECT retries FROM sync_events WHERE player_id = ? "
        + "AND event_type = 'rank_change'", player), "Telegram's pause outlasting the engine's wait is a wait, not a failure");
  }
}
