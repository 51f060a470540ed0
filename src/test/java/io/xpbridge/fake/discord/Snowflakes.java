package io.xpbridge.fake.discord;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Time-based Discord ids. JDA derives creation times from ids and the bot's message cooldown
 * reads them too, so a fake must not hand out small sequential numbers.
 */
public final class Snowflakes {
  /** First second of 2015, Discord's epoch. */
  public static final long DISCORD_EPOCH_MS = 1_420_070_400_000L;

  private static final AtomicLong LAST = new AtomicLong();

  private Snowflakes() {}

  /** A fresh id for "now", strictly greater than every id handed out before. */
  public static long next() {
    long candidate = (System.currentTimeMillis() - DISCORD_EPOCH_MS) << 22;
    return LAST.updateAndGet(last -> Math.max(last + 1, candidate));
  }

  /** Milliseconds since the Unix epoch at which {@code id} was created. */
  public static long timestampMs(long id) {
    return (id >>> 22) + DISCORD_EPOCH_MS;
  }
}
