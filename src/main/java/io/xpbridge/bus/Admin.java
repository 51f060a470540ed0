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

  /**
   * The queue's depth as the metrics sample it every few seconds: exact counts of the unfinished and
   * failed events, {@code completed} estimated from PostgreSQL's statistics (exact counts: {@link Stats}).
   */
  public record QueueDepth(long pending, long processing, long completed, long failed, double oldestPendingAgeSeconds) {}

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

  /** {@link Bus#EVENTS_FAILED}: failed events, newest first; {@code before} an event id (the previous page's {@code next}). */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record FailedEventsQuery(String type, int limit, Long before) {}

  /** A failed event as admins see it; {@code createdAt} ISO-8601. */
  public record FailedEvent(long id, String type, String source, long playerId, long xp, long balance, int retries,
      String error, String createdAt) {}

  /** One page of failed events; {@code next} the {@code before} of the next page, null on the last. */
  public record FailedEvents(List<FailedEvent> events, Long next) {}

  /** {@link Bus#EVENTS_REQUEUE_ALL}: every failed event (of {@code type} when given) back to pending. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record RequeueAll(String type) {}

  public record RequeuedAll(long requeued) {}

  /** {@link Bus#PLAYERS_SEARCH}: exactly one of the filters; {@code name} a case-insensitive substring. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record PlayerSearch(Long telegramId, Long discordId, String name, int limit, int offset) {}

  /** A player as the admin search shows it. */
  public record PlayerMatch(long id, String displayName, Long telegramId, String telegramUsername, Long discordId,
      String discordUsername, long xp, long balance, String createdAt) {}

  public record PlayerMatches(List<PlayerMatch> players, int limit, int offset) {}

  /** {@link Bus#PLAYERS_HISTORY}: newest first; {@code before} the previous page's {@code next} cursor. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record HistoryQuery(long playerId, int limit, String before) {}

  /** An event ({@code kind} "event", from sync_events) or an audit row ({@code kind} "audit", from transactions). */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record HistoryItem(String kind, long id, String at, String type, String source, long xp, long balance,
      String status, String error, String reason, Long eventId) {}

  public record History(long playerId, List<HistoryItem> items, String next) {}

  /**
   * {@link Bus#PLAYERS_ADJUST}: an admin's change of one player, written by the ledger as a
   * {@code system} event (mirrored to both platforms) under {@code "admin_" + idempotencyKey}; answered
   * with a {@link SubmitReply}, failing 404 (unknown player) or 409 (key spent by another request).
   * {@code setXp} (instead of {@code xp}) is the difference from the XP read when the request arrives.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Adjust(long playerId, long xp, long balance, Long setXp, String reason, String idempotencyKey) {}
}
