package io.xpbridge.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An import event's change is computed from the locked row, in the calculator, by its mode. */
class ImportTargetTest {
  static final LedgerCalculator CALCULATOR = new LedgerCalculator(LedgerCalculatorTest.LADDER, List.of(
      new AchievementDefinition("rich", "Богач", "Rich", 55L, AchievementRule.BALANCE_AT_LEAST, 50),
      new AchievementDefinition("founder", "Основатель", "Founder", null, AchievementRule.MANUAL, 0)),
      // An hourly cap of 40 XP and a 2x multiplier on everything: neither applies to an import.
      new Economy(2.0, Map.of(), Map.of(), Map.of(), 5.0, List.of(), 40, 0, 0));

  static ClaimedEvent imported(long id, long player, ImportTarget target) {
    return new ClaimedEvent(id, "import_" + id, Platform.SYSTEM, EventType.IMPORT, player, 0, 0, null, "import (csv)",
        null, null, 0, null, target);
  }

  static ApplyPlan plan(ImportTarget target, PlayerState before) {
    return CALCULATOR.plan(List.of(imported(1, before.playerId(), target)), Map.of(before.playerId(), before));
  }

  static final PlayerState HOLDING_1000 = new PlayerState(7, 1000, 30, 0, null, ActivityState.EMPTY,
      new SeasonTally(1, 200, null, null));

  @Test
  void addPutsTheImportedXpOnTopMaxRaisesOnlyReplaceSetsExactly() {
    assertEquals(1400, plan(new ImportTarget(ImportTarget.Mode.ADD, 400, null, null), HOLDING_1000)
        .changedPlayers().get(7L).xp());
    assertTrue(plan(new ImportTarget(ImportTarget.Mode.MAX, 400, null, null), HOLDING_1000)
        .changedPlayers().isEmpty(), "max never lowers");
    assertEquals(2500, plan(new ImportTarget(ImportTarget.Mode.MAX, 2500, null, null), HOLDING_1000)
        .changedPlayers().get(7L).xp());
    ApplyPlan replace = plan(new ImportTarget(ImportTarget.Mode.REPLACE, 400, 5L, null), HOLDING_1000);
    assertEquals(400, replace.changedPlayers().get(7L).xp());
    assertEquals(5, replace.changedPlayers().get(7L).balance());
    assertEquals(-600, replace.audits().get(0).deltaXp());
    assertEquals(-25, replace.audits().get(0).deltaBalance());
  }

  @Test
  void importedXpIsNeitherCappedNorMultipliedAndLeavesTheSeasonAlone() {
    ApplyPlan plan = plan(new ImportTarget(ImportTarget.Mode.ADD, 5000, null, null), HOLDING_1000);
    PlayerState after = plan.changedPlayers().get(7L);
    assertEquals(6000, after.xp());
    assertEquals(200, after.seasonXp());
    assertEquals(30, after.balance(), "no balance in the file: the balance stays");
  }

  @Test
  void aRowThatChangesNothingIsStillAuditedSoItsKeyStaysSpent() {
    ApplyPlan plan = plan(new ImportTarget(ImportTarget.Mode.MAX, 10, null, null), HOLDING_1000);
    assertEquals(1, plan.audits().size());
    assertEquals(0, plan.audits().get(0).deltaXp());
    assertTrue(plan.audits().get(0).metadataJson().contains("\"fromXp\": 1000"));
  }

  @Test
  void rankChangesAndAchievementsOfAnImportGoToDiscordWithoutMessages() {
    ApplyPlan plan = CALCULATOR.withMemberAnnouncements(true).plan(List.of(imported(1, 7,
        new ImportTarget(ImportTarget.Mode.REPLACE, 500, 60L, List.of("founder", "unknown_here")))),
        Map.of(7L, new PlayerState(7, 0, 0, 0, null)));
    List<QueuedEffect> effects = plan.followUps(java.util.Set.of("7:rich", "7:founder"));
    // founder has no Discord role: nothing to show for it, so no effect row (the unlock itself is kept).
    assertEquals(2, effects.size(), "one rank change, the rich role, no announcements: " + effects);
    assertTrue(plan.achievementCandidates().stream().anyMatch(c -> c.code().equals("founder")));
    for (QueuedEffect effect : effects) {
      assertEquals(MirrorTarget.DISCORD, effect.targets());
      assertEquals(false, effect.announce());
    }
    assertTrue(plan.achievementCandidates().stream().noneMatch(c -> c.code().equals("unknown_here")));
  }

  @Test
  void withoutMappedRankRolesAnImportQueuesNoRankEffect() {
    LedgerCalculator noRoles = new LedgerCalculator(new RankLadder(List.of(new Rank(1, "Один", "One", 0, null),
        new Rank(2, "Два", "Two", 100, null))), List.of());
    ApplyPlan plan = noRoles.plan(List.of(imported(1, 7, new ImportTarget(ImportTarget.Mode.MAX, 500, null, null))),
        Map.of(7L, new PlayerState(7, 0, 0, 0, null)));
    assertEquals(1, plan.rankChanges().size(), "the rank still changes");
    assertTrue(plan.followUps(java.util.Set.of()).isEmpty(), "but Discord has no role to show for it");
  }

  @Test
  void negativeFiguresAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> new ImportTarget(ImportTarget.Mode.ADD, -1, null, null));
    assertThrows(IllegalArgumentException.class, () -> new ImportTarget(ImportTarget.Mode.ADD, 1, -1L, null));
  }
}
