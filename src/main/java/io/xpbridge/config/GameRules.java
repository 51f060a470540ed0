package io.xpbridge.config;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.xpbridge.domain.AchievementDefinition;
import io.xpbridge.domain.AchievementRule;
import io.xpbridge.domain.Rank;
import io.xpbridge.domain.RankLadder;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The rank ladder and achievements from config ({@code ranks}, {@code achievements}). */
public record GameRules(RankLadder ladder, List<AchievementDefinition> achievements) {
  public GameRules {
    achievements = List.copyOf(achievements);
  }

  /** Null when a problem was written down: a ladder that breaks its own rules is never built. */
  static GameRules read(ConfigReader in) {
    int problemsBefore = in.problemCount();
    List<Rank> ranks = ranks(in);
    List<AchievementDefinition> achievements = achievements(in);
    return in.problemCount() == problemsBefore ? new GameRules(new RankLadder(ranks), achievements) : null;
  }

  private static List<Rank> ranks(ConfigReader in) {
    boolean notAList = in.value("ranks") != null && !(in.value("ranks") instanceof JsonArray);
    JsonArray array = in.array("ranks");
    if (array.isEmpty() && !notAList) {
      in.reject("ranks must list at least one rank");
    }
    List<Rank> ranks = new ArrayList<>();
    Set<Long> roles = new HashSet<>();
    Long previousMin = null;
    for (int i = 0; i < array.size(); i++) {
      String path = "ranks[" + i + "]";
      if (!(array.getValue(i) instanceof JsonObject object)) {
        in.reject(path + " must be an object, got " + array.getValue(i));
        continue;
      }
      ConfigReader rank = in.within(object, path);
      int number = rank.intIn("number", i + 1, 1, 1_000);
      if (number != i + 1) {
        in.reject(path + ".number must be " + (i + 1) + " (ranks are listed in order), got " + number);
      }
      Long minXp = rank.required("minXp", 0, Long.MAX_VALUE / 4);
      if (minXp != null && i == 0 && minXp != 0) {
        in.reject(path + ".minXp must be 0: every player starts at the first rank");
      } else if (minXp != null && previousMin != null && minXp <= previousMin) {
        in.reject(path + ".minXp must be greater than the previous rank's (" + previousMin + "), got " + minXp);
      }
      previousMin = minXp == null ? previousMin : minXp;
      String en = rank.string("name.en", null);
      if (en == null) {
        in.reject(path + ".name.en is required");
      }
      String ru = rank.string("name.ru", en);
      Long roleId = rank.snowflake("discordRoleId");
      if (roleId != null && !roles.add(roleId)) {
        in.reject(path + ".discordRoleId " + roleId + " is already used by another rank");
      }
      ranks.add(new Rank(number, ru, en, minXp == null ? 0 : minXp, roleId));
    }
    return ranks;
  }

  private static List<AchievementDefinition> achievements(ConfigReader in) {
    JsonArray array = in.array("achievements");
    List<AchievementDefinition> result = new ArrayList<>();
    Set<String> codes = new HashSet<>();
    for (int i = 0; i < array.size(); i++) {
      String path = "achievements[" + i + "]";
      if (!(array.getValue(i) instanceof JsonObject object)) {
        in.reject(path + " must be an object, got " + array.getValue(i));
        continue;
      }
      ConfigReader achievement = in.within(object, path);
      String code = achievement.string("code", null);
      if (code == null || !code.matches("[a-z0-9_]{1,64}")) {
        in.reject(path + ".code must be 1-64 characters of a-z, 0-9 and _, got " + code);
      } else if (!codes.add(code)) {
        in.reject(path + ".code '" + code + "' is listed twice");
      }
      String en = achievement.string("name.en", code);
      String ru = achievement.string("name.ru", en);
      String ruleType = achievement.string("rule.type", "manual");
      AchievementRule rule = AchievementRule.fromWire(ruleType);
      if (rule == null) {
        in.reject(path + ".rule.type must be one of " + AchievementRule.wireNames() + ", got " + ruleType);
      }
      long value = achievement.longIn("rule.value", 0, 0, Long.MAX_VALUE / 4);
      Long roleId = achievement.snowflake("discordRoleId");
      result.add(new AchievementDefinition(code, ru, en, roleId, rule, value));
    }
    return result;
  }
}
