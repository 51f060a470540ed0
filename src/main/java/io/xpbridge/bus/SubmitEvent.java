package io.xpbridge.bus;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.vertx.core.json.JsonObject;
import io.xpbridge.domain.EventType;
import io.xpbridge.domain.Platform;
import io.xpbridge.domain.PlayerRef;

/**
 * A state change a verticle submits on {@link Bus#EVENTS_SUBMIT}; the engine answers with a
 * {@link SubmitReply}. The engine reads it with {@link SubmitMessage#parse}, as it reads untrusted
 * JSON from the admin API, so this record only spares senders the field plumbing.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SubmitEvent(
    String source,
    String type,
    Long playerId,
    Long telegramId,
    Long discordId,
    Long xp,
    Long balance,
    String achievement,
    JsonObject data,
    String idempotencyKey,
    String entityId,
    String reason) {

  /** An event of {@code type} for {@code player} under {@code idempotencyKey}; deltas follow with the withers. */
  public static SubmitEvent of(Platform source, EventType type, PlayerRef player, String idempotencyKey) {
    Long playerId = player.kind() == PlayerRef.Kind.PLAYER ? player.id() : null;
    Long telegramId = player.kind() == PlayerRef.Kind.TELEGRAM ? player.id() : null;
    Long discordId = player.kind() == PlayerRef.Kind.DISCORD ? player.id() : null;
    return new SubmitEvent(source.wireName(), type.wireName(), playerId, telegramId, discordId, null, null, null,
        null, idempotencyKey, null, null);
  }

  public SubmitEvent withXp(long xpDelta) {
    return new SubmitEvent(source, type, playerId, telegramId, discordId, xpDelta, balance, achievement, data,
        idempotencyKey, entityId, reason);
  }

  public SubmitEvent withBalance(long balanceDelta) {
    return new SubmitEvent(source, type, playerId, telegramId, discordId, xp, balanceDelta, achievement, data,
        idempotencyKey, entityId, reason);
  }

  /** The platform id of what caused the change, kept for the audit trail. */
  public SubmitEvent withEntity(String causeId) {
    return new SubmitEvent(source, type, playerId, telegramId, discordId, xp, balance, achievement, data,
        idempotencyKey, causeId, reason);
  }

  public SubmitEvent withReason(String why) {
    return new SubmitEvent(source, type, playerId, telegramId, discordId, xp, balance, achievement, data,
        idempotencyKey, entityId, why);
  }

  public SubmitEvent withData(JsonObject details) {
    return new SubmitEvent(source, type, playerId, telegramId, discordId, xp, balance, achievement, details,
        idempotencyKey, entityId, reason);
  }
}
