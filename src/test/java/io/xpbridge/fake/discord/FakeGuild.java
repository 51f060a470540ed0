package io.xpbridge.fake.discord;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The state of the one guild the fake serves, and its gateway payloads. Not thread-safe on its
 * own: {@link FakeDiscord} guards every access with its lock.
 *
 * <p>Payload details matter: JDA silently waits (about 75 s) for a guild whose GUILD_CREATE it
 * does not like. See docs/field-notes.md, "Discord".
 */
final class FakeGuild {
  static final long PERMISSION_ADMINISTRATOR = 1L << 3;
  static final long PERMISSION_MANAGE_ROLES = 1L << 28;
  static final long PERMISSION_VIEW_CHANNEL = 1L << 10;
  static final long PERMISSION_SEND_MESSAGES = 1L << 11;
  static final long PERMISSION_READ_MESSAGE_HISTORY = 1L << 16;
  /** What @everyone may do in a new Discord server, as far as a bot like ours cares: see and write. */
  static final long EVERYONE_PERMISSIONS =
      PERMISSION_VIEW_CHANNEL | PERMISSION_SEND_MESSAGES | PERMISSION_READ_MESSAGE_HISTORY;

  record Role(long id, String name, int position, long permissions) {}

  /** {@code botDenied}: permissions a member overwrite takes from the bot in this channel (0: none). */
  record Channel(long id, String name, int type, long botDenied) {
    static final int TEXT = 0;
    static final int VOICE = 2;

    Channel(long id, String name, int type) {
      this(id, name, type, 0);
    }
  }

  static final class Member {
    final long id;
    final String username;
    final boolean bot;
    final Set<Long> roles = new LinkedHashSet<>();
    final String joinedAt = Instant.now().toString();
    /** The user's avatar hash; null for Discord's default avatar. */
    String avatar;

    Member(long id, String username, boolean bot) {
      this.id = id;
      this.username = username;
      this.bot = bot;
    }
  }

  static final class VoiceState {
    final long userId;
    long channelId;
    final String sessionId = UUID.randomUUID().toString().replace("-", "");
    boolean selfMute;
    boolean selfDeaf;
    boolean mute;
    boolean deaf;

    VoiceState(long userId, long channelId) {
      this.userId = userId;
      this.channelId = channelId;
    }
  }

  final long id = Snowflakes.next();
  final long ownerId;
  final Map<Long, Role> roles = new LinkedHashMap<>();
  final Map<Long, Channel> channels = new LinkedHashMap<>();
  final Map<Long, Member> members = new LinkedHashMap<>();
  final Map<Long, VoiceState> voiceStates = new LinkedHashMap<>();
  Long afkChannelId;
  /** Whom a channel's {@code botDenied} overwrite names. */
  long botUserId;

  FakeGuild(long ownerId) {
    this.ownerId = ownerId;
    roles.put(id, new Role(id, "@everyone", 0, EVERYONE_PERMISSIONS));
  }

  JsonObject guildCreate() {
    JsonArray memberArray = new JsonArray();
    members.values().forEach(m -> memberArray.add(memberJson(m)));
    JsonArray voiceArray = new JsonArray();
    voiceStates.values().forEach(v -> voiceArray.add(voiceStateJson(v, false)));
    JsonArray channelArray = new JsonArray();
    channels.values().forEach(c -> channelArray.add(channelJson(c)));
    JsonArray roleArray = new JsonArray();
    roles.values().forEach(r -> roleArray.add(roleJson(r)));
    return new JsonObject()
        .put("id", str(id))
        .put("name", "Fake guild")
        .put("icon", null)
        .put("owner_id", str(ownerId))
        .put("afk_channel_id", afkChannelId == null ? null : str(afkChannelId))
        .put("afk_timeout", 300) // JDA only accepts 60/300/900/1800/3600
        .put("verification_level", 0)
        .put("default_message_notifications", 0)
        .put("explicit_content_filter", 0)
        .put("mfa_level", 0)
        .put("nsfw_level", 0)
        .put("premium_tier", 0)
        .put("premium_progress_bar_enabled", false)
        .put("system_channel_flags", 0)
        .put("preferred_locale", "en-US")
        .put("joined_at", Instant.now().toString())
        .put("large", false)
        .put("unavailable", false)
        // Must equal the members sent, or JDA asks for chunks and waits.
        .put("member_count", members.size())
        .put("features", new JsonArray())
        .put("roles", roleArray)
        .put("emojis", new JsonArray())
        .put("stickers", new JsonArray())
        .put("soundboard_sounds", new JsonArray())
        .put("channels", channelArray)
        .put("threads", new JsonArray())
        .put("members", memberArray)
        .put("voice_states", voiceArray)
        .put("presences", new JsonArray())
        .put("stage_instances", new JsonArray())
        .put("guild_scheduled_events", new JsonArray());
  }

