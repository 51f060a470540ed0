package io.xpbridge.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies a batch of events to the locked ledger rows, in event order, in memory, pricing activity
 * XP by the {@link Economy} (multipliers and boosts, the player's cooldowns and hourly budget, all
 * read from the event and the locked row, never from the clock). Pure: the same input always gives
 * the same plan, so a batch retried after a crash computes the same writes.
 */
public final class LedgerCalculator {
  static final long COOLDOWN_SLACK_MS = 1_000;

  private final RankLadder ladder;
  private final List<AchievementDefinition> achievements;
  private final Economy economy;
  private final boolean announceMembers;
  private final java.util.Set<String> achievementsWithRoles;
  private final java.util.Set<String> achievementCodes;
  /** Whether any rank has a Discord role: read once here, not per planned batch. */
  private final boolean rankRolesMapped;

  public LedgerCalculator(RankLadder ladder, List<AchievementDefinition> achievements) {
    this(ladder, achievements, Economy.NEUTRAL);
  }

  public LedgerCalculator(RankLadder ladder, List<AchievementDefinition> achievements, Economy economy) {
    this(ladder, achievements, economy, false);
  }

  private LedgerCalculator(RankLadder ladder, List<AchievementDefinition> achievements, Economy economy,
      boolean announceMembers) {
    this.ladder = ladder;
    this.achievements = List.copyOf(achievements);
    this.economy = economy;
    this.announceMembers = announceMembers;
    this.achievementsWithRoles = this.achievements.stream().filter(a -> a.discordRoleId() != null)
        .map(AchievementDefinition::code).collect(java.util.stream.Collectors.toUnmodifiableSet());
    this.achievementCodes = this.achievements.stream().map(AchievementDefinition::code)
        .collect(java.util.stream.Collectors.toUnmodifiableSet());
    this.rankRolesMapped = !ladder.mappedRoleIds().isEmpty();
  }

  /**
   * This calculator whose plans queue announcements of rank rises and new achievements
   * ({@link ApplyPlan#followUps}): on when a Discord bot and discord.announceChannelId are configured.
   */
  public LedgerCalculator withMemberAnnouncements(boolean on) {
    return new LedgerCalculator(ladder, achievements, economy, on);
  }

  public ApplyPlan plan(List<ClaimedEvent> events, Map<Long, PlayerState> lockedPlayers) {
    Map<Long, PlayerState> current = new HashMap<>(lockedPlayers);
    Map<Long, PlayerState> changed = new LinkedHashMap<>();
    Map<Long, ClaimedEvent> lastRankCause = new HashMap<>();
    List<ApplyPlan.Outcome> outcomes = new ArrayList<>(events.size());
    List<ApplyPlan.AuditRow> audits = new ArrayList<>(events.size());
    List<ApplyPlan.AchievementCandidate> candidates = new ArrayList<>();

    for (ClaimedEvent event : events) {
      PlayerState before = current.get(event.playerId());
      if (before == null) {
        outcomes.add(failed(event, "player " + event.playerId() + " does not exist"));
        continue;
      }
      Priced priced = price(event, before);
      long xp = priced.xp();
      String rejection = rejection(event, before, xp);
      if (rejection != null) {
        outcomes.add(failed(event, rejection));
        continue;
      }
      PlayerState after = before.withDeltas(xp, priced.coins()).withActivity(priced.activity());
      if (event.importTarget() != null) {
        // Imported XP was earned elsewhere, before this season: it counts for lifetime XP and rank only.
        after = after.withSeason(before.season());
      }
      if (event.dailyDay() != null) {
        after = after.withDaily(event.dailyStreak() == null ? 1 : event.dailyStreak(), event.dailyDay());
      }
      if (!after.equals(before)) {
        current.put(event.playerId(), after);
        changed.put(event.playerId(), after);
      }
      if (event.importTarget() != null) {
        // Every imported row is audited, a change of 0 too: the audit row keeps its key spent for good.
        audits.add(new ApplyPlan.AuditRow(event, event.idempotencyKey(), event.playerId(), xp, priced.coins(),
            event.reason(), importMetadata(event.importTarget(), before)));
      } else if (xp != 0 || event.xpDelta() != 0 || event.balanceDelta() != 0
          || event.type() == EventType.REWARD_GRANT) {
        // Activity that a 0x channel made worth nothing is still audited: its key is spent and the row says why.
        audits.add(new ApplyPlan.AuditRow(event, event.idempotencyKey(), event.playerId(), xp, priced.coins(),
            event.reason(), priced.withheldJson(), priced.multiplier() == null ? null : event.xpDelta(),
            priced.multiplier()));
      }
      if (ladder.rankFor(before.xp()).number() != ladder.rankFor(after.xp()).number()) {
        lastRankCause.put(event.playerId(), event);
      }
      earned(event, event.playerId(), before, after, candidates);
      if (event.importTarget() != null) {
        for (String code : event.importTarget().achievements()) {
          // Codes this config does not define are left out (an export of another setup): nothing to show them by.
          if (achievementCodes.contains(code)) {
            candidates.add(new ApplyPlan.AchievementCandidate(event.playerId(), code, event, false));
          }
        }
      }
      if (event.type() == EventType.ACHIEVEMENT_UNLOCK) {
        candidates.add(new ApplyPlan.AchievementCandidate(event.playerId(), event.achievement(), event, true));
      } else if (event.type() == EventType.REWARD_GRANT && event.achievement() != null) {
        // A reward may give an achievement (a season's champion): unlocked once, its role and message follow.
        candidates.add(new ApplyPlan.AchievementCandidate(event.playerId(), event.achievement(), event, false));
      }
      outcomes.add(new ApplyPlan.Outcome(event, true, null, event.source().mirrorTarget(), xp, priced.withheldBy()));
    }

    List<ApplyPlan.RankChange> rankChanges = new ArrayList<>();
    lastRankCause.forEach((playerId, cause) -> {
      int from = ladder.rankFor(lockedPlayers.get(playerId).xp()).number();
      int to = ladder.rankFor(current.get(playerId).xp()).number();
      if (from != to) {
        rankChanges.add(new ApplyPlan.RankChange(playerId, from, to, cause));
      }
    });
    rankChanges.sort((a, b) -> Long.compare(a.cause().id(), b.cause().id()));
    return new ApplyPlan(outcomes, audits, changed, rankChanges, candidates, announceMembers, achievementsWithRoles,
        rankRolesMapped);
  }

