package io.xpbridge.config;

import io.vertx.config.ConfigRetriever;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.xpbridge.bus.Bus;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes each valid change of the config file on the bus; an invalid one is logged with the
 * fields at fault and ignored, so the running config stays.
 */
public final class ConfigWatcher {
  private static final Logger LOG = LoggerFactory.getLogger(ConfigWatcher.class);

  private ConfigWatcher() {}

  /**
   * @param runtimeOverrides values fixed at start (such as the resolved database URL) that a file
   *     change must not undo
   */
  public static void watch(Vertx vertx, ConfigRetriever retriever, JsonObject runtimeOverrides,
      Consumer<JsonObject> onApplied) {
    retriever.listen(change -> {
      JsonObject next = change.getNewConfiguration().copy().mergeIn(runtimeOverrides, true);
      List<String> problems = ConfigValidator.problems(next);
      if (!problems.isEmpty()) {
        LOG.error("config change rejected, the running config stays: {}", String.join("; ", problems));
        return;
      }
      LOG.info("config change accepted and applied live");
      vertx.eventBus().publish(Bus.CONFIG_CHANGED, next);
      onApplied.accept(next);
    });
  }
}