  JsonObject roleJson(Role role) {
    return new JsonObject()
        .put("id", str(role.id()))
        .put("name", role.name())
        .put("color", 0)
        .put("colors", new JsonObject().put("primary_color", 0))
        .put("hoist", false)
        .put("position", role.position())
        .put("permissions", Long.toString(role.permissions()))
        .put("managed", false)
        .put("mentionable", false)
        .put("flags", 0);
  }

  JsonObject channelJson(Channel channel) {
    JsonArray overwrites = new JsonArray();
    if (channel.botDenied() != 0) {
      overwrites.add(new JsonObject().put("id", str(botUserId)).put("type", 1)
          .put("allow", "0").put("deny", Long.toString(channel.botDenied())));
    }
    JsonObject json = new JsonObject()
        .put("id", str(channel.id()))
        .put("type", channel.type())
        .put("guild_id", str(id))
        .put("name", channel.name())
        .put("position", 0)
        .put("permission_overwrites", overwrites)
        .put("nsfw", false)
        .put("parent_id", null)
        .put("rate_limit_per_user", 0);
    if (channel.type() == Channel.VOICE) {
      json.put("bitrate", 64000).put("user_limit", 0).put("rtc_region", null);
    } else {
      json.put("topic", null).put("last_message_id", null);
    }
    return json;
  }

  JsonObject userJson(Member member) {
    return new JsonObject()
        .put("id", str(member.id))
        .put("username", member.username)
        .put("discriminator", "0")
        .put("global_name", member.username)
        .put("avatar", member.avatar)
        .put("bot", member.bot)
        .put("public_flags", 0);
  }

  JsonObject memberJson(Member member) {
    JsonArray roleIds = new JsonArray();
    member.roles.forEach(r -> roleIds.add(str(r)));
    return new JsonObject()
        .put("user", userJson(member))
        .put("nick", null)
        .put("avatar", null)
        .put("roles", roleIds)
        .put("joined_at", member.joinedAt)
        .put("premium_since", null)
        .put("deaf", false)
        .put("mute", false)
        .put("flags", 0)
        .put("pending", false)
        .put("communication_disabled_until", null);
  }

  /** GUILD_MEMBER_UPDATE body: the member plus guild_id. */
  JsonObject memberUpdate(Member member) {
    return memberJson(member).put("guild_id", str(id));
  }

  /**
   * A voice state. Inside GUILD_CREATE it carries neither guild_id nor member; as a
   * VOICE_STATE_UPDATE dispatch it needs both (JDA drops one without member).
   */
  JsonObject voiceStateJson(VoiceState state, boolean asDispatch) {
    JsonObject json = new JsonObject()
        .put("user_id", str(state.userId))
        .put("channel_id", state.channelId == 0 ? null : str(state.channelId))
        .put("session_id", state.sessionId)
        .put("self_mute", state.selfMute)
        .put("self_deaf", state.selfDeaf)
        .put("mute", state.mute)
        .put("deaf", state.deaf)
        .put("suppress", false)
        .put("self_video", false)
        .put("self_stream", false)
        .put("request_to_speak_timestamp", null);
    if (asDispatch) {
      json.put("guild_id", str(id)).put("member", memberJson(members.get(state.userId)));
    }
    return json;
  }

  /** Highest role position of a member, as Discord's hierarchy check sees it. */
  int topPosition(long memberId) {
    Member member = members.get(memberId);
    if (member == null) {
      return 0;
    }
    return member.roles.stream().map(roles::get).filter(r -> r != null)
        .mapToInt(Role::position).max().orElse(0);
  }

  /** Manage Roles (or Administrator) from any of the member's roles or @everyone; the owner may anyway. */
  boolean canManageRoles(long memberId) {
    Member member = members.get(memberId);
    if (member == null) {
      return false;
    }
    if (memberId == ownerId) {
      return true;
    }
    long permissions = roles.get(id).permissions();
    for (long roleId : member.roles) {
      Role role = roles.get(roleId);
      permissions |= role == null ? 0 : role.permissions();
    }
    return (permissions & (PERMISSION_MANAGE_ROLES | PERMISSION_ADMINISTRATOR)) != 0;
  }

  static String str(long id) {
    return Long.toUnsignedString(id);
  }
}
