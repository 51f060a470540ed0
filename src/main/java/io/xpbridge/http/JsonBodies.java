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
import io.vertx.ext.web.RoutingContext;
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

  /** The request's body as an object, or null after answering the request with why it cannot be used. */
  static JsonObject objectOrAnswer(RoutingContext ctx) {
    try {
      return object(ctx.request().getHeader("Content-Type"), ctx.body().buffer());
    } catch (Refused refused) {
      HttpApiVerticle.error(ctx, refused.status, refused.getMessage());
      return null;
    }
  }

  /** As {@link #objectOrAnswer}, for an array. */
  static JsonArray arrayOrAnswer(RoutingContext ctx) {
    try {
      return array(ctx.request().getHeader("Content-Type"), ctx.body().buffer());
    } catch (Refused refused) {
      HttpApiVerticle.error(ctx, refused.status, refused.getMessage());
      return null;
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
    byte[] bytes = utf8(body);
    try {
      Object tree = MAPPER.readValue(bytes, Object.class);
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
    } catch (java.io.IOException e) {
      throw new Refused(400, "the body cannot be read: " + e.getMessage());
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

  /**
   * The body's bytes, refused when they cannot be UTF-8 JSON. Jackson would detect UTF-16 and UTF-32
   * by their zero bytes and read them; JSON in UTF-8 has no zero byte (a NUL inside a string is
   * written as an escape), so one means another encoding, refused rather than guessed at. Malformed
   * UTF-8 is refused by the parser itself.
   */
  private static byte[] utf8(Buffer body) {
    if (body == null || body.length() == 0) {
      throw new Refused(400, "the body is empty; send a JSON object");
    }
    byte[] bytes = body.getBytes();
    for (byte b : bytes) {
      if (b == 0) {
        throw new Refused(400, "the body is not UTF-8");
      }
    }
    return bytes;
  }
}
