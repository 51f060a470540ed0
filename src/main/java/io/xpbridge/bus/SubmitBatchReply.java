package io.xpbridge.bus;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The engine's answer to {@link Bus#EVENTS_SUBMIT_BATCH}: one {@link Result} per event, in the order
 * they were sent, each what {@link Bus#EVENTS_SUBMIT} would have answered for that event alone.
 */
public record SubmitBatchReply(List<Result> results) {

  /**
   * Either {@code reply} (the event is durable) or {@code failureCode} and {@code message}: the
   * failure {@link Bus#EVENTS_SUBMIT} would have answered with (400 bad event, 404 unknown player,
   * 409 key reused, 503 try again).
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Result(SubmitReply reply, Integer failureCode, String message) {

    public static Result of(SubmitReply reply) {
      return new Result(reply, null, null);
    }

    public static Result failure(int code, String message) {
      return new Result(null, code, message);
    }
  }
}
