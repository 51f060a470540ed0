package io.xpbridge.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads admin request bodies strictly: {@code application/json} in UTF-8 only, no key given twice
 * (which of two {@code "xp"}s would be paid is luck), nesting limited before anything recurses into
 * it. Anything else is answered at once with what to send instead.
 */
final class JsonBodies {
  /** Objects and arrays inside each other; an event and its {@code data} need far fewer. */
  static final int MAX_NESTING = 16;

  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      .build();

  static {
    MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING).build());
  }

  private JsonBodies() {}

  /** A body that cannot be used, with the HTTP status that says why (400 or 415). */
  static final class Refused extends RuntimeException {
    final int status;

    Refused(int status, String message) {
      super(message, null, false, false);
      this.status = status;
    }
  }

  static JsonObject object(String contentType, Buffer body) {
    if (read(contentType, body) instanceof JsonObject object) {
      return object;
    }
    throw new Refused(400, "the body must be a JSON object");
  }

  static JsonArray array(String contentType, Buffer body) {
    if (read(contentType, body) instanceof JsonArray array) {
      return array;
    }
    throw new Refused(400, "the body must be a JSON array of events");
  }

  @SuppressWarnings("unchecked")
  private static Object read(String contentType, Buffer body) {
    requireJsonType(contentType);
    String text = utf8(body);
    try {
      Object tree = MAPPER.readValue(text, Object.class);
      if (tree instanceof Map<?, ?> map) {
        return new JsonObject((Map<String, Object>) map);
      }
      if (tree instanceof List<?> list) {
        return new JsonArray((List<Object>) list);
      }
      throw new Refused(400, "the body must be a JSON object");
    } catch (StreamConstraintsException e) {
      throw new Refused(400, "the body nests deeper than " + MAX_NESTING + " levels");
    } catch (JsonProcessingException e) {
      throw new Refused(400, "the body is not valid JSON: " + e.getOriginalMessage());
    }
  }

  private static void requireJsonType(String contentType) {
    String[] parts = contentType == null ? new String[] {""} : contentType.toLowerCase(Locale.ROOT).split(";");
    if (!"application/json".equals(parts[0].trim())) {
      throw new Refused(415, "send the body as Content-Type: application/json, got "
          + (contentType == null ? "none" : contentType));
    }
    for (int i = 1; i < parts.length; i++) {
      String[] parameter = parts[i].trim().split("=", 2);
      if ("charset".equals(parameter[0]) && parameter.length == 2
          && !"utf-8".equals(parameter[1].trim().replace("\"", ""))) {
        throw new Refused(415, "send the body in UTF-8 (charset=utf-8), got " + parameter[1].trim());
      }
    }
  }

  /** Decodes strictly: bytes that are not UTF-8 (a UTF-16 body, say) are refused, not guessed at. */
  private static String utf8(Buffer body) {
    if (body == null || body.length() == 0) {
      throw new Refused(400, "the body is empty; send a JSON object");
    }
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body.getBytes())).toString();
    } catch (CharacterCodingException e) {
      throw new Refused(400, "the body is not UTF-8");
    }
  }
}
