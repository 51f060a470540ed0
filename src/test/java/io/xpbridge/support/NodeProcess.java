package io.xpbridge.support;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One node of a test cluster: the real {@code io.xpbridge.Main} in a JVM of its own (the test
 * classpath, a modest heap), clustered through the XPBRIDGE_CLUSTER_* variables, its log in a file.
 * The fakes run in the test JVM; the config file points every node at them and at one database.
 */
public final class NodeProcess implements AutoCloseable {
  private static final Pattern HTTP_PORT = Pattern.compile("xpbridge is running as cluster node \\S+: HTTP on port (\\d+)");
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(2)).build();

  public final String name;
  public final int clusterPort;
  private final Process process;
  private final Path logFile;
  private int httpPort;

  private NodeProcess(String name, int clusterPort, Process process, Path logFile) {
    this.name = name;
    this.clusterPort = clusterPort;
    this.process = process;
    this.logFile = logFile;
  }

  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Writes {@code config} to a file the nodes share. */
  public static Path configFile(JsonObject config) throws IOException {
    Path file = Files.createTempFile("xpbridge-cluster", ".json");
    Files.writeString(file, config.encodePrettily());
    file.toFile().deleteOnExit();
    return file;
  }

  /** A test node: a modest heap, and quick to start rather than fast once warm (C1 only). */
  public static final List<String> TEST_JVM = List.of("-Xmx192m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
      "-Xss512k");

  /** Starts a node; {@code members} are the cluster ports of every node (its own among them). */
  public static NodeProcess start(String name, int clusterPort, List<Integer> members, Path config) throws IOException {
    return start(name, clusterPort, members, config, TEST_JVM);
  }

  public static NodeProcess start(String name, int clusterPort, List<Integer> members, Path config,
      List<String> jvmOptions) throws IOException {
    return start(name, clusterPort, members, config, jvmOptions, List.of());
  }

  /** {@code launcher}: words before the java command (the benchmark's {@code taskset -c 1}), or none. */
  public static NodeProcess start(String name, int clusterPort, List<Integer> members, Path config,
      List<String> jvmOptions, List<String> launcher) throws IOException {
    Path log = Files.createTempFile("xpbridge-node-" + name, ".log");
    List<String> command = new ArrayList<>(launcher);
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), "io.xpbridge.Main", "--config",
        config.toString()));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    Map<String, String> env = builder.environment();
    // The config file alone decides: an inherited DATABASE_URL (the benchmark's server, a developer's
    // shell) would point the node at another database.
    io.xpbridge.config.ConfigLoader.ENV_OVERRIDES.keySet().forEach(env::remove);
    env.remove("XPBRIDGE_CONFIG");
    env.remove(io.xpbridge.config.ConfigLoader.DATA_DIR_ENV);
    env.put("XPBRIDGE_CLUSTER_MEMBERS", String.join(",", members.stream().map(p -> "127.0.0.1:" + p).toList()));
    env.put("XPBRIDGE_CLUSTER_HOST", "127.0.0.1");
    env.put("XPBRIDGE_CLUSTER_PORT", Integer.toString(clusterPort));
    env.put("XPBRIDGE_NODE_NAME", name);
    return new NodeProcess(name, clusterPort, builder.start(), log);
  }

  /** Blocks until the node logged that it runs, and learns its HTTP port. */
  public NodeProcess awaitRunning() {
    Await.until("node " + name + " is running (log " + logFile + ")", () -> {
      if (!process.isAlive()) {
        throw new IllegalStateException("node " + name + " exited " + process.exitValue() + ":\n" + log());
      }
      Matcher m = HTTP_PORT.matcher(log());
      if (m.find()) {
        httpPort = Integer.parseInt(m.group(1));
        return true;
      }
      return false;
    }, Duration.ofSeconds(60));
    return this;
  }

  public String log() {
    try {
      return Files.readString(logFile);
    } catch (IOException e) {
      return "";
    }
  }

  public int httpPort() {
    return httpPort;
  }

  public boolean alive() {
    return process.isAlive();
  }

  /** SIGKILL: no shutdown hook, no goodbye to the cluster; PostgreSQL drops its connections. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  /** SIGTERM, as a rolling restart sends: the node hands its singletons over and exits. */
  public void term() {
    process.destroy();
  }

  public long pid() {
    return process.pid();
  }

  public int exitValue() {
    return process.exitValue();
  }

  public boolean awaitExit(Duration timeout) throws InterruptedException {
    return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  public HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(uri(path)).GET());
  }

  public HttpResponse<String> post(String path, JsonObject body) {
    return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body.encode())));
  }

  /** {@code GET /api/v1/cluster} as this node answers it. */
  public JsonObject cluster() {
    HttpResponse<String> response = get("/api/v1/cluster");
    if (response.statusCode() != 200) {
      throw new IllegalStateException("GET /api/v1/cluster on " + name + ": " + response.statusCode() + " " + response.body());
    }
    return new JsonObject(response.body());
  }

  /** The singleton jobs this node runs, by its own account. */
  public List<String> singletons() {
    JsonObject cluster = cluster();
    for (Object node : cluster.getJsonArray("nodes")) {
      JsonObject entry = (JsonObject) node;
      if (name.equals(entry.getString("name"))) {
        return entry.getJsonArray("singletons").stream().map(String::valueOf).toList();
      }
    }
    return List.of();
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + httpPort + path);
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return HTTP.send(request.header("Authorization", "Bearer " + TestConfig.ADMIN_TOKEN)
          .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException("node " + name + " did not answer " + request.build().uri() + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    process.destroyForcibly();
    try {
      process.waitFor(20, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
