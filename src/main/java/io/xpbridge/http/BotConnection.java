package io.xpbridge.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * One bot's connection as its verticle reports it, and whether that still counts as ready: a bot
 * that has never connected is not ready; one that lost its gateway or polling stays ready for a
 * grace period (short drops are normal and heal themselves) and is not ready once it has been
 * disconnected continuously for longer; it is ready again as soon as it reconnects.
 */
final class BotConnection {
  private final String platform;
  private final Clock clock;
  private boolean everConnected;
  /** Null while connected. */
  private Instant disconnectedSince;
  private String lastError;

  BotConnection(String platform, Clock clock) {
    this.platform = platform;
    this.clock = clock;
  }

  synchronized void connected() {
    everConnected = true;
    disconnectedSince = null;
    lastError = null;
  }

  /** The first report of an outage starts it; later ones only update the error. */
  synchronized void disconnected(String error) {
    if (disconnectedSince == null) {
      disconnectedSince = clock.instant();
    }
    lastError = error;
  }

  synchronized Readiness readiness(Duration grace) {
    if (!everConnected) {
      String error = "the " + platform + " bot has not connected yet";
      return new Readiness(false, lastError == null ? error : error + " (last error: " + lastError + ")",
          disconnectedSince, lastError);
    }
    if (disconnectedSince == null) {
      return new Readiness(true, null, null, null);
    }
    Duration down = Duration.between(disconnectedSince, clock.instant());
    if (down.compareTo(grace) <= 0) {
      return new Readiness(true, null, disconnectedSince, lastError);
    }
    return new Readiness(false, "the " + platform + " bot has been disconnected since " + disconnectedSince
        + " (" + down.toSeconds() + " s, more than " + grace.toSeconds() + " s): " + lastError,
        disconnectedSince, lastError);
  }

  /** {@code error} is set when not ready; {@code disconnectedSince} and {@code lastError} during an outage. */
  record Readiness(boolean ready, String error, Instant disconnectedSince, String lastError) {}
}
