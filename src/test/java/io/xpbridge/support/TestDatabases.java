package io.xpbridge.support;

import io.xpbridge.config.DatabaseUrl;
import io.xpbridge.store.EmbeddedDatabase;
import io.xpbridge.store.Migrations;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;

/**
 * A fresh, migrated database per test class on a real PostgreSQL server, found in this order:
 * Testcontainers when a Docker engine is there, {@code TEST_DATABASE_URL} when set, the local server
 * on 127.0.0.1:5432 when it answers, else the embedded PostgreSQL. Never a mock.
 */
public final class TestDatabases {
  private static final Logger LOG = LoggerFactory.getLogger(TestDatabases.class);
  private static DatabaseUrl server;
  private static PostgreSQLContainer<?> container;
  private static EmbeddedDatabase embedded;

  private TestDatabases() {}

  /** Creates and migrates a database named after the test class. */
  public static synchronized DatabaseUrl create(Class<?> testClass) {
    DatabaseUrl admin = server();
    String name = ("xpb_" + testClass.getSimpleName() + "_" + UUID.randomUUID().toString().substring(0, 8))
        .toLowerCase(Locale.ROOT);
    execute(admin, "CREATE DATABASE " + name);
    dropAtExit(admin, name);
    DatabaseUrl url = new DatabaseUrl(admin.host(), admin.port(), name, admin.user(), admin.password());
    Migrations.run(url);
    return url;
  }

  private static final java.util.List<String> created = new java.util.ArrayList<>();

  /** Test databases are dropped when the test JVM ends, so repeated runs do not fill the server. */
  private static void dropAtExit(DatabaseUrl admin, String name) {
    if (created.isEmpty()) {
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        synchronized (TestDatabases.class) {
          for (String db : created) {
            try {
              execute(admin, "DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
            } catch (RuntimeException e) {
              // The server may already be gone (embedded); nothing left to clean.
            }
          }
        }
      }, "drop-test-databases"));
    }
    created.add(name);
  }

  /** The server itself, for tests that need to restart or terminate connections. */
  public static synchronized DatabaseUrl server() {
    if (server == null) {
      server = findServer();
    }
    return server;
  }

  public static void execute(DatabaseUrl url, String sql) {
    try (Connection conn = DriverManager.getConnection(url.jdbcUrl(), url.user(), url.password());
        Statement statement = conn.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("could not run `" + sql + "` on " + url.jdbcUrl() + ": " + e.getMessage(), e);
    }
  }

  private static DatabaseUrl findServer() {
    if (dockerAvailable()) {
      container = new PostgreSQLContainer<>("postgres:16-alpine");
      container.start();
      LOG.info("test databases on a Testcontainers PostgreSQL");
      return new DatabaseUrl(container.getHost(), container.getFirstMappedPort(), container.getDatabaseName(),
          container.getUsername(), container.getPassword());
    }
    String fromEnv = System.getenv("TEST_DATABASE_URL");
    if (fromEnv != null && !fromEnv.isBlank()) {
      LOG.info("test databases on TEST_DATABASE_URL");
      return DatabaseUrl.parse(fromEnv);
    }
    DatabaseUrl local = new DatabaseUrl("127.0.0.1", 5432, "postgres", "postgres", null);
    if (answers(local)) {
      LOG.info("test databases on the local PostgreSQL at 127.0.0.1:5432");
      return local;
    }
    try {
      Path dir = Files.createTempDirectory("xpbridge-test-pg");
      embedded = EmbeddedDatabase.start(dir.resolve("data"), 0);
      Runtime.getRuntime().addShutdownHook(new Thread(embedded::close));
      LOG.info("test databases on an embedded PostgreSQL in {}", dir);
      return embedded.url();
    } catch (java.io.IOException e) {
      throw new IllegalStateException("no PostgreSQL for tests: " + e.getMessage(), e);
    }
  }

  private static boolean answers(DatabaseUrl url) {
    try (Connection conn = DriverManager.getConnection(url.jdbcUrl() + "?connectTimeout=2", url.user(), url.password())) {
      return conn.isValid(2);
    } catch (SQLException e) {
      return false;
    }
  }

  private static boolean dockerAvailable() {
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (Throwable e) {
      return false;
    }
  }
}
