package io.xpbridge.importing;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import io.xpbridge.bus.Imports;
import java.io.IOException;
import java.io.InputStream;

/**
 * Polaris's export: the JSON its "export XP" button attaches ({@code {"settings": {...}, "users":
 * {"<discord id>": {"xp": n, "cooldown": ms, "hidden": bool}, ...}}}, in GDColon/Polaris-Open,
 * commands/button/export_xp.js; read back by its own commands/misc/json_import.js, whose leniency
 * this follows: the users may also be under {@code "xp"}, or be the whole top-level object).
 * {@code settings} and {@code cooldown} are ignored; {@code hidden: true} hides the player from
 * xpbridge's public standings too. Polaris keeps no names.
 */
final class PolarisReader implements RowReader {
  private static final String SHAPE = "expected Polaris's export {\"users\": {\"<discord id>\": {\"xp\": n}}}";

  @Override
  public void read(InputStream in, Visitor visitor) throws IOException {
    int[] rows = {0};
    try (JsonParser parser = JsonFiles.MAPPER.createParser(in)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        visitor.error(1, SHAPE);
        return;
      }
      boolean found = false;
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        JsonToken value = parser.nextToken();
        if (("users".equals(field) || "xp".equals(field)) && value == JsonToken.START_OBJECT) {
          found = true;
          while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String id = parser.currentName();
            int line = JsonFiles.line(parser);
            parser.nextToken();
            user(id, parser.readValueAsTree(), ++rows[0], line, visitor);
          }
        } else if (field.matches("[0-9]{15,20}") && value == JsonToken.START_OBJECT) {
          found = true;
          user(field, parser.readValueAsTree(), ++rows[0], JsonFiles.line(parser), visitor);
        } else {
          parser.skipChildren();
        }
      }
      if (!found) {
        visitor.error(1, SHAPE);
      } else if (parser.nextToken() != null) {
        visitor.error(JsonFiles.line(parser), "unexpected content after the end of the JSON document");
      }
    } catch (JsonProcessingException e) {
      visitor.error(e.getLocation() == null ? 0 : e.getLocation().getLineNr(), JsonFiles.broken(e));
    }
  }

  private static void user(String id, JsonNode user, int row, int line, Visitor visitor) {
    try {
      long discordId = Fields.id("user id", id);
      if (user == null || !user.isObject()) {
        throw new Fields.Bad("user " + id + " must be an object with 'xp'");
      }
      long xp = Fields.amount("xp", user.get("xp"));
      Boolean hidden = user.path("hidden").asBoolean(false) ? Boolean.TRUE : null;
      visitor.row(new Imports.Row(row, line, null, discordId, xp, null, null, null, null, null, null, null, hidden,
          null, null));
    } catch (Fields.Bad bad) {
      visitor.error(line, bad.getMessage());
    }
  }
}
