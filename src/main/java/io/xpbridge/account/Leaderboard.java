package io.xpbridge.account;

import io.vertx.core.Future;
import io.xpbridge.store.SeasonStore;
import io.xpbridge.store.StandingsStore;
import java.util.function.LongSupplier;

/**
 * Pages of the running season's and of the lifetime standings. There is no index on players' XP or
 * season XP (it made every applied event dearer; see migration V2), so a read is a sequential scan of
 * the players. The first {@link #HEAD} places of each standing are therefore read at most once per
 * {@link #MAX_AGE_MS} and every page within them (all of /top, the admin API's first pages) is cut
 * from that snapshot: a burst of /top is one scan a second, and no answer is older than a second.
 * Readers that arrive while a read is under way share it. Deeper pages are read as asked. Must be used
 * from one context.
 */
final class Leaderboard {
  static final long MAX_AGE_MS = 1_000;
  /** Places kept per standing: the largest page the admin API serves. */
  static final int HEAD = 100;

  /** A page of the running season's standings, with the season. */
  record SeasonPage(SeasonStore.Season season, StandingsStore.Page page) {}

  private final StandingsStore store;
  private final Snapshot<SeasonPage> currentHead;
  private final Snapshot<StandingsStore.Page> lifetimeHead;

  Leaderboard(StandingsStore store, LongSupplier clockMs) {
    this.store = store;
    this.currentHead = new Snapshot<>(() -> currentPage(HEAD, 0), clockMs, MAX_AGE_MS);
    this.lifetimeHead = new Snapshot<>(() -> store.lifetimePage(HEAD, 0), clockMs, MAX_AGE_MS);
  }

  /** Places {@code offset + 1} to {@code offset + limit} of the running season. */
  Future<SeasonPage> current(int limit, int offset) {
    if (inHead(limit, offset)) {
      return currentHead.get().map(head -> new SeasonPage(head.season(), head.page().slice(offset, limit)));
    }
    return currentPage(limit, offset);
  }

  /** Places {@code offset + 1} to {@code offset + limit} by lifetime XP. */
  Future<StandingsStore.Page> allTime(int limit, int offset) {
    if (inHead(limit, offset)) {
      return lifetimeHead.get().map(head -> head.slice(offset, limit));
    }
    return store.lifetimePage(limit, offset);
  }

  /** A season started or ended, or someone left or rejoined the Discord guild: the snapshots are stale. */
  void forget() {
    currentHead.forget();
    lifetimeHead.forget();
  }

  private static boolean inHead(int limit, int offset) {
    return (long) offset + limit <= HEAD;
  }

  private Future<SeasonPage> currentPage(int limit, int offset) {
    return store.running().compose(running -> {
      SeasonStore.Season season = running.orElseThrow(() -> new IllegalStateException(
          "no season is running (the seasons table has no row in state 'running')"));
      return store.seasonPage(season.id(), limit, offset).map(page -> new SeasonPage(season, page));
    });
  }
}
