package io.xpbridge.bus;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.xpbridge.domain.IdempotencyKeys;
import java.time.LocalDate;

/** Messages of {@link Bus#DAILY_CLAIM}. */
public final class Daily {
  private Daily() {}

  /**
   * Claims the reward of {@code day} (yyyy-MM-dd in {@code daily.timezone}; today when absent).
   * The key comes from the day the player asked on, so a re-delivered command pays once.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Claim(Long telegramId, String day, String idempotencyKey) {
    public static Claim of(long telegramId, LocalDate day) {
      return new Claim(telegramId, day.toString(), IdempotencyKeys.daily(day, telegramId));
    }
  }

  /**
   * {@code claimed} with what was paid, or not claimed (already claimed that day). Either way
   * {@code nextClaimAt} (ISO-8601) says when the next reward can be claimed. A grant the ledger
   * refused fails with {@link Refusal#DAILY_NOT_GRANTED} instead.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Result(boolean claimed, Long xp, Long balance, Integer streak, Long eventId, String nextClaimAt) {
    public static Result claimed(long xp, long balance, int streak, long eventId, String nextClaimAt) {
      return new Result(true, xp, balance, streak, eventId, nextClaimAt);
    }

    public static Result alreadyClaimed(String nextClaimAt) {
      return new Result(false, null, null, null, null, nextClaimAt);
    }
  }
}
