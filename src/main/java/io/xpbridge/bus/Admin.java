package io.xpbridge.bus;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.Map;

/**
 * Messages of the operations addresses the admin API forwards to: {@link Bus#STATS},
 * {@link Bus#EVENTS_REQUEUE}, {@link Bus#RECONCILE_RUN_NOW}, {@link Bus#CLEANUP_RUN_NOW} and
 * {@link Bus#HEALTH_DATABASE}. Requests without fields are sent as {@code {}}.
 */
public final class Admin {
  private Admin() {}

  /** A request that needs no fields ({@link Bus#STATS}, {@link Bus#HEALTH_DATABASE}, the run-now requests). */
  public record Empty() {
    public static final Empty INSTANCE = new Empty();
  }

  /**
   * Events by status, by type and status, how long the oldest unfinished one waits, and the submits
   * waiting in memory in this process against the room for them ({@code sync.maxWaitingSubmits}).
   */
  public record Stats(long pending, long processing, long completed, long failed, long total,
      Map<String, Map<String, Long>> byType, double oldestPendingAgeSeconds, long intakeWaiting, long intakeCapacity) {}

  /** Puts a failed event back; fails 404 (unknown event) or 409 (it did not fail). */
  public record Requeue(long eventId) {}

  public record Requeued(long eventId, boolean requeued) {}

  /** One player's reconcile pass, or every player's when {@code playerId} is null. */
  @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
  public record ReconcileRun(Long playerId) {}

  public record ReconcileReport(long players, long divergences, long corrected) {}

  public record CleanupReport(long completedDeleted, long failedDeleted, long linkCodesDeleted) {}

  /** {@code database: "up"}; the request fails 503 when PostgreSQL cannot be reached. */
  public record DatabaseHealth(String database) {}

  /** {@link Bus#BOOSTS_START}: multiply activity XP on {@code platforms} (both when empty) for {@code minutes}. */
  public record StartBoost(String name, Double multiplier, Long minutes, List<String> platforms) {}

  /** A boost as admins see it: {@code source} "config" or "api"; times ISO-8601. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record BoostView(Long id, String name, double multiplier, String from, String to, List<String> platforms,
      String source, boolean active) {}

  /** {@link Bus#BOOSTS_LIST}: boosts running or scheduled, soonest end first. */
  public record Boosts(List<BoostView> boosts) {}
}
