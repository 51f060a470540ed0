package io.xpbridge.discord;

import io.vertx.core.Future;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts setup problems to {@code discord.alertChannelId}, at most once per problem (cause and role or
 * channel) an hour, all new ones of a check in one message. The hour is kept in memory: a restart
 * posts the problems that still exist once more, which an admin is expected to see anyway.
 *
 * <p>A problem counts as posted as soon as a post is attempted: a post that fails is logged once
 * and not retried, so a broken alert channel cannot turn into a storm of calls. Event-loop only.
 */
final class AlertPoster {
  static final long DEDUPE_MS = 60 * 60 * 1000;
  /** Discord refuses messages over 2,000 characters. */
  static final int MAX_MESSAGE_CHARS = 1_900;
  private static final Logger log = LoggerFactory.getLogger(AlertPoster.class);

  /** Sends one message to a channel; fails with a text saying why. */
  interface Sender {
    Future<Void> send(long channelId, String text);
  }

  private final Supplier<Long> alertChannelId;
  private final Sender sender;
  private final LongSupplier clockMs;
  private final Map<String, Long> postedAtMs = new HashMap<>();
  private String lastFailure;
  private Long lastChannelId;

  AlertPoster(Supplier<Long> alertChannelId, Sender sender, LongSupplier clockMs) {
    this.alertChannelId = alertChannelId;
    this.sender = sender;
    this.clockMs = clockMs;
  }

  /** Posts those of {@code problems} not posted within the hour; completes with how many it posted. */
  Future<Integer> post(List<SetupProblem> problems) {
    Long channelId = alertChannelId.get();
    if (channelId == null) {
      return Future.succeededFuture(0);
    }
    if (!channelId.equals(lastChannelId)) {
      // A new alert channel has seen none of them.
      postedAtMs.clear();
      lastFailure = null;
      lastChannelId = channelId;
    }
    long now = clockMs.getAsLong();
    postedAtMs.values().removeIf(at -> now - at >= DEDUPE_MS);
    List<SetupProblem> fresh = problems.stream().filter(p -> !postedAtMs.containsKey(p.key())).distinct().toList();
    if (fresh.isEmpty()) {
      return Future.succeededFuture(0);
    }
    fresh.forEach(p -> postedAtMs.put(p.key(), now));
    return sender.send(channelId, text(fresh))
        .map(v -> {
          lastFailure = null;
          log.info("Posted {} Discord setup problem(s) to the alert channel {}", fresh.size(),
              Long.toUnsignedString(channelId));
          return fresh.size();
        })
        .recover(e -> {
          // One line per distinct failure, not one per alert.
          if (!String.valueOf(e.getMessage()).equals(lastFailure)) {
            lastFailure = String.valueOf(e.getMessage());
            log.warn("Could not post Discord setup alerts to channel {} (discord.alertChannelId): {}. They stay in "
                + "the log and in /health/ready.", Long.toUnsignedString(channelId), e.getMessage());
          }
          return Future.succeededFuture(0);
        });
  }

  /** Both languages per problem; the tail is cut (it is all in /health/ready) to fit one message. */
  static String text(List<SetupProblem> problems) {
    StringBuilder text = new StringBuilder(Texts.ALERT_HEADER);
    for (int i = 0; i < problems.size(); i++) {
      SetupProblem problem = problems.get(i);
      String entry = "\n• " + problem.fixEn() + "\n  " + problem.fixRu();
      if (text.length() + entry.length() > MAX_MESSAGE_CHARS) {
        text.append("\n").append(Texts.alertMore(problems.size() - i));
        break;
      }
      text.append(entry);
    }
    return text.toString();
  }
}
