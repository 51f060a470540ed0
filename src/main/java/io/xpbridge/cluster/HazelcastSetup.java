package io.xpbridge.cluster;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.MapConfig;
import com.hazelcast.config.MultiMapConfig;
import com.hazelcast.config.NetworkConfig;

/**
 * Hazelcast configured in code from {@link ClusterSettings}: no cluster.xml is searched for on the
 * classpath, so what runs is what this class says. TCP-IP join with the given members (multicast and
 * cloud auto-detection off: they find strangers on shared networks), no phone-home, and thread pools
 * and partitions sized for a few small nodes, not for a data grid.
 */
final class HazelcastSetup {
  static final String CLUSTER_NAME = "xpbridge";

  private HazelcastSetup() {}

  static Config config(ClusterSettings settings) {
    Config config = new Config();
    config.setClusterName(CLUSTER_NAME);
    config.setInstanceName("xpbridge-" + settings.nodeName().replaceAll("[^A-Za-z0-9_.-]", "_"));
    config.setProperty("hazelcast.phone.home.enabled", "false");
    config.setProperty("hazelcast.logging.type", "slf4j");
    // Vert.x leaves the cluster in its own close; Hazelcast's hook would leave first and strand it.
    config.setProperty("hazelcast.shutdownhook.enabled", "false");
    config.setProperty("hazelcast.local.localAddress", settings.host());
    // A dead member is dropped within ~10 s (the fence is the database's; this is only the view).
    config.setProperty("hazelcast.heartbeat.interval.seconds", "1");
    config.setProperty("hazelcast.max.no.heartbeat.seconds", "10");
    // Members that never answer: start alone after a short try, merge when they appear later.
    config.setProperty("hazelcast.wait.seconds.before.join", "1");
    config.setProperty("hazelcast.max.join.seconds", "10");
    config.setProperty("hazelcast.merge.first.run.delay.seconds", "15");
    config.setProperty("hazelcast.merge.next.run.delay.seconds", "15");
    // Small footprint: the cluster holds a few small maps (event-bus subscriptions, node list).
    config.setProperty("hazelcast.partition.count", "31");
    config.setProperty("hazelcast.operation.thread.count", "2");
    config.setProperty("hazelcast.operation.generic.thread.count", "1");
    config.setProperty("hazelcast.io.thread.count", "1");
    config.setProperty("hazelcast.event.thread.count", "1");
    config.setProperty("hazelcast.client.event.thread.count", "1");
    config.setProperty("hazelcast.health.monitoring.level", "OFF");
    config.getJetConfig().setEnabled(false);

    NetworkConfig network = config.getNetworkConfig();
    network.setPort(settings.port()).setPortAutoIncrement(false);
    network.getRestApiConfig().setEnabled(false);
    JoinConfig join = network.getJoin();
    join.getMulticastConfig().setEnabled(false);
    join.getAutoDetectionConfig().setEnabled(false);
    join.getTcpIpConfig().setEnabled(true).setConnectionTimeoutSeconds(2).setMembers(settings.members());

    // What Vert.x's default-cluster.xml declares for its own structures.
    config.addMultiMapConfig(new MultiMapConfig("__vertx.subs").setBackupCount(1)
        .setValueCollectionType(MultiMapConfig.ValueCollectionType.SET));
    config.addMapConfig(new MapConfig("__vertx.haInfo").setBackupCount(1));
    config.addMapConfig(new MapConfig("__vertx.nodeInfo").setBackupCount(1));
    return config;
  }
}
