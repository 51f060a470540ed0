package io.xpbridge.bus;

/**
 * Every event-bus address of xpbridge and the messages it carries. Bodies are {@code JsonObject}s
 * on the wire; each request and reply has a record in this package (named next to its address)
 * that {@link BusJson} maps, {@link BusClient} sends and {@link BusServer} answers with.
 * A request that cannot be served is answered with {@code fail(code, text)} where code follows
 * HTTP conventions (400 bad input, 404 unknown, 409 conflict, 429 too many, 503 try later); a
 * refusal on purpose is a {@link Refusal}, which the bots put into words.
 */
public final class Bus {
  private Bus() {}

  // ---- which addresses cross nodes (clustered mode, see cluster.ClusterVertx) ----
  // With a clustered event bus a plain `consumer` hears the whole cluster, and requests are spread
  // round-robin over every node's consumers. The rule: every consumer is a `localConsumer`
  // (BusServer.serve), so a node's bots submit to its own engine, its HTTP API asks its own services,
  // and stats, health, metrics and config changes stay per node; cluster-wide (`consumer`,
  // BusServer.serveClusterWide) are only:
  //  - the addresses of singleton jobs, which run on one node while every node may ask them:
  //    EFFECTS_DISCORD, DISCORD_MEMBER_ROLES, EFFECTS_TELEGRAM (the engine that applied an event
  //    reaches the node that owns the bot), RECONCILE_RUN_NOW, DISCORD_MEMBER_CHECK,
  //    DISCORD_MEMBER_PRESENCE, DISCORD_GUILD_ROSTER, CLEANUP_RUN_NOW;
  //  - the change notices every node must hear: PLATFORM_READY (engines deliver what waited),
  //    BOOSTS_CHANGED, SEASONS_CHANGED, DISCORD_MEMBERSHIP_CHANGED, PLAYERS_VISIBILITY_CHANGED (caches),
  //    PLAYERS_ERASED (the bots, wherever they run, forget an erased player's accounts).
  // CONFIG_CHANGED is published local-only: its codec hands over the instance and cannot cross.

  // ---- sync engine (SyncVerticle) ----

  /**
   * Request {@link SubmitEvent}: one state change.
   * {source: "telegram"|"discord"|"system", type: "xp_change"|"balance_change"|"achievement_unlock"|"reward_grant",
   *  playerId?: long | telegramId?: long | discordId?: long,   // exactly one; platform ids auto-create the player
   *  xp?: long, balance?: long, achievement?: string, data?: object,
   *  idempotencyKey?: string, entityId?: string, reason?: string}
   * The engine reads it as untrusted JSON ({@link SubmitMessage#parse}): the admin API forwards
   * bodies from outside as they came. Reply {@link SubmitReply} {eventId, duplicate, status, error},
   * sent once the event is durable: {@code completed} (applied with it), {@code failed} (the ledger
   * refused it) or {@code queued} (the queue worker applies it shortly).
   */
  public static final String EVENTS_SUBMIT = "xpbridge.events.submit";

  /**
   * Request {@code {"events": [<an EVENTS_SUBMIT body>, ...]}}: several state changes at once (the
   * admin API's batch route). Reply {@link SubmitBatchReply}, a result per event in their order, each
   * what {@link #EVENTS_SUBMIT} would have answered for it. One message rather than one per event: the
   * engine sees the whole request in one turn and applies it in one batch, where single messages
   * arriving while it flushes split it into several small transactions.
   */
  public static final String EVENTS_SUBMIT_BATCH = "xpbridge.events.submit-batch";

  /**
   * Send (no reply needed) or request {@link Admin.Empty}. Drain due events now.
   * Reply {@link Reports.Drained} {claimed, applied, failed, deliveriesClaimed, deliveriesCompleted}.
   */
  public static final String EVENTS_PROCESS_NOW = "xpbridge.events.process-now";

