package io.xpbridge.bench;

import io.xpbridge.config.DatabaseUrl;
import io.xpbridge.store.EmbeddedDatabase;
import io.xpbridge.store.Migrations;
import io.xpbridge.support.Sql;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The PostgreSQL server the benchmark runs on: {@code DATABASE_URL} when set, else the same embedded
 * PostgreSQL the service starts when {@code db.url} is null, in a temporary data directory. Every
 * scenario run gets a fresh, migrated database on it, dropped afterwards.
 */
final class BenchDatabase implements AutoCloseable {
  private final DatabaseUrl server;
  private final EmbeddedDatabase embedded;
  private final Path tempDir;
  private int created;

  private BenchDatabase(DatabaseUrl server, EmbeddedDatabase embedded, Path tempDir) {
    this.server = server;
    this.embedded = embedded;
    this.tempDir = tempDir;
  }

  static BenchDatabase open() {
    String fromEnv = System.getenv("DATABASE_URL");
    if (fromEnv != null && !fromEnv.isBlank()) {
      return new BenchDatabase(DatabaseUrl.parse(fromEnv), null, null);
    }
    try {
      Path dir = Files.createTempDirectory("xpbridge-bench-pg");
      EmbeddedDatabase db = EmbeddedDatabase.start(dir.resolve("data"), 0);
      return new BenchDatabase(db.url(), db, dir);
    } catch (IOException e) {
      throw new UncheckedIOException("could not create a temporary directory for the embedded PostgreSQL", e);
    }
  }

  String description() {
    String version = new Sql(server).queryString("SHOW server_version");
    return (embedded != null ? "embedded PostgreSQL " : "DATABASE_URL PostgreSQL ") + version + " at "
        + server.host() + ":" + server.port();
  }

  /** The embedded server's postmaster pid, or 0 (DATABASE_URL: its CPU is not measured). */
  long postmasterPid() {
    if (embedded == null) {
      return 0;
    }
    try {
      return Long.parseLong(Files.readAllLines(embedded.dataDir().resolve("postmaster.pid")).get(0).trim());
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }

  DatabaseUrl server() {
    return server;
  }

  /** A new database with the service's schema. */
  DatabaseUrl create(String purpose) {
    String name = "bench_" + purpose + "_" + (++created) + "_" + Long.toString(System.nanoTime() % 1_000_000, 36);
    execute(server, "CREATE DATABASE " + name);
    DatabaseUrl url = new DatabaseUrl(server.host(), server.port(), name, server.user(), server.password());
    Migrations.run(url);
    return url;
  }

  /**
   * Drops a scenario's database, then makes the server write out what that scenario left (CHECKPOINT)
   * so the next scenario does not pay for it: in a full run the pgbench ceilings write ~1 GB of WAL,
   * and the checkpoints that followed during the next throughput run cost it ~10 % of its events/s.
   */
  void drop(DatabaseUrl url) {
    execute(server, "DROP DATABASE IF EXISTS " + url.database() + " WITH (FORCE)");
    checkpoint("between scenarios");
  }

  /**
   * Brings a scenario's database to a known state before a measured part: every table vacuumed and
   * analyzed, every dirty page written out. Otherwise an autovacuum or checkpoint that the warm-up
   * made due falls into one compared run and not the other.
   */
  void settle(DatabaseUrl url) {
    execute(url, "VACUUM ANALYZE");
    checkpoint("before the measured part");
  }

  /** A server of one's own may refuse CHECKPOINT to a non-superuser; the run goes on without it. */
  private void checkpoint(String when) {
    try {
      execute(server, "CHECKPOINT");
    } catch (IllegalStateException refused) {
      System.err.println("no CHECKPOINT " + when + ": " + refused.getMessage());
    }
  }

  static void execute(DatabaseUrl url, String sql) {
    try (Connection conn = DriverManager.getConnection(url.jdbcUrl(), url.user(), url.password());
        Statement statement = conn.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("`" + sql + "` on " + url.jdbcUrl() + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    if (embedded == null) {
      return;
    }
    embedded.close();
    try (Stream<Path> files = Files.walk(tempDir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      System.err.println("could not delete " + tempDir + ": " + e.getMessage());
    }
  }
}
