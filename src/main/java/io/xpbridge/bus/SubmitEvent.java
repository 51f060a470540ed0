package io.xpbridge.bus;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.vertx.core.json.JsonObject;
import io.xpbridge.domain.Activity;
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
    String reason,
    JsonObject activity) {

  /** An event of {@code type} for {@code player} under {@code idempotencyKey}; the builder takes the rest. */
  public static Builder of(Platform source, EventType type, PlayerRef player, String idempotencyKey) {
    return new Builder(source, type, player, idempotencyKey);
  }

  public static final class Builder {
    private final Platform source;
    private final EventType type;
    private final PlayerRef player;
    private final String idempotencyKey;
    private Long xp;
    private Long balance;
    private JsonObject data;
    private String entityId;
    private String reason;
    private Activity activity;

    private Builder(Platform source, EventType type, PlayerRef player, String idempotencyKey) {
      this.source = source;
      this.type = type;
      this.player = player;
      this.idempotencyKey = idempotencyKey;
    }

    public Builder xp(long delta) {
      xp = delta;
      return this;
    }

    public Builder balance(long delta) {
      balance = delta;
      return this;
    }

    /** The platform id of what caused the change, kept for the audit trail. */
    public Builder entity(String causeId) {
      entityId = causeId;
      return this;
    }

    public Builder reason(String why) {
      reason = why;
      return this;
    }

    /** Where activity XP was earned; the engine applies the economy's multipliers to it. */
    public Builder activity(Activity where) {
      activity = where;
      return this;
    }

    public Builder data(JsonObject details) {
      data = details;
      return this;
    }

    public SubmitEvent build() {
      return new SubmitEvent(source.wireName(), type.wireName(), idOf(PlayerRef.Kind.PLAYER), idOf(PlayerRef.Kind.TELEGRAM),
          idOf(PlayerRef.Kind.DISCORD), xp, balance, null, data, idempotencyKey, entityId, reason,
          activity == null ? null : ActivityJson.write(activity));
    }

    private Long idOf(PlayerRef.Kind kind) {
      return player.kind() == kind ? player.id() : null;
    }
  }
}
