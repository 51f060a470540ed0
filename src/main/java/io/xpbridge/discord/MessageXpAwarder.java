package io.xpbridge.discord;

import io.xpbridge.config.DiscordSettings;
import io.xpbridge.domain.IdempotencyKeys;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pays {@code discord.messageXp} for a message, at most once per member per cooldown.
 * Event-loop only.
 *
 * <p>The cooldown is measured between message ids' timestamps, not arrival times: a replayed
 * MESSAGE_CREATE, or a second instance seeing the same gateway stream, makes the same decision.
 * A replay of the message that earned the cooldown is submitted again with the same key, which
 * the ledger ignores, so an earlier lost submit is healed instead of lost.
 */
final class MessageXpAwarder {
  private static final Logger log = LoggerFactory.getLogger(MessageXpAwarder.class);

  private record Award(long messageId, long atMs) {}

  private final Supplier<DiscordSettings> settings;
  private final XpSubmitter submitter;
  private final Map<Long, Award> lastAwardByUser = new HashMap<>();

  MessageXpAwarder(Supplier<DiscordSettings> settings, XpSubmitter submitter) {
    this.settings = settings;
    this.submitter = submitter;
  }

  void onMessage(MessageActivity message) {
    DiscordSettings rules = settings.get();
    if (rules.messageXp() <= 0 || rules.noXpChannelIds().contains(message.channelId())
        || rules.noXpChannelIds().contains(message.parentChannelId())) {
      return;
    }
    Award last = lastAwardByUser.get(message.userId());
    boolean replay = last != null && last.messageId() == message.messageId();
    if (!replay && last != null && message.createdAtMs() - last.atMs() < rules.messageCooldownMs()) {
      return;
    }
    Award award = replay ? last : new Award(message.messageId(), message.createdAtMs());
    lastAwardByUser.put(message.userId(), award);
    String key = IdempotencyKeys.message(message.messageId(), message.userId());
    submitter.submit(message.userId(), message.username(), message.avatarUrl(), rules.messageXp(), key,
            Long.toString(message.messageId()), "discord message", message.activity())
        .onFailure(e -> {
          log.warn("Message XP for Discord user {} (key {}) not recorded: {}", message.userId(), key, e.getMessage());
          // Free the cooldown so the member's next message can earn instead.
          lastAwardByUser.remove(message.userId(), award);
        });
  }

  /** Forgets cooldowns that expired, so the map stays as small as the set of recent writers. */
  void pruneCooldowns(long nowMs) {
    long cooldown = settings.get().messageCooldownMs();
    for (Iterator<Award> it = lastAwardByUser.values().iterator(); it.hasNext(); ) {
      if (nowMs - it.next().atMs() > cooldown) {
        it.remove();
      }
    }
  }
}
