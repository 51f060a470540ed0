package io.xpbridge.importing;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xpbridge.bus.Imports;
import java.io.IOException;
import java.io.InputStream;

/**
 * MEE6's leaderboard JSON, as its public leaderboard API answers
 * ({@code GET https://mee6.xyz/api/plugins/levels/leaderboard/<guild id>?page=N&limit=1000}):
 * {@code {"players": [{"id": "<discord id>", "username", "discriminator", "avatar", "xp", "level",
 * "message_count", "detailed_xp": [...]}, ...], "page", "role_rewards", ...}}. Also read: a JSON array
 * of such pages ({@code jq -s .} of several downloads), and an array of bare player objects (what
 * the common scraper scripts write). Only {@code id}, {@code xp} and {@code username} are used; ids
 * are strings because snowflakes exceed 2^53.
 */
final class Mee6Reader implements RowReader {
  private static final String SHAPE = "expected a MEE6 leaderboard page {\"players\": [...]} or an array of pages";

  @Override
  public void read(InputStream in, Visitor visitor) throws IOException {
    int[] rows = {0};
    try (JsonParser parser = JsonFiles.MAPPER.createParser(in)) {
      JsonToken token = parser.nextToken();
      if (token == JsonToken.START_OBJECT) {
        object(parser, visitor, rows);
      } else if (token == JsonToken.START_ARRAY) {
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
          if (token != JsonToken.START_OBJECT) {
            visitor.error(JsonFiles.line(parser), SHAPE + ", found " + token);
            return;
          }
          object(parser, visitor, rows);
        }
      } else {
        visitor.error(1, SHAPE);
        return;
      }
      if (parser.nextToken() != null) {
        visitor.error(JsonFiles.line(parser), "unexpected content after the end of the JSON document");
      }
    } catch (JsonProcessingException e) {
      visitor.error(e.getLocation() == null ? 0 : e.getLocation().getLineNr(), JsonFiles.broken(e));
    }
  }

  /** A page (its "players" streamed one by one) or a bare player object. */
  private static void object(JsonParser parser, Visitor visitor, int[] rows) throws IOException {
    int line = JsonFiles.line(parser);
    ObjectNode scalars = JsonFiles.MAPPER.createObjectNode();
    boolean page = false;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      JsonToken value = parser.nextToken();
      if ("players".equals(field) && value == JsonToken.START_ARRAY) {
        page = true;
        while ((value = parser.nextToken()) != JsonToken.END_ARRAY) {
          int at = JsonFiles.line(parser);
          if (value != JsonToken.START_OBJECT) {
            rows[0]++;
            parser.skipChildren();
            visitor.error(at, "a player must be a JSON object");
            continue;
          }
          player(parser.readValueAsTree(), ++rows[0], at, visitor);
        }
      } else if (value.isScalarValue()) {
        scalars.set(field, parser.readValueAsTree());
      } else {
        parser.skipChildren();
      }
    }
    if (!page) {
      if (scalars.has("id")) {
        player(scalars, ++rows[0], line, visitor);
      } else {
        visitor.error(line, SHAPE);
      }
    }
  }

  private static void player(JsonNode player, int row, int line, Visitor visitor) {
    try {
      long id = Fields.id("id", player.get("id"));
      long xp = Fields.amount("xp", player.get("xp"));
      String name = Fields.text(player.get("username"));
      visitor.row(new Imports.Row(row, line, null, id, xp, null, name, null, null, null, name, null, null, null,
          null));
    } catch (Fields.Bad bad) {
      visitor.error(line, bad.getMessage());
    }
  }
}
