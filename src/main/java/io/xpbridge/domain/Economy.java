package io.xpbridge.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

/**
 * What activity XP is worth where it was earned: the global multiplier × the channel's (or chat's)
 * × the highest of the member's role multipliers (1 when none is configured), capped at
 * {@code maxMultiplier}; XP is rounded half up. A channel at 0 pays nothing. Coins are not
 * multiplied. Pure: the engine computes every amount here, so several engines agree.
 */
public record Economy(double globalMultiplier, Map<Long, Double> discordChannels, Map<Long, Double> discordRoles,
    Map<Long, Double> telegramChats, double maxMultiplier) {

  /** Nothing configured: every activity pays its base amount. */
  public static final Economy NEUTRAL = new Economy(1.0, Map.of(), Map.of(), Map.of(), 5.0);

  public Economy {
    discordChannels = Map.copyOf(discordChannels);
    discordRoles = Map.copyOf(discordRoles);
    telegramChats = Map.copyOf(telegramChats);
  }

  /**
   * The multiplier of {@code activity}, computed in decimal (1.5 × 2.4 is 3.6, not 3.5999…, so XP
   * rounds the way an admin reading the config expects); 1 for XP that is not activity.
   */
  public BigDecimal multiplier(Activity activity) {
    if (activity == null) {
      return BigDecimal.ONE;
    }
    BigDecimal m = BigDecimal.valueOf(globalMultiplier);
    if (activity.chatId() != null) {
      m = m.multiply(BigDecimal.valueOf(telegramChats.getOrDefault(activity.chatId(), 1.0)));
    }
    Long channel = activity.effectiveChannelId();
    if (channel != null) {
      m = m.multiply(BigDecimal.valueOf(discordChannels.getOrDefault(channel, 1.0)));
    }
    m = m.multiply(BigDecimal.valueOf(highestRole(activity.roleIds())));
    return m.min(BigDecimal.valueOf(maxMultiplier)).stripTrailingZeros();
  }

  private double highestRole(List<Long> roleIds) {
    double highest = 0;
    boolean any = false;
    for (Long role : roleIds) {
      Double m = discordRoles.get(role);
      if (m != null) {
        highest = any ? Math.max(highest, m) : m;
        any = true;
      }
    }
    return any ? highest : 1.0;
  }

  /** {@code baseXp} × {@code multiplier}, rounded half up. */
  public static long apply(long baseXp, BigDecimal multiplier) {
    return BigDecimal.valueOf(baseXp).multiply(multiplier).setScale(0, RoundingMode.HALF_UP).longValueExact();
  }
}
