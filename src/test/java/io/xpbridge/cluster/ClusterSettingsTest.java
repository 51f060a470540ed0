package io.xpbridge.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The XPBRIDGE_CLUSTER_* variables, and the Hazelcast configuration made of them. */
class ClusterSettingsTest {

  @Test
  void withoutMembersTheNodeRunsAlone() {
    ClusterSettings settings = ClusterSettings.from(Map.of());
    assertFalse(settings.clustered());
    assertEquals(ClusterSettings.DEFAULT_PORT, settings.port());
    assertEquals(0, settings.eventBusPort(), "any free event-bus port");
  }

  @Test
  void membersHostPortsAndNameAreRead() {
    ClusterSettings settings = ClusterSettings.from(Map.of(
        "XPBRIDGE_CLUSTER_MEMBERS", " 10.0.0.1:5701, 10.0.0.2:5701 ,",
        "XPBRIDGE_CLUSTER_HOST", "10.0.0.2", "XPBRIDGE_CLUSTER_PORT", "5702",
        "XPBRIDGE_EVENTBUS_PORT", "5801", "XPBRIDGE_NODE_NAME", "b"));
    assertTrue(settings.clustered());
    assertEquals(List.of("10.0.0.1:5701", "10.0.0.2:5701"), settings.members());
    assertEquals("10.0.0.2", settings.host());
    assertEquals(5702, settings.port());
    assertEquals(5801, settings.eventBusPort());
    assertEquals("b", settings.nodeName());
  }

  @Test
  void aPortThatIsNoPortIsRefusedNamingTheVariable() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ClusterSettings.from(Map.of(
        "XPBRIDGE_CLUSTER_MEMBERS", "a:5701", "XPBRIDGE_CLUSTER_PORT", "57o1")));
    assertEquals("XPBRIDGE_CLUSTER_PORT must be a port number (0-65535), not '57o1'", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> ClusterSettings.from(Map.of("XPBRIDGE_EVENTBUS_PORT", "70000")));
  }

  @Test
  void hazelcastJoinsOverTcpOnlyWithoutPhoneHomeOnTheGivenPort() {
    Config config = HazelcastSetup.config(ClusterSettings.from(Map.of(
        "XPBRIDGE_CLUSTER_MEMBERS", "127.0.0.1:5701,127.0.0.1:5702", "XPBRIDGE_CLUSTER_HOST", "127.0.0.1",
        "XPBRIDGE_CLUSTER_PORT", "5702", "XPBRIDGE_NODE_NAME", "b")));
    JoinConfig join = config.getNetworkConfig().getJoin();
    assertFalse(join.getMulticastConfig().isEnabled());
    assertFalse(join.getAutoDetectionConfig().isEnabled());
    assertTrue(join.getTcpIpConfig().isEnabled());
    assertEquals(List.of("127.0.0.1:5701", "127.0.0.1:5702"), join.getTcpIpConfig().getMembers());
    assertEquals(5702, config.getNetworkConfig().getPort());
    assertFalse(config.getNetworkConfig().isPortAutoIncrement(), "a taken port is an error, not another port");
    assertEquals("false", config.getProperty("hazelcast.phone.home.enabled"));
    assertFalse(config.getJetConfig().isEnabled());
  }
}
