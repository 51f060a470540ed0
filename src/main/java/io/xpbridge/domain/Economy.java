package io.xpbridge.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

/**
 * What activity XP is worth where it was earned: the global multiplier × the channel's (or chat's)
 * × the highest of the member's role multipliers (1 when none is configured) × every boost active
 * on the platform at the time, capped at {@code maxMultiplier}; XP is rounded half up. A channel at 0 pays nothing. Coins are not
 * multiplied. Pure: the engine computes every amount here, so several engines agree.
 */
public record Economy(double globalMultiplier, Map<Long, Double> discordChannels, Map<Long, Double> discordRoles,
    Map<Long, Double> telegramChats, double maxMultiplier, List<Boost> boosts, long hourlyXpCap,
    long messageCooldownMs, long gameCooldownMs) {

  /** Nothing configured: every activity pays its base amount, no budget, no cooldown. */
  public static final Economy NEUTRAL = new Economy(1.0, Map.of(), Map.of(), Map.of(), 5.0, List.of(), 0, 0, 0);

  /**
   * A timed boost: activity XP earned from {@code fromMs} (inclusive) to {@code toMs} (exclusive) on
   * {@code platforms} is multiplied by {@code multiplier} as well (boosts that overlap stack).
   */
  public record Boost(String name, long fromMs, long toMs, double multiplier, java.util.Set<Platform> platforms) {
    public Boost {
      platforms = java.util.Set.copyOf(platforms);
    }

    boolean appliesTo(Platform platform, long atMs) {
      return atMs >= fromMs && atMs < toMs && platforms.contains(platform);
    }
  }

  public Economy {
    discordChannels = Map.copyOf(discordChannels);
    discordRoles = Map.copyOf(discordRoles);
    telegramChats = Map.copyOf(telegramChats);
    boosts = List.copyOf(boosts);
  }

  public Economy(double globalMultiplier, Map<Long, Double> discordChannels, Map<Long, Double> discordRoles,
      Map<Long, Double> telegramChats, double maxMultiplier) {
    this(globalMultiplier, discordChannels, discordRoles, telegramChats, maxMultiplier, List.of(), 0, 0, 0);
  }

  public Economy(double globalMultiplier, Map<Long, Double> discordChannels, Map<Long, Double> discordRoles,
      Map<Long, Double> telegramChats, double maxMultiplier, List<Boost> boosts) {
    this(globalMultiplier, discordChannels, discordRoles, telegramChats, maxMultiplier, boosts, 0, 0, 0);
  }

  /** The same economy with {@code more} boosts (those an admin started, kept in the database). */
  public Economy withBoosts(List<Boost> more) {
    if (more.isEmpty()) {
      return this;
    }
    List<Boost> all = new java.util.ArrayList<>(boosts);
    all.addAll(more);
    return new Economy(globalMultiplier, discordChannels, discordRoles, telegramChats, maxMultiplier, all, hourlyXpCap,
        messageCooldownMs, gameCooldownMs);
  }

  /** The cooldown between two paid activities of {@code kind} of one player; 0 for none. */
  public long cooldownMs(Activity.Kind kind) {
    return kind == Activity.Kind.MESSAGE ? messageCooldownMs : kind == Activity.Kind.GAME ? gameCooldownMs : 0;
  }

  /** Whether players' recent activity must be kept: a budget or a cooldown is in force. */
  public boolean tracksActivity() {
    return hourlyXpCap > 0 || messageCooldownMs > 0 || gameCooldownMs > 0;
  }

  /**
   * The multiplier of {@code activity}, computed in decimal (1.5 × 2.4 is 3.6, not 3.5999…, so XP
   * rounds the way an admin reading the config expects); 1 for XP that is not activity.
   */
  public BigDecimal multiplier(Activity activity) {
    return multiplier(activity, null, 0);
  }

  /**
   * As {@link #multiplier(Activity)}, with the boosts active on {@code platform} at {@code atMs}
   * (when the event reached the engine, so an event applied late from the queue keeps its price).
   */
  public BigDecimal multiplier(Activity activity, Platform platform, long atMs) {
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
    for (Boost boost : boosts) {
      if (platform != null && boost.appliesTo(platform, atMs)) {
        m = m.multiply(BigDecimal.valueOf(boost.multiplier()));
      }
    }
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