  /**
   * A /link: the accounts of {@code survivor} and, when the linking account already had a player of
   * its own, {@code absorbed} become one. Everything the absorbed player earned moves over (a transfer
   * audited on both sides; the more recent daily streak survives), and the survivor's rank and
   * achievements are evaluated for the change like any other, linking itself included.
   *
   * @param link the link event, its deltas being what moves (the absorbed player's XP and coins)
   * @param absorbed null when the linking account had no player yet
   */
  public ApplyPlan planLink(ClaimedEvent link, PlayerState survivor, PlayerState absorbed) {
    Map<Long, PlayerState> changed = new LinkedHashMap<>();
    List<ApplyPlan.AuditRow> audits = new ArrayList<>(2);
    PlayerState after = survivor;
    if (absorbed != null) {
      after = survivor.withDeltas(link.xpDelta(), link.balanceDelta());
      if (absorbed.lastDailyDay() != null
          && (survivor.lastDailyDay() == null || absorbed.lastDailyDay().isAfter(survivor.lastDailyDay()))) {
        after = after.withDaily(absorbed.dailyStreak(), absorbed.lastDailyDay());
      }
      after = after.withActivity(survivor.activity().merge(absorbed.activity()))
          // The season's XP moves with the rest (not the absorbed player's lifetime XP, which withDeltas would add).
          .withSeason(survivor.season().withXp(survivor.seasonXp() + absorbed.seasonXp()));
      changed.put(absorbed.playerId(), absorbed.withDeltas(-link.xpDelta(), -link.balanceDelta())
          .withSeason(absorbed.season().withXp(0)));
      changed.put(survivor.playerId(), after);
      String metadata = "{\"key\": \"" + link.idempotencyKey() + "\", \"from\": " + absorbed.playerId()
          + ", \"into\": " + survivor.playerId() + "}";
      audits.add(new ApplyPlan.AuditRow(link, IdempotencyKeys.mergeIn(link.idempotencyKey()), survivor.playerId(),
          link.xpDelta(), link.balanceDelta(), "link: merged player " + absorbed.playerId(), metadata));
      audits.add(new ApplyPlan.AuditRow(link, IdempotencyKeys.mergeOut(link.idempotencyKey()), absorbed.playerId(),
          -link.xpDelta(), -link.balanceDelta(), "link: merged into player " + survivor.playerId(), metadata));
    }
    int from = ladder.rankFor(survivor.xp()).number();
    int to = ladder.rankFor(after.xp()).number();
    // A rise is announced everywhere; otherwise the newly linked Discord account still needs its role.
    ApplyPlan.RankChange rank = from != to
        ? new ApplyPlan.RankChange(survivor.playerId(), from, to, link)
        : new ApplyPlan.RankChange(survivor.playerId(), to, to, link, MirrorTarget.DISCORD);
    List<ApplyPlan.AchievementCandidate> candidates = new ArrayList<>();
    earned(link, survivor.playerId(), survivor, after, candidates);
    ApplyPlan.Outcome outcome = new ApplyPlan.Outcome(link, true, null, link.source().mirrorTarget());
    return new ApplyPlan(List.of(outcome), audits, changed, List.of(rank), candidates, announceMembers,
        achievementsWithRoles, rankRolesMapped);
  }

