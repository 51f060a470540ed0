package io.xpbridge.bus;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * Messages of {@link Bus#IMPORT_CHUNK}: the rows of an imported file, a chunk at a time, as the
 * importer ({@code io.xpbridge.importing.Importer}) read and checked them. The engine creates the
 * players it does not know, fills in names, and submits one {@code import} event per row keyed
 * {@code import:<fileHash>:<row>} ({@code IdempotencyKeys.importRow}), so a chunk sent twice (a retry, a re-run after a crash) applies once.
 */
public final class Imports {
  private Imports() {}

  /**
   * {@code fileHash}: the first 24 hex digits of the file's SHA-256; {@code format} the
   * file's format (for the audit reason); {@code mode} add, max or replace; {@code dryRun}: read only.
   */
  public record Chunk(String fileHash, String format, String mode, boolean dryRun, List<Row> rows) {}

  /**
   * One row. At least one of {@code telegramId} and {@code discordId}; both when the file says the
   * two accounts are one player (an xpbridge export). {@code row}: its number in the file (part of
   * its key); {@code line}: where it is, for messages. {@code balance} null: the file has none, the
   * balance stays. The other fields are null when the file does not have them.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Row(int row, int line, Long telegramId, Long discordId, long xp, Long balance, String name,
      String telegramUsername, Long chatId, String languageCode, String discordUsername, Boolean syncEnabled,
      Boolean hidden, String publicId, List<String> achievements) {

    /** A row of a file that only has a platform id, XP and maybe a balance and a name. */
    public static Row simple(int row, int line, Long telegramId, Long discordId, long xp, Long balance, String name) {
      return new Row(row, line, telegramId, discordId, xp, balance, name, null, null, null, null, null, null, null,
          null);
    }
  }

  /**
   * What a chunk did (or, for a dry run, would do). {@code created}: players not seen before;
   * {@code changed}/{@code unchanged}: known players whose XP or balance the row moves or not;
   * {@code alreadyImported}: rows whose key an earlier run of this file spent; {@code failed}: rows
   * the ledger refused, each in {@code errors}.
   */
  public record ChunkResult(int rows, int created, int changed, int unchanged, int alreadyImported, int failed,
      List<RowError> errors) {}

  /** A row that could not be imported, by its line in the file. */
  public record RowError(int line, String error) {}
}
