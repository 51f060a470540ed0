package io.xpbridge.bus;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.xpbridge.domain.PlayerRef;

/** Messages of {@link Bus#LINK_ISSUE}, {@link Bus#LINK_REDEEM} and {@link Bus#LINK_UNLINK}. */
public final class Links {
  private Links() {}

  /** A platform account: the request of {@link Bus#LINK_ISSUE} and {@link Bus#LINK_UNLINK}. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Account(Long telegramId, Long discordId) {
    public static Account telegram(long telegramId) {
      return new Account(telegramId, null);
    }

    public static Account discord(long discordId) {
      return new Account(null, discordId);
    }

    public PlayerRef ref() {
      return Players.platformRef(telegramId, discordId);
    }
  }

  /** A one-time code for the other platform; {@code expiresAt} is ISO-8601. */
  public record Issued(String code, String expiresAt, int ttlSeconds) {}

  /**
   * Links the caller to the code's issuer. Fails with {@link Refusal#LINK_CODE_UNKNOWN},
   * {@link Refusal#LINK_TOO_MANY_ATTEMPTS} or one of the {@code LINK_*} conflicts.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Redeem(String code, Long telegramId, Long discordId, String username) {
    public static Redeem telegram(String code, long telegramId, String username) {
      return new Redeem(code, telegramId, null, username);
    }

    public static Redeem discord(String code, long discordId, String username) {
      return new Redeem(code, null, discordId, username);
    }

    public PlayerRef ref() {
      return Players.platformRef(telegramId, discordId);
    }
  }

  /** The shared profile's XP and balance after the link. */
  public record Redeemed(long playerId, long mergedXp, long mergedBalance) {}

  /** False when the account was not linked. */
  public record Unlinked(boolean unlinked) {}
}
