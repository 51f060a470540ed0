package io.xpbridge.cluster;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.shareddata.AsyncMap;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which nodes are in the cluster and which singleton jobs each runs, for {@code GET /api/v1/cluster}
 * and the bots' readiness. Each node keeps its own entry (name, address, singletons) in a
 * cluster-wide map, keyed by its cluster-manager node id, rewritten whenever its singletons change;
 * readers keep only the entries of nodes the cluster manager counts as members, so a dead node drops
 * out when its membership ends (and its stale entry is removed then). Single node: the same map,
 * local to the process.
 */
public final class ClusterView {
  private static final Logger LOG = LoggerFactory.getLogger(ClusterView.class);
  static final String MAP = "xpbridge.cluster.nodes";

  private final Vertx vertx;
  private final ClusterNode node;
  private Future<Void> lastWrite = Future.succeededFuture();

  public ClusterView(Vertx vertx, ClusterNode node) {
    this.vertx = vertx;
    this.node = node;
  }

  /** Writes this node's entry now and after each change of its singletons. */
  public Future<Void> start() {
    node.onChange(this::publish);
    return publish();
  }

  private synchronized Future<Void> publish() {
    // One write after the other, each with the singletons of its moment: the last one is current.
    lastWrite = lastWrite.transform(ignored -> map()
        .compose(map -> map.put(Membership.selfId(vertx), entry(node.name(), node.address(), node.held())))
        .onFailure(e -> LOG.warn("could not publish this node's singletons to the cluster view: {}", e.getMessage())));
    return lastWrite;
  }

  /** Every live node's entry, this node's first: {name, address, singletons}. */
  public Future<List<JsonObject>> nodes() {
    List<String> live = Membership.liveIds(vertx);
    return map().compose(map -> map.entries().map(entries -> {
      List<JsonObject> nodes = new ArrayList<>();
      for (Map.Entry<String, JsonObject> entry : entries.entrySet()) {
        if (live.contains(entry.getKey())) {
          nodes.add(entry.getValue());
        } else {
          map.remove(entry.getKey());
        }
      }
      if (nodes.stream().noneMatch(n -> node.name().equals(n.getString("name")))) {
        nodes.add(entry(node.name(), node.address(), node.held()));
      }
      nodes.sort(Comparator.comparing((JsonObject n) -> !n.getString("name").equals(node.name()))
          .thenComparing(n -> n.getString("name")));
      return nodes;
    }));
  }

  /** The name of another live node that runs {@code job}, or null. */
  public Future<String> holderElsewhere(SingletonJob job) {
    return nodes().map(nodes -> nodes.stream()
        .filter(n -> !n.getString("name").equals(node.name()))
        .filter(n -> n.getJsonArray("singletons", new JsonArray()).contains(job.wireName()))
        .map(n -> n.getString("name")).findFirst().orElse(null));
  }

  private Future<AsyncMap<String, JsonObject>> map() {
    return vertx.sharedData().getAsyncMap(MAP);
  }

  static JsonObject entry(String name, String address, List<String> singletons) {
    return new JsonObject().put("name", name).put("address", address).put("singletons", new JsonArray(singletons));
  }
}
