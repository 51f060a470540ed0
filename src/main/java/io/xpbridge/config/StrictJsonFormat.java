package io.xpbridge.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.vertx.config.spi.ConfigProcessor;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.Optional;

/**
 * The config file's format ({@value #NAME}): JSON that refuses a key given twice (which of two
 * {@code batchSize}s would win is luck), and that never fails a scan. A file that cannot be read
 * becomes {@code {"$unreadable": "why"}}, which the start refuses and the watcher reports in one line
 * when it changes, instead of vertx-config logging a stack trace at every scan.
 */
public final class StrictJsonFormat implements ConfigProcessor {
  public static final String NAME = "xpbridge-json";
  static final String UNREADABLE = "$unreadable";

  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      .build();

  @Override
  public String name() {
    return NAME;
  }

  @Override
  @SuppressWarnings("unchecked")
  public Future<JsonObject> process(Vertx vertx, JsonObject configuration, Buffer input) {
    String path = configuration.getString("path", "the config file");
    try {
      Object tree = MAPPER.readValue(input.getBytes(), Object.class);
      if (!(tree instanceof Map<?, ?> map)) {
        return Future.succeededFuture(unreadable(path, "the file must hold one JSON object"));
      }
      return Future.succeededFuture(new JsonObject((Map<String, Object>) map));
    } catch (JsonProcessingException e) {
      String where = e.getLocation() == null ? ""
          : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
      return Future.succeededFuture(unreadable(path, e.getOriginalMessage() + where));
    } catch (java.io.IOException e) {
      return Future.succeededFuture(unreadable(path, e.getMessage()));
    }
  }

  private static JsonObject unreadable(String path, String why) {
    return new JsonObject().put(UNREADABLE, path + " is not valid JSON: " + why.replaceAll("\\s+", " "));
  }

  /** Why the config read from the file cannot be used at all, or empty when it is a JSON object. */
  public static Optional<String> unreadable(JsonObject config) {
    return Optional.ofNullable(config == null ? null : config.getString(UNREADABLE));
  }
}
