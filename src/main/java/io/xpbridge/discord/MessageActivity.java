package io.xpbridge.discord;

/**
 * A message a member wrote, copied out of JDA's event so it can cross to the Vert.x context.
 *
 * @param parentChannelId the thread's parent channel, or 0 when not in a thread
 * @param createdAtMs     from the message id, so every replay and every instance sees the same time
 */
record MessageActivity(long messageId, long userId, String username, long channelId, long parentChannelId,
    long createdAtMs) {}
