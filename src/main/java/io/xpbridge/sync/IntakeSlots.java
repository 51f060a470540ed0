package io.xpbridge.sync;

import io.xpbridge.cluster.Membership;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * How many intake batches this node writes at once: its share of {@code budget}, the number of
 * intake transactions the database should have at once, split evenly among the cluster's live nodes
 * (every node runs an engine), the remainder to the first ones by node id. A single node has the
 * whole budget.
 *
 * <p>Why a budget for the database and not one per node: the concurrency that suits PostgreSQL is a
 * property of PostgreSQL, and every node's engine writes to the same one. With 4 slots on each of
 * two nodes, twice as many, half as large transactions reached it as from one node (1.8 times the
 * transactions per event), and it spent ~7–10 µs more CPU per event on the same rows
 * (bench/README.md, issue 17). A node that receives most of the load still sends batches of up to
 * {@code sync.submitFlushMaxEvents}: fewer slots make its batches larger, not its intake closed.
 *
 * <p>Read on the engine's event loop at each flush, and by the metrics; the membership is looked up
 * at most about once a second (two threads may both look: they compute the same share), so a node
 * that joins or leaves changes the shares within a second of the cluster manager noticing.
 */
final class IntakeSlots implements IntSupplier {
  static final long REFRESH_NANOS = 1_000_000_000L;

  private final int budget;
  private final Supplier<Membership.Place> place;
  private volatile int current;
  private volatile long readAtNanos;

  IntakeSlots(int budget, Supplier<Membership.Place> place) {
    this.budget = budget;
    this.place = place;
    refresh(System.nanoTime());
  }

  @Override
  public int getAsInt() {
    long now = System.nanoTime();
    if (now - readAtNanos >= REFRESH_NANOS) {
      refresh(now);
    }
    return current;
  }

  private void refresh(long now) {
    Membership.Place at = place.get();
    current = share(budget, at.index(), at.count());
    readAtNanos = now;
  }

  /** Node {@code index} of {@code count}'s share of {@code budget}; at least one, so every node takes events. */
  static int share(int budget, int index, int count) {
    int even = budget / count;
    int extra = index < budget % count ? 1 : 0;
    return Math.max(1, even + extra);
  }
}
