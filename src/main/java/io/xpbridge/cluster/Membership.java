package io.xpbridge.cluster;

import io.vertx.core.Vertx;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.spi.cluster.ClusterManager;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The cluster manager's members as this process sees them right now: their ids, this node's id, and
 * this node's place among them. A process that is not clustered is the single member {@code local}.
 */
public final class Membership {
  static final String LOCAL = "local";

  /** {@code index}: this node's position among the {@code count} live members, ordered by node id. */
  public record Place(int index, int count) {}

  private Membership() {}

  /** Cheap (the cluster manager's local member list): fine to call every second. */
  public static Place place(Vertx vertx) {
    List<String> members = new ArrayList<>(liveIds(vertx));
    Collections.sort(members);
    int index = members.indexOf(selfId(vertx));
    // Not (or no longer) a member in its own view, as while it rejoins: it counts itself in.
    return index < 0 ? new Place(members.size(), members.size() + 1) : new Place(index, members.size());
  }

  static List<String> liveIds(Vertx vertx) {
    ClusterManager manager = clusterManager(vertx);
    return manager == null ? List.of(LOCAL) : manager.getNodes();
  }

  static String selfId(Vertx vertx) {
    ClusterManager manager = clusterManager(vertx);
    return manager == null ? LOCAL : manager.getNodeId();
  }

  private static ClusterManager clusterManager(Vertx vertx) {
    return vertx instanceof VertxInternal internal ? internal.clusterManager() : null;
  }
}
