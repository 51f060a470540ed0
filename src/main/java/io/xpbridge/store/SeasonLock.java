package io.xpbridge.store;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;

/**
 * What makes a season rollover exact without stopping the engine for its whole length. Every
 * transaction that changes the ledger holds this lock shared before it reads the running season
 * (with the players it locks); the rollover's flip takes it exclusively, so it waits for the writes
 * in flight and holds up new ones only while it switches seasons (milliseconds). Every XP change
 * therefore counts wholly for the season before the flip or wholly for the one after, and the
 * archive that follows reads final figures. An advisory lock, not a row lock on the seasons row:
 * shared row locks from many writers would create a multixact each time two of them overlap.
 */
public final class SeasonLock {
  /** Any constant unique among the advisory locks of this database; "xpbs" in ASCII. */
  static final long KEY = 0x7870_6273L;
  /** The running season's id, as a scalar subquery for the statements that lock players. */
  static final String RUNNING_SEASON = "(SELECT id FROM seasons WHERE state = 'running')";
  static final String HOLD_SHARED = "SELECT pg_advisory_xact_lock_shared(" + KEY + ")";
  static final String HOLD_EXCLUSIVE = "SELECT pg_advisory_xact_lock(" + KEY + ")";

  private SeasonLock() {}

  /**
   * Held until the transaction ends. Send it before the statement that reads the running season (it
   * may go in the same round trip: the next statement's snapshot is taken after the lock is granted).
   */
  public static Future<Void> holdShared(SqlConnection conn) {
    return conn.query(HOLD_SHARED).execute().mapEmpty();
  }

  static Future<Void> holdExclusive(SqlConnection conn) {
    return conn.query(HOLD_EXCLUSIVE).execute().mapEmpty();
  }
}
