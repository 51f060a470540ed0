package io.xpbridge.bus;

/**
 * Every event-bus address of xpbridge and the shape of the messages it carries.
 * Verticles talk only through these; bodies are {@code JsonObject}s with the field names below.
 * A request that cannot be served is answered with {@code fail(code, text)} where code follows
 * HTTP conventions (400 bad input, 404 unknown, 409 conflict, 429 too many, 503 try later).
 */
public final class Bus {
  private Bus() {}

  // ---- sync engine (SyncVerticle) ----

  /**
   * Request. Submit one state change.
   * {source: "telegram"|"discord"|"system", type: "xp_change"|"balance_change"|"achievement_unlock"|"reward_grant",
   *  playerId?: long | telegramId?: long | discordId?: long,   // exactly one; platform ids auto-create the player
   *  xp?: long, balance?: long, achievement?: string, data?: object,
   *  idempotencyKey?: string, entityId?: string, reason?: string}
   * Reply: {eventId: long, duplicate: boolean}, sent once the event is durable. A new event has then
   * normally been applied already (its ledger change, audit row and final status committed with it);
   * one that could not be applied on arrival is queued and applied by the queue worker.
   */
  public static final String EVENTS_SUBMIT = "xpbridge.events.submit";

  /** Send (no reply needed) or request. Drain due events now. Reply: {claimed, completed, failed}. */
  public static final String EVENTS_PROCESS_NOW = "xpbridge.events.process-now";

  /** Request {eventId}. Put a failed event back to pending. Reply {eventId, requeued: boolean}; fail 404 if unknown. */
  public static final String EVENTS_REQUEUE = "xpbridge.events.requeue";

  /** Request {}. Reply {pending, processing, completed, failed, total, byType: {type: {status: n}}, oldestPendingAgeSeconds}. */
  public static final String STATS = "xpbridge.stats";

  /**
   * Publish, once per applied batch, for metrics and benchmarks:
   * {appliedAt (epoch ms), events: [{eventId, key, type, source, playerId, createdAt (epoch ms)}], failed: n}.
   */
  public static final String EVENTS_APPLIED = "xpbridge.events.applied";

  /** Request {}. Reply {database: "up"} or fail(503, reason) when PostgreSQL cannot be reached. */
  public static final String HEALTH_DATABASE = "xpbridge.health.database";

  // ---- platform effects (sent by SyncVerticle to the bot verticles) ----

  /**
   * Request, handled by the Discord bot. Apply one projection of the ledger in Discord. Must be idempotent.
   * {eventId, kind: "rank_role", playerId, discordId, rank: {number, name, roleId}, rankRoleIds: [all rank role ids]}
   * {eventId, kind: "achievement_role", playerId, discordId, achievement: {code, name, roleId}}
   * Reply {ok: true}; fail(404 unknown member | 403 permission/hierarchy | 503 transient, text).
   * No consumer registered (bot not deployed) means the effect waits, it is not dropped.
   */
  public static final String EFFECTS_DISCORD = "xpbridge.effects.discord";

  /**
   * Request, handled by the Telegram bot. Tell the player about a change.
   * {eventId, kind: "rank_up"|"achievement", playerId, telegramId, chatId, languageCode,
   *  rank?: {number, name}, previousRank?: {number, name}, xp, achievement?: {code, name}}
   * Reply {ok: true}; fail(403 blocked by user | 429 Telegram rate-limits us: wait, not counted as a retry |
   * 503 transient, text).
   */
  public static final String EFFECTS_TELEGRAM = "xpbridge.effects.telegram";

  // How long the engine waits for a bot's answer to one EFFECTS_* request is sync.effectTimeoutMs:
  // past it the attempt counts as failed and the effect is sent again later, so a bot must answer (or
  // give the effect up) well before, or it may carry the effect out twice.

  /** Publish {platform: "telegram"|"discord"}: a bot is connected; effects that waited for it are retried now. */
  public static final String PLATFORM_READY = "xpbridge.platform.ready";

  // ---- players and linking (AccountVerticle) ----