  /**
   * What an event pays: activity XP multiplied where it was earned, nothing within the player's
   * cooldown of that activity (a game's coins neither), and no more than the hourly budget has left;
   * the player's recent activity is updated when the economy keeps it. Other changes pay as asked.
   */
  private Priced price(ClaimedEvent event, PlayerState before) {
    ImportTarget target = event.importTarget();
    if (target != null) {
      // Not activity: neither multiplied nor capped by economy.hourlyXpCap, and computed from the locked row.
      return new Priced(target.xpDelta(before.xp()), target.balanceDelta(before.balance()), null, before.activity(),
          null, null);
    }
    Activity activity = event.activity();
    if (activity == null) {
      return new Priced(event.xpDelta(), event.balanceDelta(), null, before.activity(), null, null);
    }
    java.math.BigDecimal multiplier = economy.multiplier(activity, event.source(), event.createdAtMs());
    long xp = Economy.apply(event.xpDelta(), multiplier);
    long coins = event.balanceDelta();
    if (!economy.tracksActivity()) {
      return new Priced(xp, coins, multiplier, before.activity(), null, null);
    }
    long at = activity.timeMs(event.createdAtMs());
    ActivityState state = before.activity();
    long cooldown = economy.cooldownMs(activity.kind());
    long last = state.lastAtMs(activity.kind());
    // A second of slack: Telegram dates have second resolution while the bot spaces games by its clock.
    if (cooldown > 0 && last > 0 && Math.abs(at - last) < cooldown - COOLDOWN_SLACK_MS) {
      long withheldCoins = activity.kind() == Activity.Kind.GAME ? coins : 0;
      return new Priced(0, coins - withheldCoins, multiplier, state,
          withheld("cooldown", xp, withheldCoins), "cooldown");
    }
    String withheld = null;
    String by = null;
    if (economy.hourlyXpCap() > 0) {
      long room = Math.max(0, economy.hourlyXpCap() - state.paidInLastHour(at));
      if (xp > room) {
        by = "hourlyXpCap";
        withheld = withheld(by, xp - room, 0);
        xp = room;
      }
    }
    return new Priced(xp, coins, multiplier, state.paid(at, xp, activity.kind()), withheld, by);
  }

  /** The audit row's note of an imported row: what the file asked for and what the player had. */
  private static String importMetadata(ImportTarget target, PlayerState before) {
    return "{\"import\": {\"mode\": \"" + target.mode().wireName() + "\", \"xp\": " + target.xp()
        + (target.balance() == null ? "" : ", \"balance\": " + target.balance())
        + ", \"fromXp\": " + before.xp() + ", \"fromBalance\": " + before.balance() + "}}";
  }

  private static String withheld(String by, long xp, long coins) {
    return "{\"withheld\": {\"by\": \"" + by + "\", \"xp\": " + xp + (coins == 0 ? "" : ", \"coins\": " + coins) + "}}";
  }

  /** An event's price; {@code withheldJson}: the audit row's note when the cooldown or the budget cut it. */
  private record Priced(long xp, long coins, java.math.BigDecimal multiplier, ActivityState activity,
      String withheldJson, String withheldBy) {}

  private void earned(ClaimedEvent event, long playerId, PlayerState before, PlayerState after,
      List<ApplyPlan.AchievementCandidate> candidates) {
    for (AchievementDefinition achievement : achievements) {
      if (achievement.earnedBy(event, before, after, ladder)) {
        candidates.add(new ApplyPlan.AchievementCandidate(playerId, achievement.code(), event, false));
      }
    }
  }

  private String rejection(ClaimedEvent event, PlayerState before, long xp) {
    if (event.importTarget() != null) {
      return null; // every mode ends at a figure of at least 0
    }
    long newBalance = before.balance() + event.balanceDelta();
    if (newBalance < 0) {
      return "balance would go below zero: balance " + before.balance() + ", change " + event.balanceDelta();
    }
    long newXp = before.xp() + xp;
    if (newXp < 0) {
      return "xp would go below zero: xp " + before.xp() + ", change " + xp;
    }
    if (event.dailyDay() != null && before.lastDailyDay() != null && !event.dailyDay().isAfter(before.lastDailyDay())) {
      return "daily reward for " + event.dailyDay() + " already claimed (last claim " + before.lastDailyDay() + ")";
    }
    if ((event.type() == EventType.ACHIEVEMENT_UNLOCK
        || event.type() == EventType.REWARD_GRANT && event.achievement() != null)
        && achievements.stream().noneMatch(a -> a.code().equals(event.achievement()))) {
      return "unknown achievement '" + event.achievement() + "'";
    }
    return null;
  }

  private static ApplyPlan.Outcome failed(ClaimedEvent event, String error) {
    return new ApplyPlan.Outcome(event, false, error, null);
  }

  public RankLadder ladder() {
    return ladder;
  }
}
