package io.xpbridge.sync;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.xpbridge.bus.Imports;
import io.xpbridge.domain.EventStatus;
import io.xpbridge.domain.EventType;
import io.xpbridge.domain.IdempotencyKeys;
import io.xpbridge.domain.ImportTarget;
import io.xpbridge.domain.InvalidRequestException;
import io.xpbridge.domain.Platform;
import io.xpbridge.domain.PlayerRef;
import io.xpbridge.domain.SubmitRequest;
import io.xpbridge.store.ImportStore;
import io.xpbridge.store.SubmitResult;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Serves {@link io.xpbridge.bus.Bus#IMPORT_CHUNK}: a chunk of an imported file becomes one
 * {@code import} event per row, through the same intake ({@link SubmitBatcher}) as every other
 * change, so the ledger stays the one writer and an import meets concurrent activity of the same
 * player under the same row locks. The players are created (and named) first, in a transaction of
 * their own: a crash between the two leaves players without their imported XP, which a re-run of
 * the file then gives them, once, by the rows' keys.
 */
final class ImportIntake {
  /** How long to wait before offering a submit again that the intake turned away as full. */
  static final long FULL_RETRY_MS = 20;
  static final int MAX_ROWS = 5_000;
  private static final Pattern FILE_HASH = Pattern.compile("[0-9a-f]{24}");

  private final Vertx vertx;
  private final SubmitBatcher batcher;
  private final ImportStore store;

  ImportIntake(Vertx vertx, SubmitBatcher batcher, ImportStore store) {
    this.vertx = vertx;
    this.batcher = batcher;
    this.store = store;
  }

  Future<Imports.ChunkResult> handle(Imports.Chunk chunk) {
    ImportTarget.Mode mode = ImportTarget.Mode.fromWire(chunk.mode());
    if (chunk.fileHash() == null || !FILE_HASH.matcher(chunk.fileHash()).matches()) {
      throw new InvalidRequestException("'fileHash' must be 24 hex digits");
    }
    List<Imports.Row> rows = chunk.rows() == null ? List.of() : chunk.rows();
    if (rows.isEmpty() || rows.size() > MAX_ROWS) {
      throw new InvalidRequestException("a chunk has 1 to " + MAX_ROWS + " rows");
    }
    List<String> keys = new ArrayList<>(rows.size());
    List<ImportTarget> targets = new ArrayList<>(rows.size());
    for (Imports.Row row : rows) {
      if (row.telegramId() == null && row.discordId() == null) {
        throw new InvalidRequestException("row " + row.row() + " names no account");
      }
      if (row.row() < 1) {
        throw new InvalidRequestException("row numbers start at 1");
      }
      String key = IdempotencyKeys.importRow(chunk.fileHash(), row.row());
      keys.add(key);
      targets.add(new ImportTarget(mode, row.xp(), row.balance(), row.achievements()));
    }
    if (chunk.dryRun()) {
      return store.read(rows, keys).map(known -> summarize(rows, keys, targets, known, null));
    }
    return store.ensure(rows, keys).compose(ensured -> {
      List<Future<SubmitResult>> submitted = new ArrayList<>(rows.size());
      String reason = "import (" + chunk.format() + ")";
      for (int i = 0; i < rows.size(); i++) {
        if (ensured.before().spentKeys().contains(keys.get(i))) {
          // Spent for good (audit rows are kept forever): a re-run after a crash skips what was applied.
          submitted.add(Future.succeededFuture(null));
          continue;
        }
        submitted.add(submit(new SubmitRequest(Platform.SYSTEM, EventType.IMPORT,
            new PlayerRef(PlayerRef.Kind.PLAYER, ensured.playerIds().get(i)), 0, 0, null, keys.get(i), reason,
            payload(reason, targets.get(i)))));
      }
      return Future.all(submitted).map(all -> {
        List<SubmitResult> results = new ArrayList<>(submitted.size());
        submitted.forEach(f -> results.add(f.result()));
        return summarize(rows, keys, targets, ensured.before(), results);
      });
    });
  }

  private static String payload(String reason, ImportTarget target) {
    JsonObject wanted = new JsonObject().put("mode", target.mode().wireName()).put("xp", target.xp());
    if (target.balance() != null) {
      wanted.put("balance", target.balance());
    }
    if (!target.achievements().isEmpty()) {
      wanted.put("achievements", new JsonArray(new ArrayList<>(target.achievements())));
    }
    return new JsonObject().put("reason", reason).put("import", wanted).encode();
  }

  /** Offers the submit until the intake has room for it: a chunk is never dropped, only slowed. */
  private Future<SubmitResult> submit(SubmitRequest request) {
    return batcher.submit(request, 0).recover(failure -> {
      if (!(failure instanceof SubmitBatcher.Full)) {
        return Future.failedFuture(failure);
      }
      Promise<Void> later = Promise.promise();
      vertx.setTimer(FULL_RETRY_MS, t -> later.complete());
      return later.future().compose(v -> submit(request));
    });
  }

  /**
   * Counts each row once. A dry run ({@code results} null) and a real run classify the same way,
   * from the ledger as read just before the chunk: the events themselves compute their change from
   * the locked rows, so a concurrent change may make a "changed" row apply as no change, never twice.
   */
  private static Imports.ChunkResult summarize(List<Imports.Row> rows, List<String> keys, List<ImportTarget> targets,
      ImportStore.Known known, List<SubmitResult> results) {
    int created = 0;
    int changed = 0;
    int unchanged = 0;
    int already = 0;
    int failed = 0;
    List<Imports.RowError> errors = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      SubmitResult result = results == null ? null : results.get(i);
      ImportStore.Current current = known.of(rows.get(i));
      if (known.spentKeys().contains(keys.get(i))
          || result != null && (result.duplicate() || result.keyReused())) {
        already++;
      } else if (result != null && (!result.stored() || result.outcome() == EventStatus.FAILED)) {
        failed++;
        errors.add(new Imports.RowError(rows.get(i).line(), result.error()));
      } else if (current == null) {
        created++;
      } else if (targets.get(i).xpDelta(current.xp()) != 0 || targets.get(i).balanceDelta(current.balance()) != 0) {
        changed++;
      } else {
        unchanged++;
      }
    }
    return new Imports.ChunkResult(rows.size(), created, changed, unchanged, already, failed, errors);
  }
}