  /**
   * Request {@link Admin.Requeue}: put a failed event back to pending. Reply {@link Admin.Requeued};
   * fail 404 (unknown event), 409 (it did not fail).
   */
  public static final String EVENTS_REQUEUE = "xpbridge.events.requeue";
  /** {@link Admin.FailedEventsQuery} → {@link Admin.FailedEvents}; served by the sync engine. */
  public static final String EVENTS_FAILED = "xpbridge.events.failed";
  /** {@link Admin.RequeueAll} → {@link Admin.RequeuedAll}; served by the sync engine. */
  public static final String EVENTS_REQUEUE_ALL = "xpbridge.events.requeue-all";
  /** {@link Admin.PlayerSearch} → {@link Admin.PlayerMatches}; served by the sync engine. */
  public static final String PLAYERS_SEARCH = "xpbridge.players.search";
  /** {@link Admin.Adjust} → {@link SubmitReply}; served by the sync engine (the ledger writer's intake). */
  public static final String PLAYERS_ADJUST = "xpbridge.players.adjust";
  /**
   * {@link Imports.Chunk} → {@link Imports.ChunkResult}; served by the sync engine: up to
   * {@code Importer.CHUNK_ROWS} rows of an imported file, applied through the intake (or, for a dry
   * run, only compared with the ledger). Fails 503 when the database is unavailable: send the same
   * chunk again, its keys make that safe.
   */
  public static final String IMPORT_CHUNK = "xpbridge.import.chunk";
  /** {@link Admin.HistoryQuery} → {@link Admin.History}, fails 404 for an unknown player; served by the sync engine. */
  public static final String PLAYERS_HISTORY = "xpbridge.players.history";

  /**
   * Request {@link Admin.StartBoost}: start a timed boost now, stored so it survives restarts. Reply
   * {@link Admin.BoostView}; fail 400 naming the bad field.
   */
  public static final String BOOSTS_START = "xpbridge.boosts.start";

  /** Request {@link Admin.Empty}. Reply {@link Admin.Boosts}: the config's and the stored boosts, running or scheduled. */
  public static final String BOOSTS_LIST = "xpbridge.boosts.list";

  /** Publish (empty): the stored boosts changed; every engine reads them again. */
  public static final String BOOSTS_CHANGED = "xpbridge.boosts.changed";

  // ---- seasons (season.SeasonVerticle) ----

  /**
   * Request {@link Seasons.Start}: end the running season (its standings archived, its rewards granted
   * as events) and start the next. Reply {@link Seasons.SeasonView} of the new season; fail 400 (bad
   * name), 409 (another rollover is under way or the previous one is still archiving).
   */
  public static final String SEASONS_START = "xpbridge.seasons.start";

  /** Request {@link Admin.Empty}. Reply {@link Seasons.SeasonList}: every season, newest first, with its top ten. */
  public static final String SEASONS_LIST = "xpbridge.seasons.list";

  /** Request {@link Admin.Empty}. Reply {@link Seasons.SeasonView}: the running season with its top ten so far. */
  public static final String SEASONS_CURRENT = "xpbridge.seasons.current";

  /**
   * Request {@link Seasons.LeaderboardQuery}. Reply {@link Seasons.Leaderboard}; fail 400 naming the
   * bad field, 404 (no such season).
   */
  public static final String LEADERBOARD = "xpbridge.leaderboard";

  /**
   * Request {@link Web.StandingsQuery}. Reply {@link Web.Standings}: a page of the public leaderboard
   * (no platform ids, no hidden or absent players); fail 400 naming the bad field, 404 (no such season).
   */
  public static final String PUBLIC_STANDINGS = "xpbridge.public.standings";

  /** Request {@link Web.PlayerQuery}. Reply {@link Web.Player}; fail 404 (unknown, hidden or absent). */
  public static final String PUBLIC_PLAYER = "xpbridge.public.player";

  /** Request {@link Web.PlayerQuery}. Reply {@link Web.Card}: the rank card PNG; fail 404 as PUBLIC_PLAYER. */
  public static final String RANK_CARD = "xpbridge.public.rank-card";

  /** Publish {@link Seasons.SeasonView}: a new season started (engines and readers forget cached standings). */
  public static final String SEASONS_CHANGED = "xpbridge.seasons.changed";

  /** Request {@link Admin.Empty}. Reply {@link Admin.Stats}. */
  public static final String STATS = "xpbridge.stats";

