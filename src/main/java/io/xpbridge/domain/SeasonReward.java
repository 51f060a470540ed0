package io.xpbridge.domain;

import java.util.List;

/**
 * What the best players of an ended season get ({@code seasons.rewards}): every player placed
 * {@code top} or better gets {@code coins} and the {@code achievement} (either may be absent), by
 * the first tier that includes them, tiers ordered by {@code top}. With
 * {@code [{"top": 1, ...}, {"top": 10, ...}]} the winner gets the first tier only, places 2-10 the
 * second. Ties share a place, so a tie at the edge of a tier rewards everyone in it.
 */
public record SeasonReward(int top, long coins, String achievement) {

  /** The tier of {@code place} in {@code tiers} (ordered by top), or null when it earns nothing. */
  public static SeasonReward forPlace(List<SeasonReward> tiers, long place) {
    for (SeasonReward tier : tiers) {
      if (place <= tier.top()) {
        return tier;
      }
    }
    return null;
  }
}
