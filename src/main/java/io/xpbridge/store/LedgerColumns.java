package io.xpbridge.store;

import io.vertx.sqlclient.Tuple;
import io.xpbridge.domain.ApplyPlan;
import io.xpbridge.domain.ClaimedEvent;
import io.xpbridge.domain.EventStatus;
import io.xpbridge.domain.EventType;
import io.xpbridge.domain.PlayerState;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The column arrays {@link LedgerStore}'s set-based statements bind for a plan, one builder per table. */
final class LedgerColumns {
  private LedgerColumns() {}

  static void addPlayerColumns(Tuple params, ApplyPlan plan) {
    int n = plan.changedPlayers().size();
    Long[] ids = new Long[n];
    Long[] xp = new Long[n];
    Long[] balance = new Long[n];
    Integer[] streak = new Integer[n];
    LocalDate[] day = new LocalDate[n];
    int i = 0;
    for (PlayerState state : plan.changedPlayers().values()) {
      ids[i] = state.playerId();
      xp[i] = state.xp();
      balance[i] = state.balance();
      streak[i] = state.dailyStreak();
      day[i] = state.lastDailyDay();
      i++;
    }
    params.addArrayOfLong(ids).addArrayOfLong(xp).addArrayOfLong(balance).addArrayOfInteger(streak)
        .addArrayOfLocalDate(day);
  }

  /** Each changed player's recent activity, in the order of {@link #addPlayerColumns}. */
  static void addActivityColumn(Tuple params, ApplyPlan plan) {
    String[] activity = new String[plan.changedPlayers().size()];
    int i = 0;
    for (PlayerState state : plan.changedPlayers().values()) {
      activity[i++] = state.activity().format();
    }
    params.addArrayOfString(activity);
  }

  /** Each changed player's season XP, in the order of {@link #addPlayerColumns}. */
  static void addSeasonColumns(Tuple params, ApplyPlan plan) {
    int n = plan.changedPlayers().size();
    Integer[] season = new Integer[n];
    Long[] seasonXp = new Long[n];
    Integer[] lastSeason = new Integer[n];
    Long[] lastSeasonXp = new Long[n];
    int i = 0;
    for (PlayerState state : plan.changedPlayers().values()) {
      season[i] = state.season().seasonId();
      seasonXp[i] = state.season().xp();
      lastSeason[i] = state.season().lastSeasonId();
      lastSeasonXp[i] = state.season().lastSeasonXp();
      i++;
    }
    params.addArrayOfInteger(season).addArrayOfLong(seasonXp).addArrayOfInteger(lastSeason)
        .addArrayOfLong(lastSeasonXp);
  }

  static void addAuditColumns(Tuple params, ApplyPlan plan) {
    int n = plan.audits().size();
    String[] keys = new String[n];
    Long[] eventIds = new Long[n];
    Long[] players = new Long[n];
    String[] sources = new String[n];
    String[] types = new String[n];
    Long[] xp = new Long[n];
    Long[] balance = new Long[n];
    String[] reasons = new String[n];
    String[] metadata = new String[n];
    Long[] baseXp = new Long[n];
    String[] multipliers = new String[n];
    for (int i = 0; i < n; i++) {
      ApplyPlan.AuditRow audit = plan.audits().get(i);
      keys[i] = audit.key();
      eventIds[i] = audit.event().id();
      players[i] = audit.playerId();
      sources[i] = audit.event().source().wireName();
      types[i] = audit.event().type().auditType();
      xp[i] = audit.deltaXp();
      balance[i] = audit.deltaBalance();
      reasons[i] = audit.reason();
      metadata[i] = audit.metadataJson();
      baseXp[i] = audit.baseXp();
      // As text, cast to numeric by the statement: exact, and the pg client has no numeric array encoder for nulls.
      multipliers[i] = audit.multiplier() == null ? null : audit.multiplier().toPlainString();
    }
    params.addArrayOfString(keys).addArrayOfLong(eventIds).addArrayOfLong(players).addArrayOfString(sources)
        .addArrayOfString(types).addArrayOfLong(xp).addArrayOfLong(balance).addArrayOfString(reasons)
        .addArrayOfString(metadata).addArrayOfLong(baseXp).addArrayOfString(multipliers);
  }

  /**
   * Where each event of a plan ends: failed with its error, pending (an achievement_unlock that
   * unlocked something waits for delivery of its role and message) or completed.
   */
  static final class EventColumns {
    final List<ClaimedEvent> events;
    final Long[] ids;
    final String[] statuses;
    final String[] processedBy;
    final String[] errors;
    final Long[] players;
    int awaitingDelivery;

    private EventColumns(int n) {
      events = new ArrayList<>(n);
      ids = new Long[n];
      statuses = new String[n];
      processedBy = new String[n];
      errors = new String[n];
      players = new Long[n];
    }

    static EventColumns of(ApplyPlan plan, Set<String> unlocked) {
      EventColumns c = new EventColumns(plan.outcomes().size());
      for (int i = 0; i < plan.outcomes().size(); i++) {
        ApplyPlan.Outcome outcome = plan.outcomes().get(i);
        ClaimedEvent event = outcome.event();
        c.events.add(event);
        c.ids[i] = event.id();
        c.players[i] = event.playerId();
        if (!outcome.applied()) {
          c.statuses[i] = EventStatus.FAILED.wireName();
          c.errors[i] = outcome.error();
        } else if (event.type() == EventType.ACHIEVEMENT_UNLOCK
            && unlocked.contains(event.playerId() + ":" + event.achievement())) {
          c.statuses[i] = EventStatus.PENDING.wireName();
          c.awaitingDelivery++;
        } else {
          c.statuses[i] = EventStatus.COMPLETED.wireName();
          c.processedBy[i] = outcome.processedBy().wireName();
        }
      }
      return c;
    }

    int size() {
      return ids.length;
    }

    void addInsertColumns(Tuple params, Map<Long, String> payloads) {
      int n = size();
      String[] keys = new String[n];
      String[] sources = new String[n];
      String[] types = new String[n];
      Long[] xp = new Long[n];
      Long[] balance = new Long[n];
      String[] payloadJson = new String[n];
      for (int i = 0; i < n; i++) {
        ClaimedEvent event = events.get(i);
        keys[i] = event.idempotencyKey();
        sources[i] = event.source().wireName();
        types[i] = event.type().wireName();
        xp[i] = event.xpDelta();
        balance[i] = event.balanceDelta();
        payloadJson[i] = payloads.getOrDefault(event.id(), "{}");
      }
      params.addArrayOfLong(ids).addArrayOfString(keys).addArrayOfString(sources).addArrayOfString(types)
          .addArrayOfLong(players).addArrayOfLong(xp).addArrayOfLong(balance).addArrayOfString(payloadJson)
          .addArrayOfString(statuses).addArrayOfString(processedBy).addArrayOfString(errors);
    }
  }
}
