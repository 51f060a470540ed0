package io.xpbridge;

import io.vertx.config.ConfigRetriever;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.xpbridge.config.AppConfig;
import io.xpbridge.config.ConfigLoader;
import io.xpbridge.config.InvalidConfigException;
import io.xpbridge.config.StrictJsonFormat;
import io.xpbridge.domain.ImportTarget;
import io.xpbridge.domain.InvalidRequestException;
import io.xpbridge.importing.ImportFormat;
import io.xpbridge.importing.ImportOptions;
import io.xpbridge.importing.ImportReport;
import io.xpbridge.importing.Importer;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * {@code java -jar xpbridge.jar import --format mee6|polaris|csv|xpbridge [--mode add|max|replace]
 * [--dry-run] [--skip-invalid] [--config conf/config.json] FILE}: the same import as
 * {@code POST /api/v1/import}, for operators, against the configured database. Runs the migrations
 * and only the sync engine (no bots, no HTTP port, so it can run next to the service); the Discord
 * roles it queues are delivered by the running service. Prints the summary as JSON. Exit status: 0
 * imported (or dry run done), 1 the file was refused (every problem printed) or the import failed,
 * 2 a usage or config error.
 */
public final class ImportCommand {
  static final String USAGE = "usage: java -jar xpbridge.jar import --format mee6|polaris|csv|xpbridge "
      + "[--mode add|max|replace] [--dry-run] [--skip-invalid] [--config conf/config.json] FILE";

  private ImportCommand() {}

  /** {@code args} without the leading "import"; returns the exit status. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    String format = null;
    String mode = "max";
    boolean dryRun = false;
    boolean skipInvalid = false;
    String configPath = null;
    String file = null;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      boolean hasValue = i + 1 < args.length;
      switch (arg) {
        case "--format" -> format = hasValue ? args[++i] : null;
        case "--mode" -> mode = hasValue ? args[++i] : null;
        case "--config", "-c" -> configPath = hasValue ? args[++i] : null;
        case "--dry-run" -> dryRun = true;
        case "--skip-invalid" -> skipInvalid = true;
        default -> {
          if (arg.startsWith("-") || file != null) {
            err.println("xpbridge import: unexpected argument '" + arg + "'\n" + USAGE);
            return 2;
          }
          file = arg;
        }
      }
    }
    ImportOptions options;
    try {
      if (format == null || mode == null || file == null) {
        throw new InvalidRequestException(format == null ? "--format is required" : mode == null
            ? "--mode needs a value" : "the file to import is missing");
      }
      options = new ImportOptions(ImportFormat.fromWire(format), ImportTarget.Mode.fromWire(mode), dryRun, skipInvalid);
    } catch (InvalidRequestException e) {
      err.println("xpbridge import: " + e.getMessage() + "\n" + USAGE);
      return 2;
    }
    Path path = Path.of(file);
    if (!Files.isReadable(path)) {
      err.println("xpbridge import: cannot read " + file);
      return 2;
    }
    if (configPath == null) {
      configPath = Main.configPath(new String[0]);
    }
    if (!Files.isReadable(Path.of(configPath))) {
      err.println("xpbridge import: cannot read the config file " + configPath + " (give another with --config PATH)");
      return 2;
    }
    Vertx vertx = Vertx.vertx();
    App app = null;
    try {
      JsonObject config;
      try {
        ConfigRetriever retriever = ConfigLoader.retriever(vertx, configPath, 60_000);
        config = retriever.getConfig().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        retriever.close();
        if (StrictJsonFormat.unreadable(config).isPresent()) {
          throw new IllegalStateException(StrictJsonFormat.unreadable(config).get());
        }
        AppConfig.parse(config);
      } catch (InvalidConfigException e) {
        err.println("xpbridge import: invalid configuration in " + configPath + ":\n  - "
            + String.join("\n  - ", e.problems()));
        return 2;
      } catch (Exception e) {
        err.println("xpbridge import: cannot read " + configPath + ": " + e.getMessage());
        return 2;
      }
      app = App.startEngineOnly(vertx, config).toCompletionStage().toCompletableFuture().get(120, TimeUnit.SECONDS);
      ImportReport report = new Importer(vertx, Integer.MAX_VALUE).run(path, options)
          .toCompletionStage().toCompletableFuture().get();
      out.println(report.toJson().encodePrettily());
      return report.refused() ? 1 : 0;
    } catch (Exception e) {
      Throwable root = e instanceof java.util.concurrent.ExecutionException && e.getCause() != null ? e.getCause() : e;
      err.println("xpbridge import: the import did not finish: " + root.getMessage());
      return 1;
    } finally {
      try {
        if (app != null) {
          app.stop().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
        vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
      } catch (Exception e) {
        err.println("xpbridge import: shutdown did not finish cleanly: " + e.getMessage());
      }
    }
  }
}
