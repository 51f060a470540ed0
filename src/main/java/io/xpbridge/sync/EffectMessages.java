package io.xpbridge.sync;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.xpbridge.bus.Bus;
import io.xpbridge.bus.BusJson;
import io.xpbridge.bus.EffectKind;
import io.xpbridge.bus.Platforms;
import io.xpbridge.bus.Players;
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
      achievement(event, target, rules, payload, allowed, deliveries);
    } else if (event.type() == EventType.SEASON_NOTICE) {
      seasonNotice(event, target, rules, payload, allowed, deliveries);
    } else if (event.type() == EventType.ANNOUNCEMENT) {
      announcement(event, target, rules, payload, deliveries);
    }
    deliveries.removeIf(d -> event.deliveredTo().contains(d.platform()));
    return deliveries;
  }

  private static void rankChange(DeliveryStore.Claimed event, DeliveryStore.Target target, EngineRules rules,
      JsonObject payload, MirrorTarget allowed, List<Delivery> deliveries) {
    if (payload.getBoolean(io.xpbridge.domain.QueuedEffect.CLEAR_ROLES, false)) {
      clearRoles(event, target, rules, deliveries);
      return;
    }
    Rank current = rules.ladder().rankFor(target.xp());
    if (allowed.includes(MirrorTarget.DISCORD) && target.discordReachable()) {
      if (current.discordRoleId() != null) {
        Platforms.DiscordEffect message = new Platforms.DiscordEffect(event.id(), EffectKind.RANK_ROLE,
            event.playerId(), target.discordId(),
            new Platforms.RankRole(current.number(), current.nameEn(), current.discordRoleId()),
            rules.ladder().mappedRoleIds(), null);
        deliveries.add(new Delivery(MirrorTarget.DISCORD, Bus.EFFECTS_DISCORD, BusJson.encode(message), false,
            current.number()));
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
        Platforms.TelegramEffect message = new Platforms.TelegramEffect(event.id(), EffectKind.RANK_UP,
            event.playerId(), target.telegramId(), target.chatId(), language,
            new Players.RankView(reached.number(), reached.name(language), null),
            new Players.RankView(before.number(), before.name(language), null), target.xp(), null);
        deliveries.add(new Delivery(MirrorTarget.TELEGRAM, Bus.EFFECTS_TELEGRAM, BusJson.encode(message), false, rank));
      } else {
        deliveries.add(new Delivery(MirrorTarget.TELEGRAM, null, null, true, rank));
      }
    }
  }

  /**
   * {@code /privacy roles off}: every rank and achievement role we manage comes off the member once (a
   * rank effect with no rank to give removes all the listed roles). Only while sync is still off: a
   * player who turned it on again before this was delivered keeps the roles the "on" gives back.
   */
  private static void clearRoles(DeliveryStore.Claimed event, DeliveryStore.Target target, EngineRules rules,
      List<Delivery> deliveries) {
    if (target.discordId() == null || target.leftGuild() || target.discordSyncEnabled()) {
      return;
    }
    List<Long> managed = rules.ladder().managedRoleIds(rules.achievements().values());
    Platforms.DiscordEffect message = new Platforms.DiscordEffect(event.id(), EffectKind.RANK_ROLE,
        event.playerId(), target.discordId(), null, managed, null);
    deliveries.add(new Delivery(MirrorTarget.DISCORD, Bus.EFFECTS_DISCORD, BusJson.encode(message), false, null));
  }

  private static void achievement(DeliveryStore.Claimed event, DeliveryStore.Target target, EngineRules rules,
      JsonObject payload, MirrorTarget allowed, List<Delivery> deliveries) {
    AchievementDefinition definition = rules.achievements().get(payload.getString("achievement"));
    if (definition == null) {
      return;
    }
    if (allowed.includes(MirrorTarget.DISCORD) && definition.discordRoleId() != null && target.discordReachable()) {
      Platforms.DiscordEffect message = new Platforms.DiscordEffect(event.id(), EffectKind.ACHIEVEMENT_ROLE,
          event.playerId(), target.discordId(), null, null,
          new Platforms.AchievementRole(definition.code(), definition.nameEn(), definition.discordRoleId()));
      deliveries.add(new Delivery(MirrorTarget.DISCORD, Bus.EFFECTS_DISCORD, BusJson.encode(message), false, null));
    }
    if (allowed.includes(MirrorTarget.TELEGRAM) && target.chatId() != null) {
      String language = target.languageCode();
      Platforms.TelegramEffect message = new Platforms.TelegramEffect(event.id(), EffectKind.ACHIEVEMENT,
          event.playerId(), target.telegramId(), target.chatId(), language, null, null, target.xp(),
          new Players.AchievementView(definition.code(), definition.name(language), null));
      deliveries.add(new Delivery(MirrorTarget.TELEGRAM, Bus.EFFECTS_TELEGRAM, BusJson.encode(message), false, null));
    }
  }

  /**
   * How a season ended: to a rewarded player on Telegram (their own place), or the winners to
   * Discord's announce channel (the bot knows the channel; without one it acknowledges and posts
   * nothing). Achievement names in the player's language on Telegram, in discord.announceLocale for Discord.
   */
  private static void seasonNotice(DeliveryStore.Claimed event, DeliveryStore.Target target, EngineRules rules,
      JsonObject payload, MirrorTarget allowed, List<Delivery> deliveries) {
    JsonObject season = payload.getJsonObject("season", new JsonObject());
    JsonArray winners = payload.getJsonArray("winners", new JsonArray());
    if (allowed.includes(MirrorTarget.TELEGRAM) && target.chatId() != null) {
      String language = target.languageCode();
      Platforms.TelegramEffect message = new Platforms.TelegramEffect(event.id(), EffectKind.SEASON_REWARD,
          event.playerId(), target.telegramId(), target.chatId(), language, null, null, target.xp(), null,
          seasonResult(season, winners, rules, language));
      deliveries.add(new Delivery(MirrorTarget.TELEGRAM, Bus.EFFECTS_TELEGRAM, BusJson.encode(message), false, null));
    }
    if (allowed.includes(MirrorTarget.DISCORD)) {
      Platforms.DiscordEffect message = new Platforms.DiscordEffect(event.id(), EffectKind.SEASON_RESULTS,
          event.playerId(), null, null, null, null, seasonResult(season, winners, rules, rules.announceLanguage()));
      deliveries.add(new Delivery(MirrorTarget.DISCORD, Bus.EFFECTS_DISCORD, BusJson.encode(message), false, null));
    }
  }

  /**
   * A member's rank-up or new achievement for the Discord announce channel, named in both languages
   * (the bot writes in discord.announceLocale). Nobody to mention (the Discord account was unlinked
   * since, or the member left the guild) or an achievement no longer configured: nothing to post, the
   * event completes. A member who opted out of role sync is still announced: that is not a role.
   */
  private static void announcement(DeliveryStore.Claimed event, DeliveryStore.Target target, EngineRules rules,
      JsonObject payload, List<Delivery> deliveries) {
    if (target.discordId() == null || target.leftGuild()) {
      return;
    }
    Integer rank = payload.getInteger("rank");
    String code = payload.getString("achievement");
    Platforms.MemberNews news;
    if (rank != null) {
      Rank reached = rules.ladder().byNumber(rank);
      news = new Platforms.MemberNews(rank, null, reached.name("ru"), reached.name("en"));
    } else {
      AchievementDefinition definition = code == null ? null : rules.achievements().get(code);
      if (definition == null) {
        return;
      }
      news = new Platforms.MemberNews(null, code, definition.name("ru"), definition.name("en"));
    }
    Platforms.DiscordEffect message = new Platforms.DiscordEffect(event.id(), EffectKind.MEMBER_ANNOUNCEMENT,
        event.playerId(), target.discordId(), null, null, null, null, news);
    deliveries.add(new Delivery(MirrorTarget.DISCORD, Bus.EFFECTS_DISCORD, BusJson.encode(message), false, null));
  }

  private static Platforms.SeasonResult seasonResult(JsonObject season, JsonArray winners, EngineRules rules,
      String language) {
    List<Platforms.SeasonWinner> list = new ArrayList<>(winners.size());
    for (int i = 0; i < winners.size(); i++) {
      JsonObject w = winners.getJsonObject(i);
      String code = w.getString("achievement");
      AchievementDefinition definition = code == null ? null : rules.achievements().get(code);
      Players.AchievementView achievement = code == null ? null
          : new Players.AchievementView(code, definition == null ? code : definition.name(language), null);
      list.add(new Platforms.SeasonWinner(w.getLong("place"), w.getLong("playerId"), w.getLong("discordId"),
          w.getString("name"), w.getLong("xp", 0L), w.getLong("coins", 0L), achievement));
    }
    return new Platforms.SeasonResult(season.getInteger("id", 0), season.getString("name", ""), list);
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

}
