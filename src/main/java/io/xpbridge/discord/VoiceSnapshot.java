package io.xpbridge.discord;

import net.dv8tion.jda.api.entities.GuildVoiceState;
import net.dv8tion.jda.api.entities.Member;

/**
 * One member's voice state copied out of JDA, so it can cross to the Vert.x context.
 *
 * @param channelId 0 when the member is not connected
 * @param sessionId Discord's voice session id: stable while the member stays connected
 *                  (also across channel moves), new for a new connection
 */
record VoiceSnapshot(long userId, String username, boolean bot, long channelId, String sessionId,
    boolean selfMuted, boolean selfDeafened, boolean serverMuted, boolean serverDeafened) {

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
        connected && state.isGuildDeafened());
  }

  boolean connected() {
    return channelId != 0;
  }

  boolean silenced() {
    return selfMuted || selfDeafened || serverMuted || serverDeafened;
  }
}
