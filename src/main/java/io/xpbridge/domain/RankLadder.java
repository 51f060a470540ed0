package io.xpbridge.domain;

import java.util.List;
import java.util.Optional;

/** The configured XP ladder. Rank is always derived from XP through it, never stored on its own. */
public final class RankLadder {
  private final List<Rank> ranks;

  /** @param ranks ordered by number, first at 0 XP, thresholds strictly rising (checked by the config validator) */
  public RankLadder(List<Rank> ranks) {
    if (ranks.isEmpty() || ranks.get(0).minXp() != 0) {
      throw new IllegalArgumentException("a ladder needs at least one rank and its first rank must start at 0 XP");
    }
    this.ranks = List.copyOf(ranks);
  }

  public Rank rankFor(long xp) {
    int low = 0;
    int high = ranks.size() - 1;
    while (low < high) {
      int mid = (low + high + 1) >>> 1;
      if (ranks.get(mid).minXp() <= xp) {
        low = mid;
      } else {
        high = mid - 1;
      }
    }
    return ranks.get(low);
  }

  public Optional<Rank> next(Rank rank) {
    return rank.number() < ranks.size() ? Optional.of(ranks.get(rank.number())) : Optional.empty();
  }

  public Rank byNumber(int number) {
    return ranks.get(Math.max(1, Math.min(number, ranks.size())) - 1);
  }

  public List<Rank> ranks() {
    return ranks;
  }

  public int size() {
    return ranks.size();
  }

  public List<Long> mappedRoleIds() {
    return ranks.stream().map(Rank::discordRoleId).filter(id -> id != null).toList();
  }

  /** Every role the ledger decides: the ranks' roles, then the {@code achievements}' roles, each once. */
  public List<Long> managedRoleIds(java.util.Collection<AchievementDefinition> achievements) {
    java.util.Set<Long> roles = new java.util.LinkedHashSet<>(mappedRoleIds());
    achievements.forEach(a -> {
      if (a.discordRoleId() != null) {
        roles.add(a.discordRoleId());
      }
    });
    return List.copyOf(roles);
  }
}
