package io.xpbridge.fake.discord;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * What the bot answered to one slash command: the interaction callback body and, when the bot
 * deferred (callback type 5), the message it later put in place of the "thinking..." state.
 */
public record InteractionReply(JsonObject callback, JsonObject message) {
  private static final int EPHEMERAL = 1 << 6;
  /** Where the fake keeps the files attached to an answer (file name to bytes). */
  public static final String UPLOADS = "_uploads";

  public int callbackType() {
    return callback.getInteger("type", 0);
  }

  /** The message data the user finally sees (edited original or direct reply). */
  public JsonObject data() {
    if (message != null) {
      return message;
    }
    JsonObject data = callback.getJsonObject("data");
    return data == null ? new JsonObject() : data;
  }

  /** Ephemerality is fixed by the first answer (reply or defer), as in Discord. */
  public boolean ephemeral() {
    JsonObject data = callback.getJsonObject("data");
    int flags = data == null ? 0 : data.getInteger("flags", 0);
    return (flags & EPHEMERAL) != 0;
  }

  /** The bytes of the file the answer attached under {@code fileName}, or null. */
  public byte[] file(String fileName) {
    JsonObject uploads = data().getJsonObject(UPLOADS);
    return uploads == null ? null : uploads.getBinary(fileName);
  }

  /** What Discord would show as attachments: the file names the answer declared. */
  public JsonArray attachments() {
    JsonArray attachments = data().getJsonArray("attachments");
    return attachments == null ? new JsonArray() : attachments;
  }

  public String content() {
    return data().getString("content", "");
  }

  public JsonArray embeds() {
    JsonArray embeds = data().getJsonArray("embeds");
    return embeds == null ? new JsonArray() : embeds;
  }

  /** Content plus every embed's title, description and fields, for assertions on visible text. */
  public String visibleText() {
    StringBuilder text = new StringBuilder(content());
    for (Object o : embeds()) {
      JsonObject embed = (JsonObject) o;
      text.append('\n').append(embed.getString("title", ""))
          .append('\n').append(embed.getString("description", ""));
      JsonArray fields = embed.getJsonArray("fields", new JsonArray());
      for (Object f : fields) {
        JsonObject field = (JsonObject) f;
        text.append('\n').append(field.getString("name", "")).append(": ").append(field.getString("value", ""));
      }
    }
    return text.toString();
  }
}
