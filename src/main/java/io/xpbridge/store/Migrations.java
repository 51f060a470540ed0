package io.xpbridge.store;

import io.xpbridge.config.DatabaseUrl;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/** Applies {@code db/migration/V*.sql} once at start-up. Blocking: call it off the event loop. */
public final class Migrations {
  private Migrations() {}

  public static MigrateResult run(DatabaseUrl url) {
    return Flyway.configure()
        .dataSource(url.jdbcUrl(), url.user(), url.password())
        .locations("classpath:db/migration")
        .loggers("slf4j")
        .load()
        .migrate();
  }
}
