package io.xpbridge.bus;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.vertx.core.json.JsonObject;
import io.vertx.core.json.jackson.VertxModule;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The one mapping between the records of {@code bus} and the JSON that travels on the event bus.
 * Messages stay JSON on the wire (readable in logs, sendable by tests and by other processes);
 * every verticle reads and writes them through this class only.
 */
public final class BusJson {
  // Unknown fields are ignored so an older verticle can read a newer message during a rolling restart.
  // Vert.x's module lets a body that went over the bus (nested JsonObject/JsonArray values) be read.
  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
      .addModule(new VertxModule())
      .build();

  private BusJson() {}

  @SuppressWarnings("unchecked")
  public static JsonObject encode(Object message) {
    return message instanceof JsonObject json ? json : new JsonObject(MAPPER.convertValue(message, Map.class));
  }

  /**
   * Fails with {@link IllegalArgumentException} when the body does not fit the record; its message
   * names the field, so a sender can act on the 400 it gets back.
   */
  public static <T> T decode(JsonObject body, Class<T> type) {
    try {
      return MAPPER.convertValue(body == null ? Map.of() : body.getMap(), type);
    } catch (IllegalArgumentException e) {
      if (e.getCause() instanceof JsonMappingException mapping) {
        throw new IllegalArgumentException(describe(mapping, type), e);
      }
      throw e;
    }
  }

  private static String describe(JsonMappingException mapping, Class<?> type) {
    String field = mapping.getPath().stream()
        .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
        .collect(Collectors.joining("."));
    Throwable cause = mapping.getCause();
    String problem = cause instanceof IllegalArgumentException invalid && invalid.getMessage() != null
        ? invalid.getMessage() : mapping.getOriginalMessage();
    int detail = problem.indexOf(" at [Source");
    problem = detail < 0 ? problem : problem.substring(0, detail);
    return (field.isEmpty() ? type.getSimpleName() : "'" + field + "'") + ": " + problem;
  }
}
