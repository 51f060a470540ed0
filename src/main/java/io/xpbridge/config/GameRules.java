package io.xpbridge.config;

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
public final class GameRules {
  private GameRules() {}

  public static RankLadder ladder(JsonObject root) {
    var array = ConfigPath.array(root, "ranks");
    if (array.isEmpty()) {
      throw new ConfigException("ranks must list at least one rank");
    }
    List<Rank> ranks = new ArrayList<>();
    Set<Long> roles = new HashSet<>();
    long previousMin = -1;
    for (int i = 0; i < array.size(); i++) {
      String path = "ranks[" + i + "]";
      if (!(array.getValue(i) instanceof JsonObject rank)) {
        throw new ConfigException(path + " must be an object");
      }
      int number = ConfigPath.intIn(rank, "number", i + 1, 1, 1_000);
      if (number != i + 1) {
        throw new ConfigException(path + ".number must be " + (i + 1) + " (ranks are listed in order), got " + number);
      }
      long minXp = ConfigPath.longIn(rank, "minXp", -1, 0, Long.MAX_VALUE / 4);
      if (minXp < 0) {
        throw new ConfigException(path + ".minXp is required");
      }
      if (i == 0 && minXp != 0) {
        throw new ConfigException(path + ".minXp must be 0: every player starts at the first rank");
      }
      if (i > 0 && minXp <= previousMin) {
        throw new ConfigException(path + ".minXp must be greater than the previous rank's (" + previousMin + "), got " + minXp);
      }
      previousMin = minXp;
      String en = ConfigPath.string(rank, "name.en", null);
      String ru = ConfigPath.string(rank, "name.ru", en);
      if (en == null) {
        throw new ConfigException(path + ".name.en is required");
      }
      Long roleId = ConfigPath.snowflake(rank.getValue("discordRoleId"), path + ".discordRoleId");
      if (roleId != null && !roles.add(roleId)) {
        throw new ConfigException(path + ".discordRoleId " + roleId + " is already used by another rank");
      }
      ranks.add(new Rank(number, ru, en, minXp, roleId));
    }
    return new RankLadder(ranks);
  }

  public static List<AchievementDefinition> achievements(JsonObject root) {
    var array = ConfigPath.array(root, "achievements");
    List<AchievementDefinition> result = new ArrayList<>();
    Set<String> codes = new HashSet<>();
    for (int i = 0; i < array.size(); i++) {
      String path = "achievements[" + i + "]";
      if (!(array.getValue(i) instanceof JsonObject a)) {
        throw new ConfigException(path + " must be an object");
      }
      String code = ConfigPath.string(a, "code", null);
      if (code == null || !code.matches("[a-z0-9_]{1,64}")) {
        throw new ConfigException(path + ".code must be 1-64 characters of a-z, 0-9 and _, got " + code);
      }
      if (!codes.add(code)) {
        throw new ConfigException(path + ".code '" + code + "' is listed twice");
      }
      String en = ConfigPath.string(a, "name.en", code);
      String ru = ConfigPath.string(a, "name.ru", en);
      String ruleType = ConfigPath.string(a, "rule.type", "manual");
      AchievementRule rule = AchievementRule.fromWire(ruleType);
      if (rule == null) {
        throw new ConfigException(path + ".rule.type must be one of " + AchievementRule.wireNames() + ", got " + ruleType);
      }
      long value = ConfigPath.longIn(a, "rule.value", 0, 0, Long.MAX_VALUE / 4);
      Long roleId = ConfigPath.snowflake(a.getValue("discordRoleId"), path + ".discordRoleId");
      result.add(new AchievementDefinition(code, ru, en, roleId, rule, value));
    }
    return result;
  }
}
