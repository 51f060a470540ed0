package io.xpbridge.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ClientRateLimiterTest {
  final AtomicLong nanos = new AtomicLong(1_000_000_000L);
  final ClientRateLimiter limiter = new ClientRateLimiter(nanos::get);

  @Test
  void aBurstIsAllowedThenTheRateRefillsIt() {
    for (int i = 0; i < 20; i++) {
      assertTrue(limiter.take("a", 10, 20).allowed(), "request " + i);
    }
    ClientRateLimiter.Verdict refused = limiter.take("a", 10, 20);
    assertFalse(refused.allowed());
    assertEquals(1, refused.retryAfterSeconds());
    assertTrue(limiter.take("b", 10, 20).allowed(), "another address has its own bucket");

    nanos.addAndGet(100_000_000L);
    assertTrue(limiter.take("a", 10, 20).allowed(), "a tenth of a second at 10/s earns one");
    assertFalse(limiter.take("a", 10, 20).allowed());
  }

  @Test
  void bucketsAreBoundedDroppingTheLeastRecentlySeen() {
    for (int i = 0; i < ClientRateLimiter.MAX_CLIENTS + 500; i++) {
      limiter.take("10.0." + i, 10, 20);
    }
    assertEquals(ClientRateLimiter.MAX_CLIENTS, limiter.clients());
  }
}
