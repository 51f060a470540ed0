package io.xpbridge.domain;

/**
 * A validated request to change a player's state. {@code payloadJson} carries the rest of the
 * message (achievement code, daily-reward day and streak, free-form data) as stored in
 * {@code sync_events.payload}; {@code activity} (also in the payload) says where activity XP was earned.
 */
public record SubmitRequest(
    Platform source,
    EventType type,
    PlayerRef player,
    long xpDelta,
    long balanceDelta,
    String achievement,
    String idempotencyKey,
    String reason,
    String payloadJson,
    Activity activity) {

  public SubmitRequest(Platform source, EventType type, PlayerRef player, long xpDelta, long balanceDelta,
      String achievement, String idempotencyKey, String reason, String payloadJson) {
    this(source, type, player, xpDelta, balanceDelta, achievement, idempotencyKey, reason, payloadJson, null);
  }
}
