package io.xpbridge.config;

import io.vertx.config.ConfigChange;
import io.vertx.config.ConfigRetriever;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies each change of the config file all-or-nothing: the file is parsed once into an
 * {@link AppConfig}; with any problem it is rejected whole (one log line naming every bad field)
 * and nothing is published, otherwise the accepted tree is published for every verticle.
 */
public final class ConfigWatcher {
  private static final Logger LOG = LoggerFactory.getLogger(ConfigWatcher.class);

  private final Vertx vertx;
  private final Consumer<AppConfig> onApplied;
  /** What the file said at the last accepted change: restart-only edits are found against it. */
  private AppConfig lastFile;
  /** What runs: published trees keep its restart-only values. */
  private AppConfig running;

  private ConfigWatcher(Vertx vertx, AppConfig fileAtStart, AppConfig running, Consumer<AppConfig> onApplied) {
    this.vertx = vertx;
    this.lastFile = fileAtStart;
    this.running = running;
    this.onApplied = onApplied;
  }

  /**
   * @param fileAtStart the config the service was started from, as read from the file
   * @param running the config the service runs with; it differs from {@code fileAtStart} where the
   *     start resolved a value, such as the embedded database's URL, and those values must stay
   */
  public static void watch(Vertx vertx, ConfigRetriever retriever, AppConfig fileAtStart, AppConfig running,
      Consumer<AppConfig> onApplied) {
    ConfigWatcher watcher = new ConfigWatcher(vertx, fileAtStart, running, onApplied);
    retriever.listen(watcher::onChange);
  }

  private void onChange(ConfigChange change) {
    // Called only when what the file says changed, so each unreadable version is reported once.
    var unreadable = StrictJsonFormat.unreadable(change.getNewConfiguration());
    if (unreadable.isPresent()) {
      LOG.error("config change rejected, the running config stays: {}", unreadable.get());
      return;
    }
    AppConfig next;
    try {
      next = AppConfig.parse(change.getNewConfiguration());
    } catch (InvalidConfigException e) {
      LOG.error("config change rejected, the running config stays: {}", String.join("; ", e.problems()));
      return;
    }
    List<String> waiting = RestartOnly.changed(lastFile, next);
    if (!waiting.isEmpty()) {
      LOG.warn("{} changed: used at start only, the running values stay until a restart", String.join(", ", waiting));
    }
    AppConfig applied = RestartOnly.keep(next, running);
    lastFile = next;
    running = applied;
    LOG.info("config change accepted and applied live");
    ConfigChanges.publish(vertx, applied);
    onApplied.accept(applied);
  }
}
