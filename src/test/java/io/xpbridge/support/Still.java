package io.xpbridge.support;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * The one bounded wait that is not a condition: "nothing else arrives". Keep the window short;
 * it proves only that no duplicate showed up within it.
 */
public final class Still {
  private Still() {}

  /** Fails as soon as {@code condition} stops holding within {@code window}. */
  public static void holdsFor(Duration window, String what, BooleanSupplier condition) {
    long end = System.nanoTime() + window.toNanos();
    do {
      assertTrue(condition.getAsBoolean(), "no longer true: " + what);
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    } while (System.nanoTime() < end);
    assertTrue(condition.getAsBoolean(), "no longer true: " + what);
  }
}
