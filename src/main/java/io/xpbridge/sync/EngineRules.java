package io.xpbridge.sync;

import io.vertx.core.json.JsonObject;
import io.xpbridge.config.GameRules;
import io.xpbridge.config.SyncSettings;
import io.xpbridge.domain.AchievementDefinition;
import io.xpbridge.domain.LedgerCalculator;
import io.xpbridge.domain.RankLadder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The part of the configuration the engine works with; replaced as a whole on a config change. */
public record EngineRules(SyncSettings sync, RankLadder ladder, Map<String, AchievementDefinition> achievements,
    LedgerCalculator calculator) {

  public static EngineRules from(JsonObject config) {
    RankLadder ladder = GameRules.ladder(config);
    List<AchievementDefinition> list = GameRules.achievements(config);
    Map<String, AchievementDefinition> byCode = new LinkedHashMap<>();
    list.forEach(a -> byCode.put(a.code(), a));
    return new EngineRules(SyncSettings.from(config), ladder, byCode, new LedgerCalculator(ladder, list));
  }
}