  /** Request {telegramId, chatId?, username?, languageCode?} or {discordId, username?}. Reply {playerId, created}. */
  public static final String PLAYERS_REGISTER = "xpbridge.players.register";

  /**
   * Request {playerId | telegramId | discordId}. Reply {playerId, xp, balance,
   *  rank: {number, name, minXp}, nextRank: {number, name, minXp} | null, xpToNextRank, rankCount,
   *  achievements: [{code, name, unlockedAt}], telegramId?, discordId?, telegramLinked, discordLinked,
   *  dailyStreak, lastDailyDay?}. fail 404 when the platform id is unknown.
   */
  public static final String PLAYERS_PROFILE = "xpbridge.players.profile";

  /** Request {limit?, telegramId? | discordId?}. Reply {entries: [{place, playerId, displayName, xp, rank}], caller?: {place, xp}}. */
  public static final String PLAYERS_TOP = "xpbridge.players.top";

  /**
   * Request {telegramId | discordId}. Issue a one-time link code for the *other* platform.
   * Reply {code, expiresAt (ISO-8601), ttlSeconds}.
   */
  public static final String LINK_ISSUE = "xpbridge.link.issue";

  /**
   * Request {code, telegramId | discordId, username?}. Link the caller's identity to the code's issuer.
   * Reply {playerId, mergedXp, mergedBalance}: the shared profile's XP and balance after the link.
   * Fail 404 (unknown, used or expired code), 409 (already linked / same platform), 429 (too many wrong
   * attempts; text says when to retry).
   */
  public static final String LINK_REDEEM = "xpbridge.link.redeem";

  /** Request {telegramId | discordId}. Reply {unlinked: boolean}. */
  public static final String LINK_UNLINK = "xpbridge.link.unlink";

  /**
   * Request {telegramId, day (yyyy-MM-dd in the configured zone), idempotencyKey}. Claims the daily reward.
   * Reply {claimed: true, xp, balance, streak, eventId} or {claimed: false, nextClaimAt (ISO-8601)}.
   */
  public static final String DAILY_CLAIM = "xpbridge.daily.claim";

  // ---- workers ----

  /** Request {playerId?}. Run a reconcile pass now (one player or all). Reply {players, divergences, corrected}. */
  public static final String RECONCILE_RUN_NOW = "xpbridge.reconcile.run-now";

  /**
   * Request, handled by the Discord bot: which rank/achievement roles do members really have?
   * {discordIds: [long]} -> {members: {"<discordId>": [roleId, ...]}, missing: [discordId]}.
   */
  public static final String DISCORD_MEMBER_ROLES = "xpbridge.discord.member-roles";

  /** Request {}. Run cleanup now. Reply {completedDeleted, failedDeleted}. */
  public static final String CLEANUP_RUN_NOW = "xpbridge.cleanup.run-now";

  // ---- metrics (published, fire and forget) ----

  /** Publish, once per delivery batch: {completed, retrying, waiting, failed}. */
  public static final String METRICS_EFFECTS = "xpbridge.metrics.effects";

  /** Publish, once per reconcile pass: {players, divergences}. */
  public static final String METRICS_RECONCILE = "xpbridge.metrics.reconcile";

  /** Publish, by a bot on each failed platform API call: {platform: "telegram"|"discord", kind: "429"|"5xx"|"network"|...}. */
  public static final String METRICS_BOT_API_ERROR = "xpbridge.metrics.bot-api-error";

  // ---- configuration ----

  /**
   * Publish. The whole accepted configuration as an {@code io.xpbridge.config.AppConfig} (not JSON: the
   * same immutable instance reaches every consumer, see {@code config.ConfigChanges}); restart-only
   * settings keep their running values.
   */
  public static final String CONFIG_CHANGED = "xpbridge.config.changed";

  /**
   * Header a requester may set (epoch ms): after it, it no longer waits for the answer, and the
   * receiver may drop the request instead of doing its work. {@link #EVENTS_SUBMIT} honours it.
   */
  public static final String DEADLINE_HEADER = "xpbridge-deadline";

  /** Default time a request over the bus may take before the caller gives up. */
  public static final long REQUEST_TIMEOUT_MS = 10_000;
}
