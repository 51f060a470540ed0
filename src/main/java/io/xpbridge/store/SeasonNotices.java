package io.xpbridge.store;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.xpbridge.domain.IdempotencyKeys;
import io.xpbridge.domain.MirrorTarget;
import io.xpbridge.domain.QueuedEffect;
import java.util.ArrayList;
import java.util.List;

/**
 * The effect rows that tell how a season ended: one Telegram message per rewarded player, one
 * announcement of the winners for Discord's announce channel. Payload fields are read by the
 * engine's {@code sync.EffectMessages}.
 */
final class SeasonNotices {
  /** A Discord message holds 2,000 characters: the announcement names at most this many winners. */
  static final int MAX_ANNOUNCED = 20;

  private SeasonNotices() {}

  /**
   * @param announceInDiscord whether a Discord bot with an announce channel is configured: without
   *     one, an announcement would wait for a bot that never comes (a pending event for ever)
   */
  static List<QueuedEffect> of(SeasonStore.Season season, List<SeasonStore.Winner> winners,
      boolean announceInDiscord) {
    List<QueuedEffect> effects = new ArrayList<>();
    if (winners.isEmpty()) {
      return effects;
    }
    JsonObject seasonJson = new JsonObject().put("id", season.id()).put("name", season.name());
    for (SeasonStore.Winner winner : winners) {
      if (winner.reward() != null) {
        effects.add(QueuedEffect.seasonNotice(IdempotencyKeys.seasonNotice(season.id(), winner.playerId()),
            winner.playerId(), MirrorTarget.TELEGRAM,
            new JsonObject().put("season", seasonJson).put("winners", new JsonArray().add(json(winner))).encode()));
      }
    }
    if (!announceInDiscord) {
      return effects;
    }
    JsonArray announced = new JsonArray();
    winners.stream().limit(MAX_ANNOUNCED).forEach(w -> announced.add(json(w)));
    effects.add(QueuedEffect.seasonNotice(IdempotencyKeys.seasonResults(season.id()), winners.get(0).playerId(),
        MirrorTarget.DISCORD, new JsonObject().put("season", seasonJson).put("winners", announced)
            .put("moreWinners", Math.max(0, winners.size() - MAX_ANNOUNCED)).encode()));
    return effects;
  }

  private static JsonObject json(SeasonStore.Winner winner) {
    JsonObject json = new JsonObject().put("place", winner.place()).put("playerId", winner.playerId())
        .put("name", winner.name()).put("xp", winner.xp())
        .put("coins", winner.reward() == null ? 0 : winner.reward().coins());
    if (winner.discordId() != null) {
      json.put("discordId", winner.discordId());
    }
    if (winner.reward() != null && winner.reward().achievement() != null) {
      json.put("achievement", winner.reward().achievement());
    }
    return json;
  }
}
