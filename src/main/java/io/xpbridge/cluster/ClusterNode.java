package io.xpbridge.cluster;

import io.vertx.core.Vertx;
import io.vertx.core.shareddata.Shareable;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * This process as a member of the cluster: its name, its address, and the singleton jobs it holds
 * right now. One per Vert.x instance; read by /metrics, /health/ready and /api/v1/cluster.
 */
public final class ClusterNode implements Shareable {
  private static final String KEY = "xpbridge.cluster-node";

  private final String name;
  private final String address;
  private final boolean clustered;
  private final Set<String> held = new ConcurrentSkipListSet<>();
  private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

  ClusterNode(String name, String address, boolean clustered) {
    this.name = name;
    this.address = address;
    this.clustered = clustered;
  }

  /** Registers this process's node (once, at start-up). */
  public static ClusterNode register(Vertx vertx, ClusterSettings settings) {
    String address = settings.clustered() ? settings.host() + ":" + settings.port() : "local";
    ClusterNode node = new ClusterNode(settings.nodeName(), address, settings.clustered());
    vertx.sharedData().getLocalMap("xpbridge").put(KEY, node);
    return node;
  }

  /** The node registered for this Vert.x; a single unnamed node when none was (a test deploying one verticle). */
  public static ClusterNode of(Vertx vertx) {
    return (ClusterNode) vertx.sharedData().getLocalMap("xpbridge")
        .computeIfAbsent(KEY, k -> new ClusterNode(ClusterSettings.from(java.util.Map.of()).nodeName(), "local", false));
  }

  public String name() {
    return name;
  }

  public String address() {
    return address;
  }

  public boolean clustered() {
    return clustered;
  }

  /** The singleton jobs this node runs now, by {@link SingletonJob#wireName()}, sorted. */
  public List<String> held() {
    return List.copyOf(held);
  }

  public boolean holds(SingletonJob job) {
    return held.contains(job.wireName());
  }

  void taken(SingletonJob job) {
    if (held.add(job.wireName())) {
      listeners.forEach(Runnable::run);
    }
  }

  void released(SingletonJob job) {
    if (held.remove(job.wireName())) {
      listeners.forEach(Runnable::run);
    }
  }

  /** Called (on any thread) after each change of {@link #held()}. */
  public void onChange(Runnable listener) {
    listeners.add(listener);
  }
}
