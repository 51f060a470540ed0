package io.xpbridge.fake.discord;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A local Discord (REST + gateway websocket, no compression) for one guild, good enough for the
 * real JDA client. Configure the guild, {@link #start()}, point JDA at {@link #restUrl()} and
 * {@link #gatewayUrl()}, then drive it with the helpers (messages, voice, slash commands, hand-made
 * role edits) and inspect what the bot did ({@link #memberRoles}, {@link #restCalls()}).
 *
 * <p>Helpers may be called from any thread; state is guarded by one lock.
 */
public final class FakeDiscord {
  /** How a role call should fail: status 429 (with Retry-After) or a 5xx. */
  record Failure(int status, long retryAfterSeconds) {}

  private record PendingInteraction(long channelId, Promise<InteractionReply> reply) {}

  final Object lock = new Object();
  final AtomicInteger identified = new AtomicInteger();
  final FakeGuild guild;
  JsonArray commands = new JsonArray();

  private final Vertx vertx;
  private final String token = "fake-" + UUID.randomUUID();
  private final long applicationId = Snowflakes.next();
  private final FakeGuild.Member bot;
  private final FakeGateway gateway = new FakeGateway(this);
  private final List<RestCall> restCalls = new CopyOnWriteArrayList<>();
  private final List<Failure> roleFailures = new ArrayList<>();
  private final Map<String, PendingInteraction> interactions = new HashMap<>();
  private final Map<String, JsonObject> callbacks = new HashMap<>();
  private final Set<Long> refusedChannels = new java.util.HashSet<>();
  private final Set<Long> refusedRoles = new java.util.HashSet<>();
  /** Members who left, kept so they can {@link #memberRejoins} under the same user. */
  private final Map<Long, FakeGuild.Member> departed = new HashMap<>();
  /** Messages the bot created: {channel_id, request: the body it sent}. */
  private final List<JsonObject> postedMessages = new ArrayList<>();
  /** Messages created with enforce_nonce, by "channel:nonce", to answer a resend with the same message. */
  private final Map<String, NoncedMessage> messagesByNonce = new HashMap<>();
  /** Channel to how long the answer to the next message created there is held back. */
  private final Map<Long, Long> messageAnswerDelays = new HashMap<>();
  private HttpServer server;

  public FakeDiscord(Vertx vertx) {
    this.vertx = vertx;
    FakeGuild.Member owner = new FakeGuild.Member(Snowflakes.next(), "owner", false);
    this.guild = new FakeGuild(owner.id);
    guild.members.put(owner.id, owner);
    this.bot = new FakeGuild.Member(applicationId, "xpbridge", true);
    guild.members.put(bot.id, bot);
    guild.botUserId = bot.id;
  }

  // ---- configuration (before start) ----

  /** Adds a role at {@code position} (higher is more powerful); returns its id. */
  public long addRole(String name, int position) {
    return addRole(name, position, 0);
  }

  public long addRole(String name, int position, long permissions) {
    synchronized (lock) {
      long id = Snowflakes.next();
      guild.roles.put(id, new FakeGuild.Role(id, name, position, permissions));
      return id;
    }
  }

  /** Gives the bot a role with Manage Roles at {@code position}: it can manage roles below it. */
  public long giveBotManageRoles(int position) {
    long role = addRole("xpbridge bot", position, FakeGuild.PERMISSION_MANAGE_ROLES);
    synchronized (lock) {
      bot.roles.add(role);
    }
    return role;
  }

  public long addTextChannel(String name) {
    return addChannel(name, FakeGuild.Channel.TEXT);
  }

  public long addVoiceChannel(String name) {
    return addChannel(name, FakeGuild.Channel.VOICE);
  }

  /** A text channel where a member overwrite denies the bot Send Messages (JDA sees it and refuses). */
  public long addTextChannelTheBotCannotWriteIn(String name) {
    synchronized (lock) {
      long id = Snowflakes.next();
      guild.channels.put(id, new FakeGuild.Channel(id, name, FakeGuild.Channel.TEXT,
          FakeGuild.PERMISSION_SEND_MESSAGES));
      return id;
    }
  }

  public void setAfkChannel(long channelId) {
    synchronized (lock) {
      guild.afkChannelId = channelId;
    }
  }

  /** Adds a member; after start the bot is told through GUILD_MEMBER_ADD, as in a live guild. */
  public long addMember(String username, long... roleIds) {
    return addUser(username, false, roleIds);
  }

  /** The user picks a new avatar ({@code hash}, null for the default); the bot sees a GUILD_MEMBER_UPDATE. */
  public void setAvatar(long userId, String hash) {
    synchronized (lock) {
      FakeGuild.Member member = member(userId);
      member.avatar = hash;
      if (gateway.hasIdentifiedSession()) {
        gateway.dispatch("GUILD_MEMBER_UPDATE", guild.memberUpdate(member));
      }
    }
  }

  public long addBotMember(String username) {
    return addUser(username, true);
  }

  /** Starts the server on a free loopback port. */
  public Future<Void> start() {
    server = vertx.createHttpServer();
    server.requestHandler(new FakeRest(this).router(vertx));
    server.webSocketHandshakeHandler(gateway::handshake);
    server.webSocketHandler(gateway::accept);
    return server.listen(0, "127.0.0.1").mapEmpty();
  }

  public Future<Void> close() {
    gateway.closeAll();
    return server == null ? Future.succeededFuture() : server.close();
  }

  // ---- addresses and ids ----

  public String restUrl() {
    return "http://127.0.0.1:" + server.actualPort() + "/api/v10/";
  }

  public String gatewayUrl() {
    return "ws://127.0.0.1:" + server.actualPort() + "/gateway";
  }

  public String token() {
    return token;
  }

  public long guildId() {
    return guild.id;
  }

  public long applicationId() {
    return applicationId;
  }

  public long botUserId() {
    return bot.id;
  }

  /** The gateway goes away: open sessions are closed (code 4000, reconnect) and reconnects are refused (503). */
  public void gatewayOutage() {
    gateway.outage();
  }

  /** The gateway accepts connections again (the bot resumes or identifies anew). */
  public void gatewayRecovers() {
    gateway.recover();
  }

  /** A gateway session identified or closed (for handover gaps between two bots, issue 17). */
  public record SessionEvent(String kind, long atNanos) {}

  final java.util.List<SessionEvent> sessionEvents = new java.util.concurrent.CopyOnWriteArrayList<>();
  final java.util.concurrent.atomic.AtomicInteger maxSessionsAtOnce = new java.util.concurrent.atomic.AtomicInteger();

  /** The most gateway sessions that were identified at the same time (Discord: one per bot and shard). */
  public int maxSessionsAtOnce() {
    return maxSessionsAtOnce.get();
  }

  /** Every identify and every close of an identified session, in order. */
  public java.util.List<SessionEvent> sessionEvents() {
    return java.util.List.copyOf(sessionEvents);
  }

  /** How many IDENTIFYs the gateway answered (one per login). */
  public int identifyCount() {
    return identified.get();
  }

  // ---- driving the guild ----

  /** A user writes in a channel; returns the message id. */
  public long sendMessage(long userId, long channelId) {
    synchronized (lock) {
      FakeGuild.Member author = member(userId);
      long messageId = Snowflakes.next();
      JsonObject memberJson = guild.memberJson(author);
      memberJson.remove("user"); // a message carries the member without its user
      JsonObject message = baseMessage(messageId, channelId)
          .put("author", guild.userJson(author))
          .put("member", memberJson);
      gateway.dispatch("MESSAGE_CREATE", message);
      return messageId;
    }
  }

  /** A webhook posts in a channel; returns the message id. */
  public long sendWebhookMessage(long channelId) {
    synchronized (lock) {
      long messageId = Snowflakes.next();
      long webhookId = Snowflakes.next();
      JsonObject message = baseMessage(messageId, channelId)
          .put("webhook_id", FakeGuild.str(webhookId))
          .put("author", new JsonObject().put("id", FakeGuild.str(webhookId)).put("username", "Captain Hook")
              .put("discriminator", "0000").put("avatar", null).put("bot", true));
      gateway.dispatch("MESSAGE_CREATE", message);
      return messageId;
    }
  }

  /** Sends the last dispatched event again (a gateway replay after a resume). */
  public void replayLastDispatch() {
    synchronized (lock) {
      gateway.replayLastDispatch();
    }
  }

  /**
   * Sends the last dispatched event of {@code type} (e.g. "MESSAGE_CREATE") again. Unlike
   * {@link #replayLastDispatch()}, a role echo or voice event dispatched in between cannot take
   * its place.
   */
  public void replayLastDispatch(String type) {
    synchronized (lock) {
      gateway.replayLastDispatch(type);
    }
  }

  /** Connects a user to a voice channel with a new voice session, or moves them keeping it. */
  public void voiceJoin(long userId, long channelId) {
    synchronized (lock) {
      member(userId);
      FakeGuild.VoiceState state = guild.voiceStates.get(userId);
      if (state == null) {
        state = new FakeGuild.VoiceState(userId, channelId);
        guild.voiceStates.put(userId, state);
      }
      state.channelId = channelId;
      gateway.dispatch("VOICE_STATE_UPDATE", guild.voiceStateJson(state, true));
    }
  }

  public void voiceLeave(long userId) {
    synchronized (lock) {
      FakeGuild.VoiceState state = guild.voiceStates.remove(userId);
      if (state != null) {
        state.channelId = 0;
        gateway.dispatch("VOICE_STATE_UPDATE", guild.voiceStateJson(state, true));
      }
    }
  }

  /** The user mutes/deafens themself. */
  public void voiceSelfMute(long userId, boolean muted, boolean deafened) {
    updateVoice(userId, s -> {
      s.selfMute = muted;
      s.selfDeaf = deafened;
    });
  }

  /** A moderator mutes/deafens the user server-wide. */
  public void voiceServerMute(long userId, boolean muted, boolean deafened) {
    updateVoice(userId, s -> {
      s.mute = muted;
      s.deaf = deafened;
    });
  }

  /**
   * A user runs a slash command; completes with what the bot answered (after the deferred
   * original message is edited, if the bot deferred). Options: name to String/Long/Boolean.
   */
  public Future<InteractionReply> invokeSlashCommand(long userId, String name, Map<String, Object> options) {
    return invokeSlashCommand(userId, name, options, "en-US");
  }

  /** As above, from a user whose Discord client speaks {@code locale} (e.g. "ru"). */
  public Future<InteractionReply> invokeSlashCommand(long userId, String name, Map<String, Object> options,
      String locale) {
    synchronized (lock) {
      FakeGuild.Member user = member(userId);
      JsonObject command = findCommand(name);
      long channelId = guild.channels.values().stream()
          .filter(c -> c.type() == FakeGuild.Channel.TEXT).findFirst()
          .orElseThrow(() -> new IllegalStateException("Add a text channel to run slash commands")).id();
      long interactionId = Snowflakes.next();
      String interactionToken = "itk" + UUID.randomUUID().toString().replace("-", "");
      JsonArray optionArray = new JsonArray();
      options.forEach((key, value) -> optionArray.add(new JsonObject()
          .put("name", key).put("type", optionType(value)).put("value", value)));
      JsonObject memberJson = guild.memberJson(user).put("permissions", "0");
      JsonObject interaction = new JsonObject()
          .put("id", FakeGuild.str(interactionId))
          .put("application_id", FakeGuild.str(applicationId))
          .put("type", 2)
          .put("token", interactionToken)
          .put("version", 1)
          .put("guild_id", FakeGuild.str(guild.id))
          .put("guild", new JsonObject().put("id", FakeGuild.str(guild.id)).put("locale", "en-US")
              .put("features", new JsonArray()))
          .put("guild_locale", "en-US")
          .put("locale", locale)
          .put("channel_id", FakeGuild.str(channelId))
          .put("channel", guild.channelJson(guild.channels.get(channelId)))
          .put("member", memberJson)
          .put("app_permissions", "0")
          .put("entitlements", new JsonArray())
          // JDA 6 requires both of these.
          .put("context", 0)
          .put("authorizing_integration_owners", new JsonObject().put("0", FakeGuild.str(guild.id)))
          .put("data", new JsonObject()
              .put("id", command.getString("id"))
              .put("name", name)
              .put("type", 1)
              .put("guild_id", FakeGuild.str(guild.id))
              .put("options", optionArray));
      Promise<InteractionReply> reply = Promise.promise();
      interactions.put(interactionToken, new PendingInteraction(channelId, reply));
      gateway.dispatch("INTERACTION_CREATE", interaction);
      return reply.future();
    }
  }

  /** Role ids the member has right now, as Discord sees it. */
  public Set<Long> memberRoles(long userId) {
    synchronized (lock) {
      return new TreeSet<>(member(userId).roles);
    }
  }

  /** A moderator adds or removes a role in the Discord client (no bot involved). */
  public void setRoleByHand(long userId, long roleId, boolean present) {
    changeMemberRole(userId, roleId, present, false);
  }

  /**
   * The member leaves the guild: GUILD_MEMBER_REMOVE is dispatched (to a connected bot; during a
   * {@link #gatewayOutage} the bot never hears of it) and REST on them answers 404 10007 Unknown Member.
   */
  public void memberLeaves(long userId) {
    synchronized (lock) {
      FakeGuild.Member member = member(userId);
      guild.members.remove(userId);
      departed.put(userId, member);
      gateway.dispatch("GUILD_MEMBER_REMOVE", new JsonObject().put("guild_id", FakeGuild.str(guild.id))
          .put("user", guild.userJson(member)));
    }
  }

  /** A member who left joins again, without any role (as on Discord): GUILD_MEMBER_ADD is dispatched. */
  public void memberRejoins(long userId) {
    synchronized (lock) {
      FakeGuild.Member before = departed.remove(userId);
      if (before == null) {
        throw new IllegalArgumentException("User " + userId + " has not left the fake guild");
      }
      FakeGuild.Member member = new FakeGuild.Member(userId, before.username, before.bot);
      guild.members.put(userId, member);
      gateway.dispatch("GUILD_MEMBER_ADD", guild.memberUpdate(member));
    }
  }

  /**
   * From now on, creating a message in {@code channelId} answers 403 {@code 50013 Missing
   * Permissions}, as Discord does when the bot's permissions there were taken away (the bot's
   * cache may still say it can write).
   */
  public void refuseMessagesIn(long channelId) {
    synchronized (lock) {
      refusedChannels.add(channelId);
    }
  }

  /** Undoes {@link #refuseMessagesIn}. */
  public void allowMessagesIn(long channelId) {
    synchronized (lock) {
      refusedChannels.remove(channelId);
    }
  }

  /**
   * Deletes a channel without dispatching CHANNEL_DELETE, as when the bot's gateway has not heard of
   * the deletion yet: the bot still sees the channel, Discord answers 404 {@code 10003 Unknown Channel}.
   */
  public void deleteChannelWithoutTellingTheBot(long channelId) {
    synchronized (lock) {
      guild.channels.remove(channelId);
    }
  }

  /**
   * The next message the bot creates in {@code channelId} is created (and dispatched) at once, but
   * Discord's answer to it arrives only after {@code delayMs}: a slow or lost reply.
   */
  public void delayNextMessageAnswerIn(long channelId, long delayMs) {
    synchronized (lock) {
      messageAnswerDelays.put(channelId, delayMs);
    }
  }

  /** The bodies of the messages the bot created in {@code channelId} (content, allowed_mentions, ...), oldest first. */
  public List<JsonObject> messagesPostedIn(long channelId) {
    synchronized (lock) {
      return postedMessages.stream().filter(m -> m.getString("channel_id").equals(FakeGuild.str(channelId)))
          .map(m -> m.getJsonObject("request").copy()).toList();
    }
  }

  /**
   * Moves a role to {@code position} in the role list (higher is more powerful) and dispatches
   * GUILD_ROLE_UPDATE, as when an admin drags it in Server Settings > Roles.
   */
  public void moveRole(long roleId, int position) {
    updateRole(roleId, role -> new FakeGuild.Role(role.id(), role.name(), position, role.permissions()));
  }

  /** Sets a role's permissions (a bit set) and dispatches GUILD_ROLE_UPDATE. */
  public void setRolePermissions(long roleId, long permissions) {
    updateRole(roleId, role -> new FakeGuild.Role(role.id(), role.name(), role.position(), permissions));
  }

  /** Grants or takes Manage Roles on every role of the bot (dispatching GUILD_ROLE_UPDATE for each). */
  public void setBotManageRoles(boolean granted) {
    List<Long> botRoles;
    synchronized (lock) {
      botRoles = List.copyOf(bot.roles);
    }
    for (long roleId : botRoles) {
      updateRole(roleId, role -> new FakeGuild.Role(role.id(), role.name(), role.position(), granted
          ? role.permissions() | FakeGuild.PERMISSION_MANAGE_ROLES
          : role.permissions() & ~FakeGuild.PERMISSION_MANAGE_ROLES));
    }
  }

  /**
   * From now on, giving or taking {@code roleId} answers 403 {@code 50013 Missing Permissions} although
   * the role list says the bot may (as when Discord knows better than the bot's cache).
   */
  public void refuseRoleCallsFor(long roleId) {
    synchronized (lock) {
      refusedRoles.add(roleId);
    }
  }

  /** Undoes {@link #refuseRoleCallsFor}. */
  public void allowRoleCallsFor(long roleId) {
    synchronized (lock) {
      refusedRoles.remove(roleId);
    }
  }

  /** The next {@code count} member-role calls answer 429 with a whole-second Retry-After. */
  public void rateLimitNextRoleCalls(int count, long retryAfterSeconds) {
    synchronized (lock) {
      for (int i = 0; i < count; i++) {
        roleFailures.add(new Failure(429, retryAfterSeconds));
      }
    }
  }

  /** The next {@code count} member-role calls answer {@code status} (a 5xx). */
  public void failNextRoleCalls(int count, int status) {
    synchronized (lock) {
      for (int i = 0; i < count; i++) {
        roleFailures.add(new Failure(status, 0));
      }
    }
  }

  public List<RestCall> restCalls() {
    return List.copyOf(restCalls);
  }

  public List<RestCall> restCalls(Predicate<RestCall> filter) {
    return restCalls.stream().filter(filter).toList();
  }

  public JsonArray registeredCommands() {
    synchronized (lock) {
      return commands.copy();
    }
  }

  // ---- used by FakeRest / FakeGateway ----

  JsonObject botUserJson() {
    return guild.userJson(bot).put("verified", true).put("mfa_enabled", false).put("flags", 0);
  }

  void record(RestCall call) {
    restCalls.add(call);
  }

  Failure takeRoleFailure() {
    synchronized (lock) {
      return roleFailures.isEmpty() ? null : roleFailures.remove(0);
    }
  }

  /**
   * Applies a role change and dispatches GUILD_MEMBER_UPDATE (as Discord does; without it JDA's
   * member cache goes stale). Returns the HTTP status Discord would answer.
   */
  int changeMemberRole(long userId, long roleId, boolean add, boolean byBot) {
    synchronized (lock) {
      FakeGuild.Member member = guild.members.get(userId);
      if (member == null) {
        return 404;
      }
      FakeGuild.Role role = guild.roles.get(roleId);
      if (role == null) {
        return 410;
      }
      // Discord's own checks: Manage Roles, then the hierarchy.
      if (byBot && (!guild.canManageRoles(bot.id) || role.position() >= guild.topPosition(bot.id)
          || refusedRoles.contains(roleId))) {
        return 403;
      }
      boolean changed = add ? member.roles.add(roleId) : member.roles.remove(roleId);
      if (changed) {
        gateway.dispatch("GUILD_MEMBER_UPDATE", guild.memberUpdate(member));
      }
      return 204;
    }
  }

  /**
   * The bot creates a message: stored, dispatched back as MESSAGE_CREATE (Discord tells the author's
   * own gateway too) and answered with the message object. Null with the status and Discord error
   * code to answer when the channel is unknown (404, 10003) or refused (403, 50013).
   */
  CreatedMessage createMessage(long channelId, JsonObject request) {
    synchronized (lock) {
      FakeGuild.Channel channel = guild.channels.get(channelId);
      if (channel == null) {
        return new CreatedMessage(null, 404, 10003, "Unknown Channel");
      }
      if (refusedChannels.contains(channelId) || (channel.botDenied() & FakeGuild.PERMISSION_SEND_MESSAGES) != 0) {
        return new CreatedMessage(null, 403, 50013, "Missing Permissions");
      }
      // enforce_nonce: a message sent again with a nonce seen recently in this channel is not created twice.
      String nonceKey = request.getBoolean("enforce_nonce", false) && request.getValue("nonce") != null
          ? channelId + ":" + request.getValue("nonce") : null;
      NoncedMessage earlier = nonceKey == null ? null : messagesByNonce.get(nonceKey);
      if (earlier != null && System.currentTimeMillis() - earlier.createdAtMs() < NONCE_WINDOW_MS) {
        return new CreatedMessage(earlier.message().copy(), 200, 0, null);
      }
      JsonObject message = baseMessage(Snowflakes.next(), channelId)
          .put("author", botUserJson())
          .put("content", request.getString("content", ""))
          .put("mentions", mentionedUsers(request))
          .put("tts", request.getBoolean("tts", false))
          .put("flags", request.getInteger("flags", 0));
      if (request.containsKey("nonce")) {
        message.put("nonce", request.getValue("nonce"));
      }
      postedMessages.add(new JsonObject().put("channel_id", FakeGuild.str(channelId)).put("request", request.copy()));
      gateway.dispatch("MESSAGE_CREATE", message.copy().put("member", botMemberWithoutUser()));
      if (nonceKey != null) {
        messagesByNonce.put(nonceKey, new NoncedMessage(message.copy(), System.currentTimeMillis()));
      }
      return new CreatedMessage(message, 200, 0, null);
    }
  }

  record CreatedMessage(JsonObject message, int status, int errorCode, String error) {}

  private record NoncedMessage(JsonObject message, long createdAtMs) {}

  /** As Discord: a nonce is remembered for a few minutes. */
  static final long NONCE_WINDOW_MS = 5 * 60 * 1000L;

  long takeMessageAnswerDelay(long channelId) {
    synchronized (lock) {
      Long delay = messageAnswerDelays.remove(channelId);
      return delay == null ? 0 : delay;
    }
  }

  /** The users of {@code <@id>} mentions in the content that allowed_mentions lets through, as user objects. */
  private JsonArray mentionedUsers(JsonObject request) {
    JsonObject allowed = request.getJsonObject("allowed_mentions");
    JsonArray parse = allowed == null ? new JsonArray().add("users") : allowed.getJsonArray("parse", new JsonArray());
    JsonArray users = allowed == null ? new JsonArray() : allowed.getJsonArray("users", new JsonArray());
    JsonArray mentions = new JsonArray();
    java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("<@!?(\\d+)>")
        .matcher(request.getString("content", ""));
    Set<String> seen = new java.util.HashSet<>();
    while (matcher.find()) {
      String id = matcher.group(1);
      FakeGuild.Member member = guild.members.get(Long.parseUnsignedLong(id));
      if (member != null && seen.add(id) && (parse.contains("users") || users.contains(id))) {
        mentions.add(guild.userJson(member));
      }
    }
    return mentions;
  }

  private JsonObject botMemberWithoutUser() {
    JsonObject member = guild.memberJson(bot);
    member.remove("user");
    return member;
  }

  boolean onInteractionCallback(String interactionToken, JsonObject body) {
    synchronized (lock) {
      PendingInteraction pending = interactions.get(interactionToken);
      if (pending == null || callbacks.containsKey(interactionToken)) {
        return false;
      }
      callbacks.put(interactionToken, body);
      int type = body.getInteger("type", 0);
      if (type != 5 && type != 6) {
        interactions.remove(interactionToken);
        pending.reply().tryComplete(new InteractionReply(body, null));
      }
      return true;
    }
  }

  JsonObject onOriginalEdited(String interactionToken, JsonObject body) {
    synchronized (lock) {
      PendingInteraction pending = interactions.remove(interactionToken);
      JsonObject callback = callbacks.get(interactionToken);
      if (pending == null || callback == null) {
        return null;
      }
      JsonObject message = FakeRest.messageJson(this, pending.channelId(), body);
      pending.reply().tryComplete(new InteractionReply(callback, body));
      return message;
    }
  }

  JsonObject onFollowup(String interactionToken, JsonObject body) {
    synchronized (lock) {
      PendingInteraction pending = interactions.remove(interactionToken);
      JsonObject callback = callbacks.get(interactionToken);
      if (callback == null) {
        return null;
      }
      if (pending != null) {
        pending.reply().tryComplete(new InteractionReply(callback, body));
      }
      return FakeRest.messageJson(this, pending == null ? 0 : pending.channelId(), body);
    }
  }

  // ---- internals ----

  private long addChannel(String name, int type) {
    synchronized (lock) {
      long id = Snowflakes.next();
      guild.channels.put(id, new FakeGuild.Channel(id, name, type));
      return id;
    }
  }

  private long addUser(String username, boolean isBot, long... roleIds) {
    synchronized (lock) {
      FakeGuild.Member member = new FakeGuild.Member(Snowflakes.next(), username, isBot);
      for (long roleId : roleIds) {
        member.roles.add(roleId);
      }
      guild.members.put(member.id, member);
      if (gateway.hasIdentifiedSession()) {
        // Someone joined a live guild: Discord tells connected bots (GUILD_MEMBERS intent).
        gateway.dispatch("GUILD_MEMBER_ADD", guild.memberUpdate(member));
      }
      return member.id;
    }
  }

  private FakeGuild.Member member(long userId) {
    FakeGuild.Member member = guild.members.get(userId);
    if (member == null) {
      throw new IllegalArgumentException("No member " + userId + " in the fake guild");
    }
    return member;
  }

  private void updateRole(long roleId, java.util.function.UnaryOperator<FakeGuild.Role> change) {
    synchronized (lock) {
      FakeGuild.Role role = guild.roles.get(roleId);
      if (role == null) {
        throw new IllegalArgumentException("No role " + roleId + " in the fake guild");
      }
      FakeGuild.Role changed = change.apply(role);
      guild.roles.put(roleId, changed);
      gateway.dispatch("GUILD_ROLE_UPDATE", new JsonObject().put("guild_id", FakeGuild.str(guild.id))
          .put("role", guild.roleJson(changed)));
    }
  }

  private void updateVoice(long userId, java.util.function.Consumer<FakeGuild.VoiceState> change) {
    synchronized (lock) {
      FakeGuild.VoiceState state = guild.voiceStates.get(userId);
      if (state == null) {
        throw new IllegalStateException("User " + userId + " is not in a voice channel");
      }
      change.accept(state);
      gateway.dispatch("VOICE_STATE_UPDATE", guild.voiceStateJson(state, true));
    }
  }

  private JsonObject findCommand(String name) {
    for (Object o : commands) {
      JsonObject command = (JsonObject) o;
      if (name.equals(command.getString("name"))) {
        return command;
      }
    }
    throw new IllegalStateException("The bot has not registered /" + name + " (registered: " + commands + ")");
  }

  private JsonObject baseMessage(long messageId, long channelId) {
    return new JsonObject()
        .put("id", FakeGuild.str(messageId))
        .put("type", 0)
        .put("guild_id", FakeGuild.str(guild.id))
        .put("channel_id", FakeGuild.str(channelId))
        .put("content", "")
        .put("timestamp", Instant.now().toString())
        .put("edited_timestamp", null)
        .put("tts", false)
        .put("mention_everyone", false)
        .put("mentions", new JsonArray())
        .put("mention_roles", new JsonArray())
        .put("attachments", new JsonArray())
        .put("embeds", new JsonArray())
        .put("components", new JsonArray())
        .put("pinned", false)
        .put("flags", 0);
  }

  private static int optionType(Object value) {
    if (value instanceof Boolean) {
      return 5;
    }
    if (value instanceof Number) {
      return 4;
    }
    return 3;
  }
}