  /**
   * Request {@link Admin.Empty}. Reply {@link Admin.QueueDepth}: cheap enough to sample every few
   * seconds on every node, which the exact counts of {@link #STATS} (a scan of the whole queue) are not.
   */
  public static final String QUEUE_DEPTH = "xpbridge.queue.depth";

  /**
   * Publish, once per applied batch, for metrics and benchmarks: {@link Reports.Applied}
   * {appliedAt (epoch ms), events: [{eventId, key, type, source, playerId, createdAt (epoch ms)}], failed: n}.
   */
  public static final String EVENTS_APPLIED = "xpbridge.events.applied";

  /** Request {@link Admin.Empty}. Reply {@link Admin.DatabaseHealth}, or fail(503, reason) when PostgreSQL cannot be reached. */
  public static final String HEALTH_DATABASE = "xpbridge.health.database";

  // ---- platform effects (sent by SyncVerticle to the bot verticles) ----

  /**
   * Request {@link Platforms.DiscordEffect}, handled by the Discord bot: apply one projection of the
   * ledger in Discord. Must be idempotent.
   * {eventId, kind: "rank_role", playerId, discordId, rank: {number, name, roleId}, rankRoleIds: [all rank role ids]}
   *  (without rank: take every listed role off, nothing given: /privacy roles off lists the rank and achievement roles)
   * {eventId, kind: "achievement_role", playerId, discordId, achievement: {code, name, roleId}}
   * {eventId, kind: "season_results", season: {seasonId, name, winners: [{place, playerId, discordId?, name, xp,
   *  coins, achievement?}]}}: post the winners of an ended season to discord.announceChannelId (when set,
   *  else ack without posting), mentioning only the winners.
   * {eventId, kind: "member_announcement", playerId, discordId, announcement: {rank? | achievementCode?, nameRu,
   *  nameEn}}: post a member's rank-up or new achievement to discord.announceChannelId (unset: ack, no post).
   * Reply {@link Platforms.Ack}; fail(404 unknown member | 403 permission/hierarchy | 503 transient |
   * {@link #EFFECT_NEEDS_FIX}, text). No consumer registered (bot not deployed) means the effect waits.
   */
  public static final String EFFECTS_DISCORD = "xpbridge.effects.discord";

  /**
   * Failure code of an effect that no retry can carry out until a person fixes something (the announce
   * channel does not exist, or the bot may not write there): the engine marks it failed at once
   * instead of retrying it; requeue it after the fix.
   */
  public static final int EFFECT_NEEDS_FIX = 422;

  /**
   * Publish {@link Platforms.AnnounceProblem}: the Discord bot cannot post member announcements (or, with
   * a null problem, can again); shown in the discord-bot check of /health/ready as {@code announceProblem}.
   */
  public static final String DISCORD_ANNOUNCE_PROBLEM = "xpbridge.discord.announce-problem";

  /**
   * Request {@link Platforms.TelegramEffect}, handled by the Telegram bot: tell the player about a change.
   * {eventId, kind: "rank_up"|"achievement", playerId, telegramId, chatId, languageCode,
   *  rank?: {number, name}, previousRank?: {number, name}, xp, achievement?: {code, name}}, names in languageCode.
   * {eventId, kind: "season_reward", ..., season: {seasonId, name, winners: [the player's own place]}}: tell a
   *  player where they finished a season and what it paid.
   * Reply {@link Platforms.Ack}; fail(403 blocked by user | 429 Telegram rate-limits us: wait, not counted as
   * a retry | 503 transient, text).
   */
  public static final String EFFECTS_TELEGRAM = "xpbridge.effects.telegram";

  // How long the engine waits for a bot's answer to one EFFECTS_* request is sync.effectTimeoutMs:
  // past it the attempt counts as failed and the effect is sent again later, so a bot must answer (or
  // give the effect up) well before, or it may carry the effect out twice.

  /** Publish {@link Platforms.Ready}: a bot is connected; effects that waited for it are retried now. */
  public static final String PLATFORM_READY = "xpbridge.platform.ready";

  /**
   * Publish {@link Platforms.Disconnected}: a bot lost its gateway or polling (sent again with the latest
   * error while it stays down). The next {@link #PLATFORM_READY} ends the outage; readiness turns down when
   * it lasts longer than http.botDisconnectGraceSeconds.
   */
  public static final String PLATFORM_DISCONNECTED = "xpbridge.platform.disconnected";

