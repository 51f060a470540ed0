package io.xpbridge.cluster;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How this process joins a cluster, from the environment (not the config file: it is fixed for the
 * life of the process and differs per node while the config file is shared). Clustered only when
 * {@code XPBRIDGE_CLUSTER_MEMBERS} is set; otherwise one node exactly as before.
 *
 * @param members     {@code host:port} of the cluster manager's members (this node may be among them)
 * @param host        address this node binds and announces for the cluster manager and the event bus
 * @param port        this node's cluster manager port
 * @param eventBusPort event-bus port; 0 picks a free one
 * @param nodeName    name in logs, metrics and {@code GET /api/v1/cluster}
 */
public record ClusterSettings(List<String> members, String host, int port, int eventBusPort, String nodeName) {
  public static final String MEMBERS_ENV = "XPBRIDGE_CLUSTER_MEMBERS";
  public static final String HOST_ENV = "XPBRIDGE_CLUSTER_HOST";
  public static final String PORT_ENV = "XPBRIDGE_CLUSTER_PORT";
  public static final String EVENT_BUS_PORT_ENV = "XPBRIDGE_EVENTBUS_PORT";
  public static final String NODE_NAME_ENV = "XPBRIDGE_NODE_NAME";
  /** Hazelcast's usual port. */
  public static final int DEFAULT_PORT = 5701;

  public static ClusterSettings fromEnv() {
    return from(System.getenv());
  }

  /** Fails with a message naming the variable when one is malformed. */
  public static ClusterSettings from(Map<String, String> env) {
    List<String> members = new ArrayList<>();
    String list = env.getOrDefault(MEMBERS_ENV, "");
    for (String member : list.split(",")) {
      String trimmed = member.trim();
      if (!trimmed.isEmpty()) {
        members.add(trimmed);
      }
    }
    String host = blankToNull(env.get(HOST_ENV));
    if (host == null) {
      host = members.isEmpty() ? "127.0.0.1" : localAddress();
    }
    int port = port(env, PORT_ENV, DEFAULT_PORT);
    int eventBusPort = port(env, EVENT_BUS_PORT_ENV, 0);
    String name = blankToNull(env.get(NODE_NAME_ENV));
    if (name == null) {
      name = members.isEmpty() ? hostName() : hostName() + ":" + port;
    }
    return new ClusterSettings(List.copyOf(members), host, port, eventBusPort, name);
  }

  /** Whether {@code XPBRIDGE_CLUSTER_MEMBERS} was set: otherwise a single node, as before clustering existed. */
  public boolean clustered() {
    return !members.isEmpty();
  }

  private static int port(Map<String, String> env, String key, int fallback) {
    String value = blankToNull(env.get(key));
    if (value == null) {
      return fallback;
    }
    try {
      int port = Integer.parseInt(value);
      if (port < 0 || port > 65_535) {
        throw new NumberFormatException();
      }
      return port;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " must be a port number (0-65535), not '" + value + "'");
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "localhost";
    }
  }

  private static String localAddress() {
    try {
      return InetAddress.getLocalHost().getHostAddress();
    } catch (UnknownHostException e) {
      return "127.0.0.1";
    }
  }
}
