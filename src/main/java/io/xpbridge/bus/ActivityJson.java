package io.xpbridge.bus;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.xpbridge.domain.Activity;
import io.xpbridge.domain.InvalidRequestException;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code activity} of a submit and of a stored event's payload:
 * {@code {"kind": "message"|"voice"|"game", "channelId"?, "parentChannelId"?, "roleIds"?: [...], "chatId"?,
 * "occurredAt"? (epoch ms)}}.
 * Read strictly (ids are exact positive integers), so the multiplier an event earns is never a guess.
 */
public final class ActivityJson {
  private ActivityJson() {}

  public static JsonObject write(Activity activity) {
    JsonObject json = new JsonObject().put("kind", activity.kind().wireName());
    if (activity.channelId() != null) {
      json.put("channelId", activity.channelId());
    }
    if (activity.parentChannelId() != null) {
      json.put("parentChannelId", activity.parentChannelId());
    }
    if (!activity.roleIds().isEmpty()) {
      json.put("roleIds", new JsonArray(new ArrayList<>(activity.roleIds())));
    }
    if (activity.chatId() != null) {
      json.put("chatId", activity.chatId());
    }
    if (activity.occurredAtMs() != null) {
      json.put("occurredAt", activity.occurredAtMs());
    }
    return json;
  }

  /** Null when {@code value} is null; fails with {@link InvalidRequestException} naming the bad field. */
  public static Activity read(Object value) {
    if (value == null) {
      return null;
    }
    if (!(value instanceof JsonObject json)) {
      throw new InvalidRequestException("'activity' must be an object {kind, channelId?, parentChannelId?, roleIds?, chatId?}");
    }
    Activity.Kind kind = json.getValue("kind") instanceof String name ? Activity.Kind.fromWire(name) : null;
    if (kind == null) {
      throw new InvalidRequestException("'activity.kind' must be message, voice or game");
    }
    Object roles = json.getValue("roleIds");
    List<Long> roleIds = new ArrayList<>();
    if (roles != null) {
      if (!(roles instanceof JsonArray array) || array.size() > Activity.MAX_ROLES) {
        throw new InvalidRequestException("'activity.roleIds' must be an array of at most " + Activity.MAX_ROLES + " ids");
      }
      for (int i = 0; i < array.size(); i++) {
        roleIds.add(SubmitMessage.optionalId(new JsonObject().put("activity.roleIds[" + i + "]", array.getValue(i)),
            "activity.roleIds[" + i + "]"));
      }
    }
    return new Activity(kind, SubmitMessage.optionalId(json, "channelId"), SubmitMessage.optionalId(json, "parentChannelId"),
        roleIds, chatId(json), SubmitMessage.optionalId(json, "occurredAt"));
  }

  /** Telegram chat ids are negative for groups and channels: any whole number but 0. */
  private static Long chatId(JsonObject json) {
    Object value = json.getValue("chatId");
    if (value == null) {
      return null;
    }
    if (!(value instanceof Integer || value instanceof Long) || ((Number) value).longValue() == 0) {
      throw new InvalidRequestException("'activity.chatId' must be a Telegram chat id (a whole number, not 0)");
    }
    return ((Number) value).longValue();
  }
}