  /**
   * Publish {@link Platforms.SetupProblems}: everything a bot found wrong with its setup (roles it cannot
   * assign, channels it cannot write in), the whole current list each time; an empty list means all fixed.
   * Shown in {@code /health/ready}; it does not make the bot unready (XP is unaffected).
   */
  public static final String PLATFORM_PROBLEMS = "xpbridge.platform.problems";

  // ---- players and linking (AccountVerticle) ----

  /** Request {@link Players.Register}. Reply {@link Players.Registered}. */
  public static final String PLAYERS_REGISTER = "xpbridge.players.register";

  /**
   * Request {@link Players.ProfileQuery}. Reply {@link Players.Profile}, names in the query's language
   * (else the player's own); {@link Refusal#NO_PROFILE} when the account has no player.
   */
  public static final String PLAYERS_PROFILE = "xpbridge.players.profile";

  /** Request {@link Players.TopQuery}. Reply {@link Players.Top}, rank names in the query's language. */
  public static final String PLAYERS_TOP = "xpbridge.players.top";

  /**
   * Request {@link Players.VisibilityChange}: read (no {@code hidden}) or set whether the player is
   * hidden from every public standing (/top, the web leaderboard and pages, season archives). Setting
   * the state it already has changes nothing ({@code changed} false). Reply {@link Players.Visibility};
   * {@link Refusal#NO_PROFILE} when the account has no player.
   */
  public static final String PLAYERS_VISIBILITY = "xpbridge.players.visibility";

  /** Publish {@link Players.Visibility}: a player was hidden or shown again; cached standings are forgotten. */
  public static final String PLAYERS_VISIBILITY_CHANGED = "xpbridge.players.visibility-changed";

  /**
   * Request {@link Privacy.Account}. Reply {@link Privacy.Overview}: what is kept about the player;
   * {@link Refusal#NO_PROFILE} when the account has no player.
   */
  public static final String PRIVACY_OVERVIEW = "xpbridge.privacy.overview";

  /**
   * Request {@link Privacy.RolesChange}: switch the player's Discord rank and achievement role sync
   * ({@code discord_identities.sync_enabled}). Off queues one removal of the managed roles; on queues
   * the right ones back. Reply {@link Privacy.Roles}; {@link Refusal#NO_PROFILE} without a player.
   */
  public static final String PRIVACY_ROLES = "xpbridge.privacy.roles";

  /**
   * Request {@link Privacy.Account}. Reply {@link Privacy.ExportFile}: the player's profile, links and
   * newest {@link Privacy#EXPORT_HISTORY_LIMIT} history rows as one JSON document; {@link Refusal#NO_PROFILE}.
   */
  public static final String PRIVACY_EXPORT = "xpbridge.privacy.export";

  /**
   * Request {@link Privacy.Account}: the first ask only records the wish; the same request again within
   * {@link Privacy#DELETE_CONFIRM_SECONDS} erases the player. Reply {@link Privacy.DeleteOutcome};
   * {@link Refusal#NO_PROFILE}.
   */
  public static final String PRIVACY_DELETE = "xpbridge.privacy.delete";

  /**
   * Request {@link Privacy.Erase} (the admin's {@code DELETE /api/v1/players/{id}}): erase at once.
   * Reply {@link Privacy.Erased}; fail 404 (no such player), 409 (merged into another player: erase that one).
   */
  public static final String PLAYERS_ERASE = "xpbridge.players.erase";

  /** Publish {@link Privacy.AccountsErased}: the bots forget these accounts' registrations. */
  public static final String PLAYERS_ERASED = "xpbridge.players.erased";

  /** Request {@link Links.Account}: issue a one-time link code for the *other* platform. Reply {@link Links.Issued}. */
  public static final String LINK_ISSUE = "xpbridge.link.issue";

