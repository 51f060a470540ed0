package io.xpbridge.bus;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.vertx.core.json.JsonObject;
import java.util.Map;

/**
 * The one mapping between the records of {@code bus} and the JSON that travels on the event bus.
 * Messages stay JSON on the wire (readable in logs, sendable by tests and by other processes);
 * every verticle reads and writes them through this class only.
 */
public final class BusJson {
  // Unknown fields are ignored so an older verticle can read a newer message during a rolling restart.
  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .build();

  private BusJson() {}

  @SuppressWarnings("unchecked")
  public static JsonObject encode(Object message) {
    return new JsonObject(MAPPER.convertValue(message, Map.class));
  }

  /** Fails with {@link IllegalArgumentException} when the body does not fit the record. */
  public static <T> T decode(JsonObject body, Class<T> type) {
    return MAPPER.convertValue(body == null ? Map.of() : body.getMap(), type);
  }
}
