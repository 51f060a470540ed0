package io.xpbridge.bench;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.xpbridge.config.DatabaseUrl;
import io.xpbridge.support.Await;
import io.xpbridge.support.NodeProcess;
import io.xpbridge.support.Sql;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Scenario (issue 17): the same HTTP batch load ({@code POST /api/v1/events/batch}, 100 events per
 * request, 8 keep-alive clients) against one clustered node and against two, each node the real
 * {@code Main} in a JVM of its own ({@link NodeProcess}) with the Docker image's JVM options, on one
 * database, the clients spread evenly over the nodes. The nodes start cold (no warm-up run: the
 * events would be duplicates). Also each node's idle RSS, 10 s after it started.
 */
final class ClusterScenario {
  static final int CLIENTS = 8;
  static final int PER_REQUEST = 100;
  static final long IDLE_MS = 10_000;
  /** What docker/Dockerfile runs the service with. */
  static final List<String> NODE_JVM = List.of("-Xms64m", "-Xmx256m", "-XX:+UseSerialGC");

  private ClusterScenario() {}

  static JsonObject run(BenchDatabase databases, int nodes, int events, int players, Consumer<JsonObject> adjust)
      throws Exception {
    DatabaseUrl db = databases.create("cluster");
    Sql sql = new Sql(db);
    List<NodeProcess> started = new ArrayList<>();
    try {
      Seed.players(sql, players, "0", 1);
      Seed.analyze(sql);
      JsonObject config = BenchEngine.config(db, adjust);
      config.getJsonObject("http").put("adminToken", HttpIngressScenario.TOKEN);
      Path file = NodeProcess.configFile(config);
      List<Integer> members = new ArrayList<>();
      for (int i = 0; i < nodes; i++) {
        members.add(NodeProcess.freePort());
      }
      for (int i = 0; i < nodes; i++) {
        started.add(NodeProcess.start("bench-" + (i + 1), members.get(i), members, file, NODE_JVM).awaitRunning());
      }
      Thread.sleep(IDLE_MS);
      JsonArray idleRss = new JsonArray();
      started.forEach(node -> idleRss.add(Stats.round(Machine.rssMb(Long.toString(node.pid())))));
      Vertx client = Vertx.vertx();
      try {
        JsonObject result = HttpIngressScenario.measure(client, started.stream().map(NodeProcess::httpPort).toList(),
            events, players, CLIENTS, PER_REQUEST, sql);
        JsonArray busyRss = new JsonArray();
        started.forEach(node -> busyRss.add(Stats.round(Machine.rssMb(Long.toString(node.pid())))));
        // The harness's own CPU says nothing about the nodes' here.
        result.remove("jvmCpuMicrosPerEvent");
        return result.put("nodes", nodes).put("nodeJvm", String.join(" ", NODE_JVM))
            .put("idleRssMb", idleRss).put("rssAfterLoadMb", busyRss);
      } finally {
        Await.result(client.close());
      }
    } finally {
      started.forEach(NodeProcess::close);
      databases.drop(db);
    }
  }
}
