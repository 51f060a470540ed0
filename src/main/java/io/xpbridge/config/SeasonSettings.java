package io.xpbridge.config;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.xpbridge.domain.AchievementDefinition;
import io.xpbridge.domain.SeasonPeriod;
import io.xpbridge.domain.SeasonReward;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The {@code seasons} section.
 *
 * <pre>
 * "seasons": {"autoRollover": "none" | "weekly" | "monthly", "checkIntervalSeconds": 60,
 *             "rewards": [{"top": 1, "achievement": "season_champion", "coins": 1000}, {"top": 10, "coins": 200}]}
 * </pre>
 *
 * @param rewards ordered by {@code top}, each top once
 */
public record SeasonSettings(SeasonPeriod autoRollover, List<SeasonReward> rewards, int checkIntervalSeconds) {
  /** More rewarded places than this is a typo (each is an event and a message). */
  static final int MAX_TOP = 1_000;

  public SeasonSettings {
    rewards = List.copyOf(rewards);
  }

  static SeasonSettings read(ConfigReader in, List<AchievementDefinition> achievements) {
    String period = in.string("seasons.autoRollover", SeasonPeriod.NONE.wireName());
    SeasonPeriod autoRollover = SeasonPeriod.fromWire(period);
    if (autoRollover == null) {
      in.reject("seasons.autoRollover must be none, weekly or monthly, got " + period);
      autoRollover = SeasonPeriod.NONE;
    }
    return new SeasonSettings(autoRollover, rewards(in, achievements),
        in.intIn("seasons.checkIntervalSeconds", 60, 1, 3_600));
  }

  private static List<SeasonReward> rewards(ConfigReader in, List<AchievementDefinition> achievements) {
    JsonArray array = in.array("seasons.rewards");
    List<SeasonReward> rewards = new ArrayList<>();
    Set<Integer> tops = new HashSet<>();
    for (int i = 0; i < array.size(); i++) {
      String path = "seasons.rewards[" + i + "]";
      if (!(array.getValue(i) instanceof JsonObject reward)) {
        in.reject(path + " must be an object {top, coins, achievement}");
        continue;
      }
      ConfigReader r = in.within(reward, path);
      int top = r.intIn("top", 0, 1, MAX_TOP);
      if (!reward.containsKey("top")) {
        r.reject(path + ".top is required: the places (1 to " + MAX_TOP + ") this reward is for");
      } else if (top >= 1 && !tops.add(top)) {
        r.reject(path + ".top " + top + " is given twice");
      }
      int problemsBefore = r.problemCount();
      long coins = r.longIn("coins", 0, 0, 1_000_000_000);
      boolean coinsRead = r.problemCount() == problemsBefore;
      String achievement = r.string("achievement", null);
      if (achievement != null && achievements != null
          && achievements.stream().noneMatch(a -> a.code().equals(achievement))) {
        r.reject(path + ".achievement '" + achievement + "' is not one of the configured achievements");
      }
      if (coinsRead && coins == 0 && achievement == null) {
        r.reject(path + " gives nothing: set coins, achievement or both");
      }
      rewards.add(new SeasonReward(top, coins, achievement));
    }
    rewards.sort(Comparator.comparingInt(SeasonReward::top));
    return rewards;
  }
}
