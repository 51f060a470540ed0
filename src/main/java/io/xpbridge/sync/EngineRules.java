package io.xpbridge.sync;

import io.xpbridge.config.AppConfig;
import io.xpbridge.config.SyncSettings;
import io.xpbridge.domain.AchievementDefinition;
import io.xpbridge.domain.LedgerCalculator;
import io.xpbridge.domain.RankLadder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The part of the configuration the engine works with; replaced as a whole on a config change.
 * {@code announceLanguage} is {@code discord.announceLocale}: names in Discord announcements.
 */
public record EngineRules(SyncSettings sync, RankLadder ladder, Map<String, AchievementDefinition> achievements,
    LedgerCalculator calculator, String announceLanguage) {

  public EngineRules(SyncSettings sync, RankLadder ladder, Map<String, AchievementDefinition> achievements,
      LedgerCalculator calculator) {
    this(sync, ladder, achievements, calculator, "ru");
  }

  public static EngineRules from(AppConfig config) {
    return from(config, java.util.List.of());
  }

  /** With the boosts an admin started ({@code storedBoosts}) on top of the config's economy. */
  public static EngineRules from(AppConfig config, java.util.List<io.xpbridge.domain.Economy.Boost> storedBoosts) {
    RankLadder ladder = config.gameRules().ladder();
    List<AchievementDefinition> list = config.gameRules().achievements();
    Map<String, AchievementDefinition> byCode = new LinkedHashMap<>();
    list.forEach(a -> byCode.put(a.code(), a));
    boolean announceMembers = config.discord().hasToken() && config.discord().announceChannelId() != null;
    return new EngineRules(config.sync(), ladder, byCode, new LedgerCalculator(ladder, list,
        config.economy().withBoosts(storedBoosts)).withMemberAnnouncements(announceMembers),
        config.discord().announceLocale());
  }
}
