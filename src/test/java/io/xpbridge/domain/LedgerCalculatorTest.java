package io.xpbridge.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LedgerCalculatorTest {
  static final RankLadder LADDER = new RankLadder(List.of(
      new Rank(1, "Один", "One", 0, null), new Rank(2, "Два", "Two", 100, 22L), new Rank(3, "Три", "Three", 300, 33L)));
  static final LedgerCalculator CALCULATOR = new LedgerCalculator(LADDER, List.of(
      new AchievementDefinition("rich", "Богач", "Rich", null, AchievementRule.BALANCE_AT_LEAST, 50),
      new AchievementDefinition("bridge", "Мост", "Bridge", null, AchievementRule.LINKED, 0)));

  static ClaimedEvent event(long id, long player, long xp, long balance) {
    return new ClaimedEvent(id, "k" + id, Platform.TELEGRAM, EventType.XP_CHANGE, player, xp, balance, null, null, null, null, 0);
  }

  @Test
  void rankIsDerivedByBinarySearchOverTheLadder() {
    assertEquals(1, LADDER.rankFor(0).number());
    assertEquals(1, LADDER.rankFor(99).number());
    assertEquals(2, LADDER.rankFor(100).number());
    assertEquals(3, LADDER.rankFor(1_000_000).number());
    assertEquals(List.of(22L, 33L), LADDER.mappedRoleIds());
  }

  @Test
  void eventsOfOnePlayerApplyInOrderAndSeveralCrossingsBecomeOneRankChange() {
    ApplyPlan plan = CALCULATOR.plan(List.of(event(1, 7, 150, 0), event(2, 7, 200, 0)),
        Map.of(7L, new PlayerState(7, 0, 0, 0, null)));
    assertEquals(350, plan.changedPlayers().get(7L).xp());
    assertEquals(1, plan.rankChanges().size());
    assertEquals(1, plan.rankChanges().get(0).fromRank());
    assertEquals(3, plan.rankChanges().get(0).toRank());
    assertEquals(2, plan.rankChanges().get(0).cause().id(), "the last crossing names the change");
    assertEquals(MirrorTarget.DISCORD, plan.outcomes().get(0).processedBy());
  }

  @Test
  void anEventThatWouldMakeTheBalanceNegativeFailsAloneAndTheOthersStillApply() {
    ApplyPlan plan = CALCULATOR.plan(List.of(event(1, 7, 0, 30), event(2, 7, 10, -40), event(3, 7, 0, -30)),
        Map.of(7L, new PlayerState(7, 0, 0, 0, null)));
    assertTrue(plan.outcomes().get(0).applied());
    assertFalse(plan.outcomes().get(1).applied());
    assertTrue(plan.outcomes().get(1).error().contains("below zero"));
    assertTrue(plan.outcomes().get(2).applied());
    assertEquals(0, plan.changedPlayers().get(7L).balance());
    assertEquals(0, plan.changedPlayers().get(7L).xp(), "the failed event's XP is not applied either");
    assertEquals(2, plan.audits().size());
  }

  @Test
  void crossingAnAchievementThresholdMakesACandidateOnce() {
    ApplyPlan plan = CALCULATOR.plan(List.of(event(1, 7, 0, 60), event(2, 7, 0, 10)),
        Map.of(7L, new PlayerState(7, 0, 0, 0, null)));
    assertEquals(1, plan.achievementCandidates().size());
    assertEquals("rich", plan.achievementCandidates().get(0).code());
  }

  @Test
  void aSecondDailyRewardForTheSameDayIsRefused() {
    LocalDate today = LocalDate.of(2026, 11, 25);
    ClaimedEvent daily = new ClaimedEvent(1, "d1", Platform.TELEGRAM, EventType.REWARD_GRANT, 7, 50, 100, null,
        null, today, 3, 0);
    ApplyPlan plan = CALCULATOR.plan(List.of(daily), Map.of(7L, new PlayerState(7, 0, 0, 2, today)));
    assertFalse(plan.outcomes().get(0).applied());
    ApplyPlan nextDay = CALCULATOR.plan(List.of(daily), Map.of(7L, new PlayerState(7, 0, 0, 2, today.minusDays(1))));
    assertEquals(3, nextDay.changedPlayers().get(7L).dailyStreak());
    assertEquals(today, nextDay.changedPlayers().get(7L).lastDailyDay());
  }

  static ClaimedEvent link(long id, long survivor, long xp, long balance) {
    return new ClaimedEvent(id, "link:ABC", Platform.DISCORD, EventType.LINK, survivor, xp, balance, null, null, null,
        null, 0);
  }

  @Test
  void aLinkMovesEverythingOverAuditsBothSidesAndCrossesThresholdsLikeAnyChange() {
    PlayerState survivor = new PlayerState(7, 90, 40, 2, LocalDate.of(2026, 1, 1));
    PlayerState absorbed = new PlayerState(9, 20, 15, 5, LocalDate.of(2026, 1, 3));
    ApplyPlan plan = CALCULATOR.planLink(link(50, 7, 20, 15), survivor, absorbed);

    assertEquals(new PlayerState(7, 110, 55, 5, LocalDate.of(2026, 1, 3)), plan.changedPlayers().get(7L),
        "XP and coins move over, the more recent streak survives");
    assertEquals(0, plan.changedPlayers().get(9L).xp());
    assertEquals(0, plan.changedPlayers().get(9L).balance());
    assertEquals(List.of("link:ABC:in", "link:ABC:out"), plan.audits().stream().map(ApplyPlan.AuditRow::key).toList());
    assertEquals(0, plan.audits().stream().mapToLong(ApplyPlan.AuditRow::deltaXp).sum(), "a transfer adds up to zero");
    assertEquals(List.of("rich", "bridge"), plan.achievementCandidates().stream()
        .map(ApplyPlan.AchievementCandidate::code).toList(), "the balance threshold crossed by the merge, and linking");
    ApplyPlan.RankChange rank = plan.rankChanges().get(0);
    assertEquals(1, rank.fromRank());
    assertEquals(2, rank.toRank());
    assertEquals(MirrorTarget.BOTH, rank.targets(), "a rise is announced on both platforms");
    assertEquals(List.of("link:ABC:rank2", "link:ABC:ach:rich"), plan.followUps(java.util.Set.of("7:rich"))
        .stream().map(QueuedEffect::key).toList(), "only what the database newly unlocked is announced");
  }

  @Test
  void aLinkOfANewAccountMovesNothingAndGivesTheDiscordRoleOfTheRankHeld() {
    PlayerState survivor = new PlayerState(7, 150, 0, 0, null);
    ApplyPlan plan = CALCULATOR.planLink(link(51, 7, 0, 0), survivor, null);

    assertTrue(plan.changedPlayers().isEmpty());
    assertTrue(plan.audits().isEmpty());
    ApplyPlan.RankChange rank = plan.rankChanges().get(0);
    assertEquals(2, rank.fromRank());
    assertEquals(2, rank.toRank());
    assertEquals(MirrorTarget.DISCORD, rank.targets());
    assertFalse(plan.followUps(java.util.Set.of()).get(0).announce(), "no rank-up message for a rank already held");
  }

  @Test
  void activityXpIsMultipliedWhereItWasEarnedAndTheAuditRowSaysHow() {
    Economy economy = new Economy(1.5, java.util.Map.of(10L, 2.0, 11L, 0.0), java.util.Map.of(20L, 1.2, 21L, 3.0),
        java.util.Map.of(-100L, 0.5), 5.0);
    LedgerCalculator calculator = new LedgerCalculator(LADDER, List.of(), economy);
    ClaimedEvent inChannel = activity(1, Activity.discordMessage(10, null, List.of(20L)));
    ClaimedEvent inThread = activity(2, Activity.discordMessage(99, 11L, List.of()));
    ClaimedEvent capped = activity(3, Activity.discordVoice(10, List.of(20L, 21L)));
    ClaimedEvent inChat = activity(4, Activity.telegramGame(-100));
    ClaimedEvent grant = event(5, 7, 15, 0);

    ApplyPlan plan = calculator.plan(List.of(inChannel, inThread, capped, inChat, grant),
        Map.of(7L, new PlayerState(7, 0, 0, 0, null)));

    // 15 x 1.5 x 2 x 1.2 = 54; a thread follows its parent at 0; 1.5 x 2 x 3 = 9 is capped at 5 (75);
    // 15 x 1.5 x 0.5 = 11.25 rounds to 11; a grant that is not activity is not multiplied.
    assertEquals(List.of(54L, 0L, 75L, 11L, 15L), plan.audits().stream().map(ApplyPlan.AuditRow::deltaXp).toList());
    assertEquals(List.of(15L, 15L, 15L, 15L), plan.audits().stream().limit(4).map(ApplyPlan.AuditRow::baseXp).toList());
    assertEquals(java.util.Arrays.asList("3.6", "0", "5", "0.75", null), plan.audits().stream()
        .map(a -> a.multiplier() == null ? null : a.multiplier().toPlainString()).toList());
    assertEquals(54 + 75 + 11 + 15, plan.changedPlayers().get(7L).xp());
  }

  @Test
  void xpIsRoundedHalfUp() {
    assertEquals(3, Economy.apply(5, new java.math.BigDecimal("0.5")), "2.5 rounds up");
    assertEquals(2, Economy.apply(5, new java.math.BigDecimal("0.49")));
    assertEquals(23, Economy.apply(15, new java.math.BigDecimal("1.5")), "22.5 rounds up");
  }

  static ClaimedEvent activity(long id, Activity activity) {
    return new ClaimedEvent(id, "a" + id, Platform.DISCORD, EventType.XP_CHANGE, 7, 15, 0, null, null, null, null, 0,
        activity);
  }

  @Test
  void boostsMultiplyActivityOnTheirPlatformsWhileTheyRunAndStack() {
    Economy economy = new Economy(1.0, Map.of(), Map.of(), Map.of(), 5.0, List.of(
        new Economy.Boost("weekend", 1_000, 2_000, 2.0, java.util.Set.of(Platform.DISCORD, Platform.TELEGRAM)),
        new Economy.Boost("discord night", 1_500, 3_000, 1.5, java.util.Set.of(Platform.DISCORD))));
    Activity message = Activity.discordMessage(1, null, List.of());
    assertEquals("1", economy.multiplier(message, Platform.DISCORD, 999).toPlainString(), "not started");
    assertEquals("2", economy.multiplier(message, Platform.DISCORD, 1_000).toPlainString());
    assertEquals("3", economy.multiplier(message, Platform.DISCORD, 1_500).toPlainString(), "stacked");
    assertEquals("2", economy.multiplier(Activity.telegramGame(5), Platform.TELEGRAM, 1_500).toPlainString(),
        "the Discord-only boost does not apply in Telegram");
    assertEquals("1.5", economy.multiplier(message, Platform.DISCORD, 2_000).toPlainString(), "the weekend ended");
    assertEquals("1", economy.multiplier(null, Platform.DISCORD, 1_500).toPlainString(), "a grant is not activity");
  }

  static ClaimedEvent earned(long id, long player, long xp, long coins, Activity activity, long atMs) {
    return new ClaimedEvent(id, "e" + id, Platform.DISCORD, EventType.XP_CHANGE, player, xp, coins, null, null, null,
        null, atMs, activity);
  }

  @Test
  void theHourlyBudgetCutsActivityXpAcrossPlatformsAndFreesUpAfterAnHour() {
    Economy economy = new Economy(1.0, Map.of(), Map.of(), Map.of(), 5.0, List.of(), 40, 0, 0);
    LedgerCalculator calculator = new LedgerCalculator(LADDER, List.of(), economy);
    long t = 1_000_000 * 60_000L;
    ApplyPlan plan = calculator.plan(List.of(
        earned(1, 7, 15, 0, Activity.discordVoice(3, List.of()), t),
        earned(2, 7, 15, 2, Activity.telegramGame(9), t + 1_000),
        earned(3, 7, 15, 2, Activity.discordVoice(3, List.of()), t + 59 * 60_000L),
        event(4, 7, 500, 0),
        earned(5, 7, 15, 0, Activity.discordVoice(3, List.of()), t + 60 * 60_000L)),
        Map.of(7L, new PlayerState(7, 0, 0, 0, null)));

    assertEquals(List.of(15L, 15L, 10L, 500L, 15L), plan.audits().stream().map(ApplyPlan.AuditRow::deltaXp).toList(),
        "the third stops at 40; a grant is not activity; an hour after the first, 15 are free again");
    assertEquals(2, plan.audits().get(2).deltaBalance(), "coins are not capped");
    assertEquals("{\"withheld\": {\"by\": \"hourlyXpCap\", \"xp\": 5}}", plan.audits().get(2).metadataJson());
    assertEquals(15 + 15 + 10 + 500 + 15, plan.changedPlayers().get(7L).xp());
    assertEquals(25, plan.changedPlayers().get(7L).activity().paidInLastHour(t + 60 * 60_000L),
        "the minute of the first left the window: 10 + 15 remain");
  }

  @Test
  void withinThePlayersCooldownAMessageOrAGamePaysNothingAndTheStateSurvivesAsText() {
    Economy economy = new Economy(1.0, Map.of(), Map.of(), Map.of(), 5.0, List.of(), 0, 60_000, 30_000);
    LedgerCalculator calculator = new LedgerCalculator(LADDER, List.of(), economy);
    long t = 1_700_000_000_000L;
    ApplyPlan plan = calculator.plan(List.of(
        earned(1, 7, 15, 0, Activity.discordMessage(3, null, List.of()).at(t), t),
        earned(2, 7, 15, 0, Activity.discordMessage(3, null, List.of()).at(t + 10_000), t + 10_000),
        earned(3, 7, 20, 8, Activity.telegramGame(9).at(t + 11_000), t + 11_000),
        earned(4, 7, 20, 8, Activity.telegramGame(9).at(t + 20_000), t + 20_000),
        earned(5, 7, 15, 0, Activity.discordMessage(3, null, List.of()).at(t + 60_000), t + 60_000)),
        Map.of(7L, new PlayerState(7, 0, 0, 0, null)));

    assertEquals(List.of(15L, 0L, 20L, 0L, 15L), plan.audits().stream().map(ApplyPlan.AuditRow::deltaXp).toList());
    assertEquals(List.of(0L, 0L, 8L, 0L, 0L), plan.audits().stream().map(ApplyPlan.AuditRow::deltaBalance).toList(),
        "a game in its cooldown pays no coins either");
    assertEquals("{\"withheld\": {\"by\": \"cooldown\", \"xp\": 20, \"coins\": 8}}", plan.audits().get(3).metadataJson());
    ActivityState state = plan.changedPlayers().get(7L).activity();
    assertEquals(state, ActivityState.parse(state.format()), "kept on the ledger row as text and read back alike");
    assertEquals(t + 60_000, state.lastMessageAtMs());
  }

  @Test
  void everyXpChangeCountsForTheRunningSeasonWhichNeverGoesBelowZero() {
    PlayerState player = new PlayerState(7, 500, 0, 0, null).withSeason(new SeasonTally(3, 40, 2, 120L));
    ApplyPlan plan = CALCULATOR.plan(List.of(event(1, 7, 25, 0), event(2, 7, -100, 0)), Map.of(7L, player));
    assertEquals(new SeasonTally(3, 0, 2, 120L), plan.changedPlayers().get(7L).season(),
        "+25 then -100: the season's XP stops at 0 while lifetime XP is 425; last season's figure is kept");
    assertEquals(425, plan.changedPlayers().get(7L).xp());
  }

  @Test
  void aPlayerLastSeenInAnEndedSeasonStartsTheRunningOneAtZeroKeepingTheOldFigure() {
    SeasonTally stored = new SeasonTally(2, 120, 1, 30L);
    assertEquals(new SeasonTally(4, 0, 2, 120L), stored.in(4));
    assertEquals(stored, stored.in(2), "already in the running season: unchanged");
    PlayerState player = new PlayerState(7, 500, 0, 0, null).withSeason(stored.in(4));
    ApplyPlan plan = CALCULATOR.plan(List.of(event(1, 7, 15, 0)), Map.of(7L, player));
    assertEquals(new SeasonTally(4, 15, 2, 120L), plan.changedPlayers().get(7L).season());
  }

  @Test
  void aLinkMovesTheSeasonsXpNotTheAbsorbedPlayersLifetimeXp() {
    PlayerState survivor = new PlayerState(7, 900, 0, 0, null).withSeason(new SeasonTally(5, 60, null, null));
    PlayerState absorbed = new PlayerState(9, 400, 0, 0, null).withSeason(new SeasonTally(5, 25, null, null));
    ApplyPlan plan = CALCULATOR.planLink(link(52, 7, 400, 0), survivor, absorbed);
    assertEquals(1300, plan.changedPlayers().get(7L).xp());
    assertEquals(85, plan.changedPlayers().get(7L).seasonXp());
    assertEquals(0, plan.changedPlayers().get(9L).seasonXp());
  }

  @Test
  void aRewardWithAnAchievementUnlocksItAndAnUnknownOneFailsTheReward() {
    ClaimedEvent reward = new ClaimedEvent(1, "season:1:reward:7", Platform.SYSTEM, EventType.REWARD_GRANT, 7, 0, 10,
        "bridge", "season 1: place 1", null, null, 0);
    ApplyPlan plan = CALCULATOR.plan(List.of(reward), Map.of(7L, new PlayerState(7, 0, 0, 0, null)));
    assertEquals(List.of("bridge"), plan.achievementCandidates().stream().map(ApplyPlan.AchievementCandidate::code).toList());
    assertEquals(List.of("season:1:reward:7:ach:bridge"), plan.followUps(java.util.Set.of("7:bridge")).stream()
        .map(QueuedEffect::key).toList(), "its role and message follow like any unlock");
    ClaimedEvent unknown = new ClaimedEvent(2, "season:1:reward:8", Platform.SYSTEM, EventType.REWARD_GRANT, 8, 0, 5,
        "gone", null, null, null, 0);
    ApplyPlan refused = CALCULATOR.plan(List.of(unknown), Map.of(8L, new PlayerState(8, 0, 0, 0, null)));
    assertFalse(refused.outcomes().get(0).applied());
    assertEquals("unknown achievement 'gone'", refused.outcomes().get(0).error());
  }

  // ---- announcements in discord.announceChannelId (issue 14) ----

  static final LedgerCalculator ANNOUNCING = CALCULATOR.withMemberAnnouncements(true);

  static List<QueuedEffect> announcements(List<QueuedEffect> effects) {
    return effects.stream().filter(e -> e.type() == EventType.ANNOUNCEMENT).toList();
  }

  @Test
  void aRankRiseQueuesOneAnnouncementKeyedByItsEffectForDiscordOnly() {
    ApplyPlan plan = ANNOUNCING.plan(List.of(event(1, 7, 150, 0), event(2, 7, 200, 0)),
        Map.of(7L, new PlayerState(7, 0, 0, 0, null)));

    List<QueuedEffect> effects = plan.followUps(java.util.Set.of());
    assertEquals(List.of("k2:rank3", "k2:rank3:announce"), effects.stream().map(QueuedEffect::key).toList());
    QueuedEffect announcement = announcements(effects).get(0);
    assertEquals(3, announcement.rank());
    assertEquals(1, announcement.previousRank());
    assertEquals(MirrorTarget.DISCORD, announcement.targets());
    assertEquals(2L, announcement.causeEventId());
    assertEquals("k2:rank3:announce", IdempotencyKeys.announcement(IdempotencyKeys.rankChange("k2", 3)));
  }

  @Test
  void aNewAchievementIsAnnouncedOnceAndOnlyWhenTheDatabaseUnlockedIt() {
    ApplyPlan plan = ANNOUNCING.plan(List.of(event(1, 7, 0, 60)), Map.of(7L, new PlayerState(7, 0, 0, 0, null)));

    assertEquals(List.of("k1:ach:rich:announce"), announcements(plan.followUps(java.util.Set.of("7:rich"))).stream()
        .map(QueuedEffect::key).toList());
    assertEquals("rich", announcements(plan.followUps(java.util.Set.of("7:rich"))).get(0).achievement());
    assertEquals(List.of(), announcements(plan.followUps(java.util.Set.of())), "held already: no news");
  }

  @Test
  void anAchievementUnlockEventIsAnnouncedUnderItsOwnKey() {
    ClaimedEvent unlock = new ClaimedEvent(3, "admin_ach_1", Platform.SYSTEM, EventType.ACHIEVEMENT_UNLOCK, 7, 0, 0,
        "bridge", null, null, null, 0);
    ApplyPlan plan = ANNOUNCING.plan(List.of(unlock), Map.of(7L, new PlayerState(7, 0, 0, 0, null)));

    assertEquals(List.of("admin_ach_1:announce"), plan.followUps(java.util.Set.of("7:bridge")).stream()
        .map(QueuedEffect::key).toList(), "the event carries its role and message itself");
  }

  @Test
  void aDemotionIsNotAnnounced() {
    ApplyPlan plan = ANNOUNCING.plan(List.of(event(1, 7, -250, 0)), Map.of(7L, new PlayerState(7, 320, 0, 0, null)));

    assertEquals(1, plan.rankChanges().size());
    assertEquals(List.of("k1:rank1"), plan.followUps(java.util.Set.of()).stream().map(QueuedEffect::key).toList());
  }

  @Test
  void whatALinkOrARewardBroughtIsNotAnnounced() {
    PlayerState survivor = new PlayerState(7, 90, 40, 2, null);
    PlayerState absorbed = new PlayerState(9, 20, 15, 0, null);
    ApplyPlan link = ANNOUNCING.planLink(link(50, 7, 20, 15), survivor, absorbed);
    assertEquals(List.of(), announcements(link.followUps(java.util.Set.of("7:rich", "7:bridge"))),
        "a merge's rank rise and achievements are no news");

    ClaimedEvent reward = new ClaimedEvent(1, "season:1:reward:7", Platform.SYSTEM, EventType.REWARD_GRANT, 7, 0, 10,
        "bridge", "season 1: place 1", null, null, 0);
    ApplyPlan rewarded = ANNOUNCING.plan(List.of(reward), Map.of(7L, new PlayerState(7, 0, 0, 0, null)));
    assertEquals(List.of(), announcements(rewarded.followUps(java.util.Set.of("7:bridge"))),
        "the season results post announces it already");
  }

  @Test
  void withoutAnAnnounceChannelNothingIsAnnounced() {
    ApplyPlan plan = CALCULATOR.plan(List.of(event(1, 7, 350, 60)), Map.of(7L, new PlayerState(7, 0, 0, 0, null)));

    assertEquals(List.of("k1:rank3", "k1:ach:rich"), plan.followUps(java.util.Set.of("7:rich")).stream()
        .map(QueuedEffect::key).toList());
  }
}
