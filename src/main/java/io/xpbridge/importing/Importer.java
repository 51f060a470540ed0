package io.xpbridge.importing;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.xpbridge.bus.Bus;
import io.xpbridge.bus.BusClient;
import io.xpbridge.bus.Imports;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports a file into the ledger: used by {@code POST /api/v1/import} and by the {@code import}
 * command line alike. Runs on a worker thread and reads the file twice, streaming (never whole in
 * memory): first to hash it and check every row (a bad id, a negative amount, an unknown platform,
 * broken JSON or CSV, an account named twice), then, when the file is accepted, to send its rows
 * to the sync engine ({@link Bus#IMPORT_CHUNK}) {@value #CHUNK_ROWS} at a time, {@value #CHUNKS_IN_FLIGHT} chunks in flight.
 *
 * <p>Row {@code n} of a file becomes the event keyed {@code import:<first 24 hex digits of the file's
 * SHA-256>:<n>} ({@code IdempotencyKeys.importRow}): importing the same file again changes nothing, and a run cut short (a crash, a
 * timeout) is completed by running it again.
 */
public final class Importer {
  private static final Logger LOG = LoggerFactory.getLogger(Importer.class);
  public static final int CHUNK_ROWS = 1_000;
  public static final int MAX_ERRORS_LISTED = 1_000;
  static final int CHUNKS_IN_FLIGHT = 3;
  static final int CHUNK_ATTEMPTS = 5;
  static final long CHUNK_TIMEOUT_MS = 120_000;

  private final Vertx vertx;
  private final BusClient bus;
  private final int maxErrorsListed;

  public Importer(Vertx vertx) {
    this(vertx, MAX_ERRORS_LISTED);
  }

  /** {@code maxErrorsListed}: how many problems the report lists (the command line lists them all). */
  public Importer(Vertx vertx, int maxErrorsListed) {
    this.vertx = vertx;
    this.bus = new BusClient(vertx.eventBus(), CHUNK_TIMEOUT_MS);
    this.maxErrorsListed = maxErrorsListed;
  }

  public Future<ImportReport> run(Path file, ImportOptions options) {
    return vertx.executeBlocking(() -> runBlocking(file, options), false);
  }

  private ImportReport runBlocking(Path file, ImportOptions options) throws Exception {
    long started = System.nanoTime();
    Checked checked = check(file, options.format(), maxErrorsListed);
    if (checked.errorCount > 0 && !options.skipInvalid()) {
      LOG.info("import of {} ({}) refused: {} invalid rows of {}", file.getFileName(), options.format().wireName(),
          checked.errorCount, checked.rows);
      return new ImportReport(true, options.dryRun(), checked.rows, 0, 0, 0, 0, 0, 0, checked.errorCount,
          checked.errors);
    }
    Totals totals = new Totals(checked, maxErrorsListed);
    String fileKey = checked.hash.substring(0, 24);
    ArrayDeque<Sent> inFlight = new ArrayDeque<>();
    List<Imports.Row> chunk = new ArrayList<>(CHUNK_ROWS);
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 64 * 1024)) {
      options.format().reader().read(in, new Validator(new RowReader.Visitor() {
        @Override
        public void row(Imports.Row row) {
          chunk.add(row);
          if (chunk.size() == CHUNK_ROWS) {
            send(new Imports.Chunk(fileKey, options.format().wireName(), options.mode().wireName(), options.dryRun(),
                List.copyOf(chunk)), inFlight, totals);
            chunk.clear();
          }
        }

        @Override
        public void error(int line, String error) {
          // Reported by the first pass already.
        }
      }));
    }
    if (!chunk.isEmpty()) {
      send(new Imports.Chunk(fileKey, options.format().wireName(), options.mode().wireName(), options.dryRun(),
          List.copyOf(chunk)), inFlight, totals);
    }
    while (!inFlight.isEmpty()) {
      totals.add(await(inFlight.poll()));
    }
    ImportReport report = totals.report(options.dryRun());
    LOG.info("import of {} ({}, mode {}{}): {} rows in {} ms: {} created, {} changed, {} unchanged, {} already imported, "
        + "{} failed, {} skipped", file.getFileName(), options.format().wireName(), options.mode().wireName(),
        options.dryRun() ? ", dry run" : "", report.rows(), (System.nanoTime() - started) / 1_000_000,
        report.created(), report.changed(), report.unchanged(), report.alreadyImported(), report.failed(),
        report.skipped());
    return report;
  }

  /** A chunk on its way, and how often it was sent. */
  private record Sent(Imports.Chunk chunk, Future<Imports.ChunkResult> reply, int attempt) {}

  private void send(Imports.Chunk chunk, ArrayDeque<Sent> inFlight, Totals totals) {
    if (inFlight.size() >= CHUNKS_IN_FLIGHT) {
      totals.add(await(inFlight.poll()));
    }
    inFlight.add(new Sent(chunk, bus.request(Bus.IMPORT_CHUNK, chunk, Imports.ChunkResult.class), 1));
  }

  /** The chunk's answer; a chunk the engine could not take now is sent again (its keys make that safe). */
  private Imports.ChunkResult await(Sent sent) {
    Sent current = sent;
    while (true) {
      try {
        return current.reply().toCompletionStage().toCompletableFuture().get(CHUNK_TIMEOUT_MS + 5_000,
            TimeUnit.MILLISECONDS);
      } catch (ExecutionException e) {
        Throwable cause = e.getCause();
        int code = BusClient.failureCode(cause);
        if (code == 400 || current.attempt() >= CHUNK_ATTEMPTS) {
          throw new ImportFailed("the sync engine did not take rows " + current.chunk().rows().get(0).row() + " to "
              + current.chunk().rows().get(current.chunk().rows().size() - 1).row() + ": " + cause.getMessage()
              + " (running the same import again completes it: rows already imported are not imported twice)", cause);
        }
        LOG.warn("import chunk not taken ({}), sending it again in {} ms", cause.getMessage(), 500L * current.attempt());
        sleep(500L * current.attempt());
        current = new Sent(current.chunk(), bus.request(Bus.IMPORT_CHUNK, current.chunk(), Imports.ChunkResult.class),
            current.attempt() + 1);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ImportFailed("interrupted", e);
      } catch (java.util.concurrent.TimeoutException e) {
        throw new ImportFailed("no answer from the sync engine; run the same import again to complete it", e);
      }
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ImportFailed("interrupted", e);
    }
  }

  /** The import could not finish; what is applied stays applied, and a re-run completes the rest. */
  public static final class ImportFailed extends RuntimeException {
    ImportFailed(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** The first pass: the file's hash and every problem in it. */
  private static final class Checked {
    String hash;
    int rows;
    int valid;
    int errorCount;
    final List<Imports.RowError> errors = new ArrayList<>();
  }

  private static Checked check(Path file, ImportFormat format, int maxErrors) throws IOException {
    Checked checked = new Checked();
    MessageDigest sha256;
    try {
      sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    try (DigestInputStream in = new DigestInputStream(
        new BufferedInputStream(Files.newInputStream(file), 64 * 1024), sha256)) {
      format.reader().read(in, new Validator(new RowReader.Visitor() {
        @Override
        public void row(Imports.Row row) {
          checked.rows++;
          checked.valid++;
        }

        @Override
        public void error(int line, String error) {
          checked.rows++;
          checked.errorCount++;
          if (checked.errors.size() < maxErrors) {
            checked.errors.add(new Imports.RowError(line, error));
          }
        }
      }));
      // A reader may stop early (broken JSON): the key must still cover the whole file.
      in.transferTo(OutputStream.nullOutputStream());
    }
    checked.hash = HexFormat.of().formatHex(sha256.digest());
    return checked;
  }

  /** Rejects a second row for an account already named in the file: which one should win is not ours to guess. */
  private static final class Validator implements RowReader.Visitor {
    private final RowReader.Visitor next;
    private final java.util.Map<String, Integer> seen = new java.util.HashMap<>();

    Validator(RowReader.Visitor next) {
      this.next = next;
    }

    @Override
    public void row(Imports.Row row) {
      String again = again("telegram", row.telegramId(), row.line());
      String againDiscord = again("discord", row.discordId(), row.line());
      if (again != null || againDiscord != null) {
        next.error(row.line(), again != null ? again : againDiscord);
        return;
      }
      remember("telegram", row.telegramId(), row.line());
      remember("discord", row.discordId(), row.line());
      next.row(row);
    }

    private String again(String platform, Long id, int line) {
      Integer first = id == null ? null : seen.get(platform + id);
      return first == null ? null : platform + " id " + id + " appears again (first on line " + first + ")";
    }

    private void remember(String platform, Long id, int line) {
      if (id != null) {
        seen.put(platform + id, line);
      }
    }

    @Override
    public void error(int line, String error) {
      next.error(line, error);
    }
  }

  /** Sums of the chunks' answers, with the first pass's problems first in the list. */
  private static final class Totals {
    int rows;
    int created;
    int changed;
    int unchanged;
    int already;
    int failed;
    final int skipped;
    int errorCount;
    final List<Imports.RowError> errors = new ArrayList<>();
    final int maxErrors;

    Totals(Checked checked, int maxErrors) {
      this.maxErrors = maxErrors;
      skipped = checked.errorCount;
      rows = 0;
      errorCount = checked.errorCount;
      errors.addAll(checked.errors);
    }

    void add(Imports.ChunkResult result) {
      rows += result.rows();
      created += result.created();
      changed += result.changed();
      unchanged += result.unchanged();
      already += result.alreadyImported();
      failed += result.failed();
      errorCount += result.errors().size();
      for (Imports.RowError error : result.errors()) {
        if (errors.size() < maxErrors) {
          errors.add(error);
        }
      }
    }

    ImportReport report(boolean dryRun) {
      return new ImportReport(false, dryRun, rows + skipped, created, changed, unchanged, already, failed, skipped,
          errorCount, List.copyOf(errors));
    }
  }
}
