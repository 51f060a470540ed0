package io.xpbridge.reconcile;

import io.xpbridge.domain.AchievementDefinition;
import io.xpbridge.domain.IdempotencyKeys;
import io.xpbridge.domain.MirrorTarget;
import io.xpbridge.domain.Platform;
import io.xpbridge.domain.QueuedEffect;
import io.xpbridge.domain.Rank;
import io.xpbridge.domain.RankLadder;
import io.xpbridge.store.ReconcileStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Compares the ledger-derived rank with what each platform was told and, for Discord, with the roles
 * the member really has. Returns the platforms that need the rank again ({@code NONE} when all agree).
 */
final class Divergence {
  private Divergence() {}

  /** @param observedRoles the member's roles as Discord reports them, or null when unknown */
  static MirrorTarget platformsToCorrect(ReconcileStore.PlayerView player, RankLadder ladder, Set<Long> observedRoles) {
    if (player.rankInFlight()) {
      return MirrorTarget.NONE;
    }
    boolean discord = false;
    boolean telegram = false;
    Rank derived = ladder.rankFor(player.xp());
    List<Long> rankRoles = ladder.mappedRoleIds();
    if (player.discordReachable() && !rankRoles.isEmpty()) {
      boolean toldWrong = player.lastDiscordRank() == null || player.lastDiscordRank() != derived.number();
      boolean rolesWrong = observedRoles != null && !rolesMatch(observedRoles, derived, rankRoles);
      discord = toldWrong || rolesWrong;
    }
    if (player.chatId() != null) {
      int told = player.lastTelegramRank() == null ? 1 : player.lastTelegramRank();
      telegram = told != derived.number();
    }
    return MirrorTarget.of(telegram, discord);
  }

  private static boolean rolesMatch(Set<Long> observed, Rank derived, List<Long> rankRoles) {
    for (Long role : rankRoles) {
      boolean shouldHave = role.equals(derived.discordRoleId());
      if (observed.contains(role) != shouldHave) {
        return false;
      }
    }
    return true;
  }

  /** The correction: the derived rank again, to the platforms that show another (a rise still announced). */
  static QueuedEffect correction(String runId, ReconcileStore.PlayerView player, RankLadder ladder,
      MirrorTarget targets) {
    int derived = ladder.rankFor(player.xp()).number();
    int told = player.lastTelegramRank() == null ? 1 : player.lastTelegramRank();
    return QueuedEffect.rankChange(IdempotencyKeys.reconcile(runId, player.playerId()), Platform.SYSTEM,
        player.playerId(), derived, Math.min(told, derived), null, targets, "reconcile", derived > told);
  }

  /**
   * The unlocked achievements whose role the member does not have, each shown again in Discord only
   * (Telegram heard of it when it was unlocked). Needs the member's real roles; an achievement on its
   * way already is left to that event. An achievement role a moderator added is not taken away: the
   * ledger only says what a member has earned, and a hand-given role may be deliberate.
   */
  static List<QueuedEffect> missingAchievementRoles(String runId, ReconcileStore.PlayerView player,
      List<AchievementDefinition> definitions, Set<Long> observedRoles) {
    List<QueuedEffect> effects = new ArrayList<>();
    if (observedRoles == null || !player.discordReachable() || player.achievementInFlight()) {
      return effects;
    }
    for (AchievementDefinition definition : definitions) {
      Long roleId = definition.discordRoleId();
      if (roleId != null && player.achievements().contains(definition.code()) && !observedRoles.contains(roleId)) {
        effects.add(QueuedEffect.achievementRole(
            IdempotencyKeys.reconcileAchievement(runId, player.playerId(), definition.code()), player.playerId(),
            definition.code(), "reconcile"));
      }
    }
    return effects;
  }
}
