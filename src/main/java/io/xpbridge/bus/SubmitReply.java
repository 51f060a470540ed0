package io.xpbridge.bus;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The engine's answer to {@link Bus#EVENTS_SUBMIT}, sent once the event is durable.
 * {@code status}: {@code completed} (applied), {@code failed} (the ledger refused it; nothing
 * changed, {@code error} says why) or {@code queued} (stored, the queue worker applies it shortly).
 * For a spent key ({@code duplicate}) it is the outcome of the event that spent it. For an event
 * applied now, {@code xp} is the XP it moved (activity is priced by the economy) and {@code withheld}
 * says what cut it, {@code hourlyXpCap} or {@code cooldown}, when anything did.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SubmitReply(long eventId, boolean duplicate, Status status, String error, Long xp, String withheld) {

  public SubmitReply(long eventId, boolean duplicate, Status status, String error) {
    this(eventId, duplicate, status, error, null, null);
  }

  public enum Status {
    COMPLETED, FAILED, QUEUED;

    private final String wireName = io.xpbridge.domain.WireNames.of(this);

    @JsonValue
    public String wireName() {
      return wireName;
    }
  }

  public boolean refused() {
    return status == Status.FAILED;
  }
}
