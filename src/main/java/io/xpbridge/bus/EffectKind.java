package io.xpbridge.bus;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.xpbridge.domain.WireNames;

/** What a platform effect asks a bot to do: the Discord roles, or the Telegram messages. */
public enum EffectKind {
  /** Discord: give the rank's role, take the other rank roles. */
  RANK_ROLE,
  /** Discord: give an achievement's role. */
  ACHIEVEMENT_ROLE,
  /** Telegram: tell the player about a rank reached. */
  RANK_UP,
  /** Telegram: tell the player about an achievement unlocked. */
  ACHIEVEMENT,
  /** Telegram: tell a player where they finished a season and what it paid. */
  SEASON_REWARD,
  /** Discord: post the winners of an ended season to the announce channel. */
  SEASON_RESULTS,
  /** Discord: post a member's rank-up or new achievement to the announce channel, mentioning only them. */
  MEMBER_ANNOUNCEMENT;

  private final String wireName = WireNames.of(this);

  @JsonValue
  public String wireName() {
    return wireName;
  }

  /** Null for a kind this version does not know: the bot refuses that effect with a clear 400. */
  @JsonCreator
  public static EffectKind fromWire(String name) {
    return WireNames.find(EffectKind.class, name);
  }
}
