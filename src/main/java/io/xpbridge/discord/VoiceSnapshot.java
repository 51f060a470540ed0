package io.xpbridge.discord;

import java.util.List;
import net.dv8tion.jda.api.entities.GuildVoiceState;
import net.dv8tion.jda.api.entities.Member;

/**
 * One member's voice state copied out of JDA, so it can cross to the Vert.x context.
 *
 * @param channelId 0 when the member is not connected
 * @param roleIds   the member's roles, for the role multipliers of {@code economy}
 * @param sessionId Discord's voice session id: stable while the member stays connected
 *                  (also across channel moves), new for a new connection
 */
record VoiceSnapshot(long userId, String username, boolean bot, long channelId, String sessionId,
    boolean selfMuted, boolean selfDeafened, boolean serverMuted, boolean serverDeafened, List<Long> roleIds) {

  VoiceSnapshot {
    roleIds = roleIds == null ? List.of() : List.copyOf(roleIds);
  }

  /** A member without roles (tests). */
  VoiceSnapshot(long userId, String username, boolean bot, long channelId, String sessionId, boolean selfMuted,
      boolean selfDeafened, boolean serverMuted, boolean serverDeafened) {
    this(userId, username, bot, channelId, sessionId, selfMuted, selfDeafened, serverMuted, serverDeafened, List.of());
  }

  static VoiceSnapshot of(Member member) {
    GuildVoiceState state = member.getVoiceState();
    boolean connected = state != null && state.getChannel() != null;
    return new VoiceSnapshot(
        member.getIdLong(),
        member.getUser().getName(),
        member.getUser().isBot(),
        connected ? state.getChannel().getIdLong() : 0,
        connected ? state.getSessionId() : null,
        connected && state.isSelfMuted(),
        connected && state.isSelfDeafened(),
        connected && state.isGuildMuted(),
        connected && state.isGuildDeafened(),
        member.getRoles().stream().map(role -> role.getIdLong()).toList());
  }

  boolean connected() {
    return channelId != 0;
  }

  boolean silenced() {
    return selfMuted || selfDeafened || serverMuted || serverDeafened;
  }
}
