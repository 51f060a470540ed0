package io.xpbridge.cluster;

/**
 * The jobs that must run on exactly one node of a cluster at a time, each fenced by its own
 * PostgreSQL advisory lock (see {@link Singleton}). Two Telegram pollers split the updates
 * (Telegram answers one of them 409), two Discord sessions both answer every slash command, two
 * reconcile or cleanup timers do the same work twice.
 */
public enum SingletonJob {
  TELEGRAM("telegram", 0x7870_6254L),   // "xpbT"
  DISCORD("discord", 0x7870_6244L),     // "xpbD"
  RECONCILE("reconcile", 0x7870_6252L), // "xpbR"
  CLEANUP("cleanup", 0x7870_6243L);     // "xpbC"

  private final String wireName;
  private final long lockKey;

  SingletonJob(String wireName, long lockKey) {
    this.wireName = wireName;
    this.lockKey = lockKey;
  }

  /** The name in logs, metrics, /health/ready and /api/v1/cluster. */
  public String wireName() {
    return wireName;
  }

  /** Unique among this database's advisory locks (see store.SeasonLock, store.RulesMirrorStore). */
  public long lockKey() {
    return lockKey;
  }
}
