package io.xpbridge.sync;

import io.vertx.core.Vertx;
import io.vertx.core.shareddata.Shareable;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntSupplier;

/**
 * How many submits wait in this process's engines for a batch slot, against how many they may hold
 * ({@code sync.maxWaitingSubmits} each). Read by the stats, the metrics and the readiness check; one
 * per Vert.x instance, shared by its engine instances.
 */
public final class IntakeLoad implements Shareable {
  private static final String KEY = "xpbridge.intake-load";

  private record Engine(IntSupplier waiting, IntSupplier capacity, IntSupplier slots) {}

  private final Map<String, Engine> engines = new ConcurrentHashMap<>();

  public static IntakeLoad of(Vertx vertx) {
    return (IntakeLoad) vertx.sharedData().getLocalMap("xpbridge").computeIfAbsent(KEY, k -> new IntakeLoad());
  }

  void register(String engineId, IntSupplier waiting, IntSupplier capacity, IntSupplier slots) {
    engines.put(engineId, new Engine(waiting, capacity, slots));
  }

  void unregister(String engineId) {
    engines.remove(engineId);
  }

  /** Submits waiting in all engines of this process. */
  public int waiting() {
    return engines.values().stream().mapToInt(e -> e.waiting().getAsInt()).sum();
  }

  public int capacity() {
    return engines.values().stream().mapToInt(e -> e.capacity().getAsInt()).sum();
  }

  /** Intake batches this process's engines may have in flight now: their share of the cluster's budget. */
  public int slots() {
    return engines.values().stream().mapToInt(e -> e.slots().getAsInt()).sum();
  }

  /** Saturated when the waiting submits fill nine tenths of the room: new ones are about to be turned away. */
  public boolean saturated() {
    int capacity = capacity();
    return capacity > 0 && waiting() * 10L >= capacity * 9L;
  }
}
