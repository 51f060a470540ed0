package io.xpbridge.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class BotConnectionTest {
  private static final Duration GRACE = Duration.ofSeconds(30);
  private final MovableClock clock = new MovableClock(Instant.parse("2026-12-02T10:00:00Z"));
  private final BotConnection telegram = new BotConnection("telegram", clock);

  @Test
  void aDisconnectShorterThanTheGraceStaysReadyLongerTurnsNotReadyAndAReconnectIsReadyAgain() {
    telegram.connected();
    assertTrue(telegram.readiness(GRACE).ready());

    telegram.disconnected("Connection refused");
    Instant since = clock.instant();
    clock.advance(Duration.ofSeconds(29));
    BotConnection.Readiness within = telegram.readiness(GRACE);
    assertTrue(within.ready(), "29 s is within the grace period");
    assertEquals(since, within.disconnectedSince());

    telegram.disconnected("Bad Gateway");
    clock.advance(Duration.ofSeconds(2));
    BotConnection.Readiness past = telegram.readiness(GRACE);
    assertFalse(past.ready(), "31 s disconnected is past the grace period");
    assertEquals(since, past.disconnectedSince(), "the outage counts from the first failure");
    assertEquals("Bad Gateway", past.lastError());
    assertEquals("the telegram bot has been disconnected since 2026-12-02T10:00:00Z (31 s, more than 30 s): Bad Gateway",
        past.error());

    telegram.connected();
    BotConnection.Readiness back = telegram.readiness(GRACE);
    assertTrue(back.ready());
    assertNull(back.error());
    assertNull(back.disconnectedSince());
  }

  @Test
  void aNewOutageAfterAReconnectStartsItsOwnGracePeriod() {
    telegram.connected();
    telegram.disconnected("first");
    clock.advance(Duration.ofSeconds(25));
    telegram.connected();
    clock.advance(Duration.ofSeconds(10));
    telegram.disconnected("second");
    clock.advance(Duration.ofSeconds(25));
    assertTrue(telegram.readiness(GRACE).ready(), "two short outages do not add up");
  }

  @Test
  void aBotThatNeverConnectedIsNotReadyAndSaysItsLastError() {
    assertFalse(telegram.readiness(GRACE).ready());
    telegram.disconnected("Connection refused");
    BotConnection.Readiness readiness = telegram.readiness(GRACE);
    assertFalse(readiness.ready());
    assertEquals("the telegram bot has not connected yet (last error: Connection refused)", readiness.error());
  }

  /** A clock the test moves by hand. */
  private static final class MovableClock extends Clock {
    private Instant now;

    MovableClock(Instant start) {
      now = start;
    }

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
