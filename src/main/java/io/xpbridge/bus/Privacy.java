package io.xpbridge.bus;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.xpbridge.domain.PlayerRef;
import java.util.List;

/**
 * Messages of a player's own data (issue 16, point 4): {@link Bus#PRIVACY_OVERVIEW},
 * {@link Bus#PRIVACY_ROLES}, {@link Bus#PRIVACY_EXPORT}, {@link Bus#PRIVACY_DELETE}, and the admin's
 * {@link Bus#PLAYERS_ERASE}. A bot names the account with exactly one platform id.
 */
public final class Privacy {
  private Privacy() {}

  /** Seconds within which a second {@code /privacy delete} confirms the first. */
  public static final int DELETE_CONFIRM_SECONDS = 60;
  /** Newest history rows (events plus audit rows) in a player's export; older ones are left out and said so. */
  public static final int EXPORT_HISTORY_LIMIT = 10_000;
  /** The value of an export's {@code format} field. */
  public static final String EXPORT_FORMAT = "xpbridge.personal-data/1";

  /** Wire values of the rank-role sync choice, for the bots' commands. */
  public static final String ROLES_OFF = "off";
  public static final String ROLES_ON = "on";

  /**
   * {@link Bus#PRIVACY_OVERVIEW}, {@link Bus#PRIVACY_EXPORT}, {@link Bus#PRIVACY_DELETE}: the caller's
   * account; {@code language} names the rank in the overview (else the player's own).
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Account(Long telegramId, Long discordId, String language) {
    public Account(Long telegramId, Long discordId) {
      this(telegramId, discordId, null);
    }

    public static Account telegram(long telegramId) {
      return new Account(telegramId, null);
    }

    public static Account discord(long discordId, String language) {
      return new Account(null, discordId, language);
    }

    public PlayerRef ref() {
      return Players.platformRef(telegramId, discordId);
    }
  }

  /**
   * What is kept about the player: names as each platform gave them, platform ids, XP, balance, rank
   * (number and name in the player's language), achievements, visibility, whether Discord role sync is on
   * (null without a linked Discord account) and how many history rows (events plus audit rows) exist.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Overview(long playerId, String publicId, String displayName, Long telegramId, String telegramUsername,
      Long discordId, String discordUsername, long xp, long balance, Players.RankView rank, int achievements,
      boolean hidden, Boolean rolesSync, long historyRows, String createdAt) {}

  /** {@link Bus#PRIVACY_ROLES}: the account and whether Discord rank and achievement roles should follow the ledger. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record RolesChange(Long telegramId, Long discordId, boolean enabled) {
    public PlayerRef ref() {
      return Players.platformRef(telegramId, discordId);
    }
  }

  /**
   * The choice now. {@code discordLinked} false: there is no Discord account to sync (nothing changed);
   * {@code changed} false on a repeat of the current choice.
   */
  public record Roles(long playerId, boolean discordLinked, boolean enabled, boolean changed) {}

  /** {@link Bus#PRIVACY_EXPORT}'s reply: the JSON document and its file name ({@code xpbridge-<publicId>.json}). */
  public record ExportFile(String fileName, String json) {}

  /**
   * {@link Bus#PRIVACY_DELETE}'s reply. {@code confirmed} false: nothing was erased, the request waits
   * {@code confirmSeconds} for the same command again; true: the player was erased ({@code erased}).
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record DeleteOutcome(boolean confirmed, int confirmSeconds, Erased erased) {}

  /** {@link Bus#PLAYERS_ERASE}: the admin's erasure of one player by internal id. */
  public record Erase(long playerId) {}

  /**
   * What an erasure did: the platform ids unlinked, the players rows cleared (the player and any merged
   * into it on /link), history rows whose keys or reasons named a platform id (rewritten), pending
   * effects cancelled. {@code alreadyErased}: the player had been erased before (the run repeated the
   * idempotent steps and found nothing more, or finished an earlier run's leftovers).
   */
  public record Erased(long playerId, String erasedAt, boolean alreadyErased, List<Long> telegramIds,
      List<Long> discordIds, int playersCleared, int historyRowsScrubbed, int effectsCancelled,
      int seasonRowsRemoved) {
    public Erased {
      telegramIds = telegramIds == null ? List.of() : List.copyOf(telegramIds);
      discordIds = discordIds == null ? List.of() : List.copyOf(discordIds);
    }
  }

  /** Publish {@link Bus#PLAYERS_ERASED}: the accounts that were unlinked; the bots forget they registered them. */
  public record AccountsErased(List<Long> telegramIds, List<Long> discordIds) {
    public AccountsErased {
      telegramIds = telegramIds == null ? List.of() : List.copyOf(telegramIds);
      discordIds = discordIds == null ? List.of() : List.copyOf(discordIds);
    }
  }
}
