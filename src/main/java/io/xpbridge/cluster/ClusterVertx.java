package io.xpbridge.cluster;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxBuilder;
import io.vertx.core.VertxOptions;
import io.vertx.core.internal.VertxInternal;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the clustered Vert.x: Hazelcast ({@link HazelcastSetup}) as cluster manager, the event bus
 * on this node's host and {@code XPBRIDGE_EVENTBUS_PORT} (any free port when unset). A member list
 * naming nodes that never come up is not an error: the node starts alone, says so, and the others
 * join it (or merge with it) when they appear.
 */
public final class ClusterVertx {
  private static final Logger LOG = LoggerFactory.getLogger(ClusterVertx.class);

  private ClusterVertx() {}

  public static Future<Vertx> build(VertxBuilder builder, VertxOptions options, ClusterSettings settings) {
    options.getEventBusOptions().setHost(settings.host()).setPort(settings.eventBusPort());
    HazelcastClusterManager manager = new HazelcastClusterManager(HazelcastSetup.config(settings));
    LOG.info("node {} joining the cluster as {}:{} (members {}, event bus port {})", settings.nodeName(),
        settings.host(), settings.port(), settings.members(),
        settings.eventBusPort() == 0 ? "any free" : settings.eventBusPort());
    return builder.with(options).withClusterManager(manager).buildClustered()
        .recover(failure -> Future.failedFuture(new IllegalStateException("cannot start the cluster manager on "
            + settings.host() + ":" + settings.port() + " (" + ClusterSettings.PORT_ENV + "): " + rootMessage(failure)
            + " — is another process using that port?", failure)))
        .onSuccess(vertx -> tellMembers(vertx, settings));
  }

  private static void tellMembers(Vertx vertx, ClusterSettings settings) {
    List<String> nodes = ((VertxInternal) vertx).clusterManager().getNodes();
    if (nodes.size() <= 1) {
      LOG.warn("node {}: no other member of {} answered ({}); running alone until they come up",
          settings.nodeName(), ClusterSettings.MEMBERS_ENV, settings.members());
    } else {
      LOG.info("node {} joined a cluster of {} nodes", settings.nodeName(), nodes.size());
    }
  }

  static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.toString() : root.getMessage();
  }
}
