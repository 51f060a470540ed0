package io.xpbridge.reconcile;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.xpbridge.domain.Rank;
import io.xpbridge.domain.RankLadder;
import io.xpbridge.store.ReconcileStore;
import java.util.List;
import java.util.Set;

/**
 * Compares the ledger-derived rank with what each platform was told and, for Discord, with the roles
 * the member really has. Returns the platforms that need the rank again, or an empty array.
 */
final class Divergence {
  private Divergence() {}

  /** @param observedRoles the member's roles as Discord reports them, or null when unknown */
  static JsonArray platformsToCorrect(ReconcileStore.PlayerView player, RankLadder ladder, Set<Long> observedRoles) {
    JsonArray targets = new JsonArray();
    if (player.rankInFlight()) {
      return targets;
    }
    Rank derived = ladder.rankFor(player.xp());
    List<Long> rankRoles = ladder.mappedRoleIds();
    if (player.discordId() != null && player.discordSyncEnabled() && !rankRoles.isEmpty()) {
      boolean toldWrong = player.lastDiscordRank() == null || player.lastDiscordRank() != derived.number();
      boolean rolesWrong = observedRoles != null && !rolesMatch(observedRoles, derived, rankRoles);
      if (toldWrong || rolesWrong) {
        targets.add("discord");
      }
    }
    if (player.chatId() != null) {
      int told = player.lastTelegramRank() == null ? 1 : player.lastTelegramRank();
      if (told != derived.number()) {
        targets.add("telegram");
      }
    }
    return targets;
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

  static JsonObject payload(ReconcileStore.PlayerView player, RankLadder ladder, JsonArray targets) {
    int derived = ladder.rankFor(player.xp()).number();
    int told = player.lastTelegramRank() == null ? 1 : player.lastTelegramRank();
    return new JsonObject().put("rank", derived).put("previousRank", Math.min(told, derived))
        .put("targets", targets).put("reason", "reconcile").put("notify", derived > told);
  }
}
