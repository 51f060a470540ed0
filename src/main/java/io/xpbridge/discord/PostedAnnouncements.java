package io.xpbridge.discord;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which announcement effects (season results, a member's rank-up) the bot has already posted, by eventId, so a resend of the same
 * effect (the engine sends it again when our answer did not reach it within
 * {@code sync.effectTimeoutMs}, or an admin requeues it) is acknowledged without a second post.
 *
 * <p>Kept in memory for {@link #REMEMBER_MS} (at most {@link #MAX_ENTRIES}): season results are a
 * handful of messages per season, and the engine's retries of one effect are over within minutes
 * (backoff capped at {@code sync.retryBackoffMaxMs}, {@code sync.maxRetries} tries), so a day
 * covers them and an admin's requeue on the same day. What it cannot cover: a restart of the
 * service between Discord accepting the post and the engine recording the answer (the record is
 * gone, the effect is posted again), as with a Telegram message. Event-loop only.
 */
final class PostedAnnouncements {
  static final long REMEMBER_MS = 24 * 60 * 60 * 1000L;
  static final int MAX_ENTRIES = 1_000;

  /** eventId to when it was posted, oldest first. */
  private final Map<Long, Long> postedAtMs = new LinkedHashMap<>();

  boolean wasPosted(long eventId, long nowMs) {
    forgetOld(nowMs);
    return postedAtMs.containsKey(eventId);
  }

  void posted(long eventId, long nowMs) {
    forgetOld(nowMs);
    postedAtMs.remove(eventId);
    postedAtMs.put(eventId, nowMs);
    if (postedAtMs.size() > MAX_ENTRIES) {
      Iterator<Long> oldest = postedAtMs.keySet().iterator();
      oldest.next();
      oldest.remove();
    }
  }

  private void forgetOld(long nowMs) {
    Iterator<Map.Entry<Long, Long>> entries = postedAtMs.entrySet().iterator();
    while (entries.hasNext() && nowMs - entries.next().getValue() > REMEMBER_MS) {
      entries.remove();
    }
  }
}
