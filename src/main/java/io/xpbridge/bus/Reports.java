package io.xpbridge.bus;

import java.util.List;

/**
 * What the engine and the workers publish about their work (fire and forget), for metrics and the
 * benchmark: {@link Bus#EVENTS_APPLIED}, {@link Bus#METRICS_EFFECTS}, {@link Bus#METRICS_RECONCILE},
 * and the reply to {@link Bus#EVENTS_PROCESS_NOW}.
 */
public final class Reports {
  private Reports() {}

  /** One applied batch: when it committed (epoch ms), its applied events and how many failed. */
  public record Applied(long appliedAt, List<AppliedEvent> events, int failed) {}

  /** {@code createdAt}: when the event reached the engine (epoch ms), for the apply-latency metric. */
  public record AppliedEvent(long eventId, String key, String type, String source, long playerId, long createdAt) {}

  /** One delivery batch's effects: delivered, to be retried, waiting for a bot, failed for good. */
  public record Effects(int completed, int retrying, int waiting, int failed) {}

  /** One reconcile pass: players looked at, divergences found (and corrected). */
  public record Reconciled(long players, long divergences) {}

  /** What a {@link Bus#EVENTS_PROCESS_NOW} drain did. */
  public record Drained(long claimed, long applied, long failed, long deliveriesClaimed, long deliveriesCompleted) {}
}
