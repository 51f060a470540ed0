package io.xpbridge.domain;

import java.util.List;

/**
 * Where and how a player earned activity XP: a Discord message or voice minute (its channel, the
 * thread's parent channel, the member's roles) or a Telegram game (its chat). Multipliers and,
 * later, the hourly budget apply to activity XP only; daily rewards and admin grants carry none.
 *
 * @param parentChannelId the thread's parent channel, null when not in a thread
 * @param roleIds the member's Discord roles, empty for Telegram
 * @param occurredAtMs when it happened on the platform (a message's own timestamp), so cooldowns are
 *     measured between the platform's times, as the bots measure them; null: when it reached the engine
 */
public record Activity(Kind kind, Long channelId, Long parentChannelId, List<Long> roleIds, Long chatId,
    Long occurredAtMs) {
  /** Most roles a member's activity may list: Discord allows 250 roles in a guild. */
  public static final int MAX_ROLES = 250;

  public enum Kind {
    MESSAGE, VOICE, GAME;

    private final String wireName = WireNames.of(this);

    public String wireName() {
      return wireName;
    }

    /** Null when {@code name} is not a kind. */
    public static Kind fromWire(String name) {
      return WireNames.find(Kind.class, name);
    }
  }

  public Activity {
    roleIds = roleIds == null ? List.of() : List.copyOf(roleIds);
  }

  public Activity(Kind kind, Long channelId, Long parentChannelId, List<Long> roleIds, Long chatId) {
    this(kind, channelId, parentChannelId, roleIds, chatId, null);
  }

  public static Activity discordMessage(long channelId, Long parentChannelId, List<Long> roleIds) {
    return new Activity(Kind.MESSAGE, channelId, parentChannelId, roleIds, null);
  }

  public static Activity discordVoice(long channelId, List<Long> roleIds) {
    return new Activity(Kind.VOICE, channelId, null, roleIds, null);
  }

  public static Activity telegramGame(long chatId) {
    return new Activity(Kind.GAME, null, null, List.of(), chatId);
  }

  public Activity at(long platformTimeMs) {
    return new Activity(kind, channelId, parentChannelId, roleIds, chatId, platformTimeMs);
  }

  /** When it happened: the platform's time when known, else {@code arrivedAtMs}. */
  public long timeMs(long arrivedAtMs) {
    return occurredAtMs != null ? occurredAtMs : arrivedAtMs;
  }

  /** The channel whose multiplier counts: a thread follows its parent. */
  public Long effectiveChannelId() {
    return parentChannelId != null ? parentChannelId : channelId;
  }
}
