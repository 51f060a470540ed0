package io.xpbridge.discord;

import io.xpbridge.domain.Activity;
import java.util.List;

/**
 * A message a member wrote, copied out of JDA's event so it can cross to the Vert.x context.
 *
 * @param parentChannelId the thread's parent channel, or 0 when not in a thread
 * @param createdAtMs     from the message id, so every replay and every instance sees the same time
 * @param avatarUrl       the author's effective avatar (their own or Discord's default), for the public pages
 * @param roleIds         the author's roles in the guild
 */
record MessageActivity(long messageId, long userId, String username, String avatarUrl, long channelId,
    long parentChannelId, long createdAtMs, List<Long> roleIds) {

  MessageActivity {
    roleIds = roleIds == null ? List.of() : List.copyOf(roleIds);
  }

  /** Where it was written, for the multipliers of {@code economy}. */
  Activity activity() {
    return Activity.discordMessage(channelId, parentChannelId == 0 ? null : parentChannelId, roleIds).at(createdAtMs);
  }
}
