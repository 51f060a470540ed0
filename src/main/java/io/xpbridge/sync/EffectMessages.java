package io.xpbridge.sync;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.xpbridge.bus.Bus;
import io.xpbridge.domain.AchievementDefinition;
import io.xpbridge.domain.EventType;
import io.xpbridge.domain.MirrorTarget;
import io.xpbridge.domain.Rank;
import io.xpbridge.store.DeliveryStore;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns an applied rank change or achievement into the messages each platform needs. The Discord
 * rank role always projects the ledger's rank *now*, not the rank in the event, so a late or retried
 * delivery can never put an old role back.
 */
final class EffectMessages {
  /** One message for one platform. {@code silent} deliveries only record what the platform shows. */
  record Delivery(MirrorTarget platform, String address, JsonObject message, boolean silent, Integer toldRank) {}

  private EffectMessages() {}

  static List<Delivery> forEvent(DeliveryStore.Claimed event, DeliveryStore.Target target, EngineRules rules) {
    List<Delivery> deliveries = new ArrayList<>();
    if (target == null) {
      return deliveries;
    }
    JsonObject payload = event.payload() == null ? new JsonObject() : event.payload();
    MirrorTarget allowed = targets(payload);
    if (event.type() == EventType.RANK_CHANGE) {
      rankChange(event, target, rules, payload, allowed, deliveries);
    } else if (event.type() == EventType.ACHIEVEMENT_UNLOCK) {
      achievement(event, target, rules, payload, deliveries);
    }
    deliveries.removeIf(d -> event.deliveredTo().contains(d.platform()));
    return deliveries;
  }

  private static void rankChange(DeliveryStore.Claimed event, DeliveryStore.Target target, EngineRules rules,
      JsonObject payload, MirrorTarget allowed, List<Delivery> deliveries) {
    Rank current = rules.ladder().rankFor(target.xp());
    if (allowed.includes(MirrorTarget.DISCORD) && target.discordId() != null && target.discordSyncEnabled()) {
      if (current.discordRoleId() != null) {
        JsonObject message = base(event, "rank_role")
            .put("discordId", target.discordId())
            .put("rank", new JsonObject().put("number", current.number()).put("name", current.nameEn())
                .put("roleId", current.discordRoleId()))
            .put("rankRoleIds", new JsonArray(rules.ladder().mappedRoleIds()));
        deliveries.add(new Delivery(MirrorTarget.DISCORD, Bus.EFFECTS_DISCORD, message, false, current.number()));
      } else {
        deliveries.add(new Delivery(MirrorTarget.DISCORD, null, null, true, current.number()));
      }
    }
    if (allowed.includes(MirrorTarget.TELEGRAM) && target.chatId() != null) {
      int rank = payload.getInteger("rank", current.number());
      int previous = payload.getInteger("previousRank", rank);
      boolean notify = payload.getBoolean("notify", true) && rank > previous;
      if (notify) {
        Rank reached = rules.ladder().byNumber(rank);
        Rank before = rules.ladder().byNumber(previous);
        String language = target.languageCode();
        JsonObject message = base(event, "rank_up")
            .put("telegramId", target.telegramId())
            .put("chatId", target.chatId())
            .put("languageCode", language)
            .put("xp", target.xp())
            .put("rank", new JsonObject().put("number", reached.number()).put("name", reached.name(language)))
            .put("previousRank", new JsonObject().put("number", before.number()).put("name", before.name(language)));
        deliveries.add(new Delivery(MirrorTarget.TELEGRAM, Bus.EFFECTS_TELEGRAM, message, false, rank));
      } else {
        deliveries.add(new Delivery(MirrorTarget.TELEGRAM, null, null, true, rank));
      }
    }
  }

  private static void achievement(DeliveryStore.Claimed event, DeliveryStore.Target target, EngineRules rules,
      JsonObject payload, List<Delivery> deliveries) {
    AchievementDefinition definition = rules.achievements().get(payload.getString("achievement"));
    if (definition == null) {
      return;
    }
    if (definition.discordRoleId() != null && target.discordId() != null && target.discordSyncEnabled()) {
      JsonObject message = base(event, "achievement_role")
          .put("discordId", target.discordId())
          .put("achievement", new JsonObject().put("code", definition.code()).put("name", definition.nameEn())
              .put("roleId", definition.discordRoleId()));
      deliveries.add(new Delivery(MirrorTarget.DISCORD, Bus.EFFECTS_DISCORD, message, false, null));
    }
    if (target.chatId() != null) {
      String language = target.languageCode();
      JsonObject message = base(event, "achievement")
          .put("telegramId", target.telegramId())
          .put("chatId", target.chatId())
          .put("languageCode", language)
          .put("xp", target.xp())
          .put("achievement", new JsonObject().put("code", definition.code()).put("name", definition.name(language)));
      deliveries.add(new Delivery(MirrorTarget.TELEGRAM, Bus.EFFECTS_TELEGRAM, message, false, null));
    }
  }

  /** The payload's {@code targets} as written by the effect outbox; absent means both platforms. */
  static MirrorTarget targets(JsonObject payload) {
    JsonArray targets = payload.getJsonArray("targets");
    if (targets == null) {
      return MirrorTarget.BOTH;
    }
    return MirrorTarget.of(targets.contains(MirrorTarget.TELEGRAM.wireName()),
        targets.contains(MirrorTarget.DISCORD.wireName()));
  }

  private static JsonObject base(DeliveryStore.Claimed event, String kind) {
    return new JsonObject().put("eventId", event.id()).put("kind", kind).put("playerId", event.playerId());
  }
}