  /**
   * Request {@link Links.Redeem}: link the caller's identity to the code's issuer. Reply {@link Links.Redeemed}.
   * Refusals: {@code LINK_CODE_UNKNOWN} (unknown, used or expired), {@code LINK_CODE_SAME_PLATFORM} and the
   * other {@code LINK_*} conflicts, {@code LINK_TOO_MANY_ATTEMPTS} (detail: minutes until the next try).
   */
  public static final String LINK_REDEEM = "xpbridge.link.redeem";

  /** Request {@link Links.Account}. Reply {@link Links.Unlinked}. */
  public static final String LINK_UNLINK = "xpbridge.link.unlink";

  /**
   * Request {@link Daily.Claim}: claim the daily reward. Reply {@link Daily.Result}; a grant the ledger
   * refused is {@link Refusal#DAILY_NOT_GRANTED}, never reported as claimed.
   */
  public static final String DAILY_CLAIM = "xpbridge.daily.claim";

  /**
   * Request {@link Export.PageQuery}: the next page of players for {@code GET /api/v1/export}, in id order
   * after the cursor. Reply {@link Export.Page}; fail 400 naming the bad field. The HTTP side asks for one
   * page after another, so memory stays one page whatever the number of players.
   */
  public static final String EXPORT_PAGE = "xpbridge.export.page";

  // ---- workers ----

  /** Request {@link Admin.ReconcileRun}: a reconcile pass now (one player or all). Reply {@link Admin.ReconcileReport}. */
  public static final String RECONCILE_RUN_NOW = "xpbridge.reconcile.run-now";

  /**
   * Request {@link Platforms.MemberRolesQuery}, handled by the Discord bot: which roles do members really
   * have? Reply {@link Platforms.MemberRoles} {members: {"<discordId>": [roleId, ...]}, missing: [discordId]}.
   */
  public static final String DISCORD_MEMBER_ROLES = "xpbridge.discord.member-roles";

  /**
   * Request {@link Members.Check}, sent by the Discord bot after a hand edit of a rank or achievement
   * role (not its own writes): the reconcile worker compares those members' roles with the ledger now
   * and queues corrections. Reply {@link Members.Checked}.
   */
  public static final String DISCORD_MEMBER_CHECK = "xpbridge.discord.member-check";

  /**
   * Request {@link Members.Presence}, sent by the Discord bot on GUILD_MEMBER_REMOVE / GUILD_MEMBER_ADD:
   * a leaver is hidden from standings and gets no role effects; a returning member gets their roles
   * back at once. Reply {@link Members.Changed}.
   */
  public static final String DISCORD_MEMBER_PRESENCE = "xpbridge.discord.member-presence";

  /**
   * Request {@link Members.Roster}, sent by the Discord bot after each (re)connect: everyone in the
   * guild, so a leave or rejoin missed while it was away is caught. Reply {@link Members.Changed};
   * fail 400 for an empty roster (the bot itself is always in it).
   */
  public static final String DISCORD_GUILD_ROSTER = "xpbridge.discord.guild-roster";

  /** Publish {@link Members.Changed}: someone left or came back; cached standings are forgotten. */
  public static final String DISCORD_MEMBERSHIP_CHANGED = "xpbridge.discord.membership-changed";

  /** Request {@link Admin.Empty}. Run cleanup now. Reply {@link Admin.CleanupReport}; fail(503, reason). */
  public static final String CLEANUP_RUN_NOW = "xpbridge.cleanup.run-now";

  // ---- metrics (published, fire and forget) ----

  /** Publish, once per delivery batch: {@link Reports.Effects} {completed, retrying, waiting, failed}. */
  public static final String METRICS_EFFECTS = "xpbridge.metrics.effects";

  /** Publish, once per reconcile pass: {@link Reports.Reconciled} {players, divergences}. */
  public static final String METRICS_RECONCILE = "xpbridge.metrics.reconcile";

  /** Publish {@link Platforms.ApiError}, by a bot on each failed platform API call. */
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
   * receiver may drop the request instead of doing its work. {@link #EVENTS_SUBMIT} and
   * {@link #EVENTS_SUBMIT_BATCH} honour it.
   */
  public static final String DEADLINE_HEADER = "xpbridge-deadline";

  /** Default time a request over the bus may take before the caller gives up. */
  public static final long REQUEST_TIMEOUT_MS = 10_000;
}
