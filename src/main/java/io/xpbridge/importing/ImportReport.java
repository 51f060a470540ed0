package io.xpbridge.importing;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.xpbridge.bus.Imports;
import java.util.List;

/**
 * The outcome of an import. {@code refused}: the file had invalid rows and skipInvalid was off, so
 * nothing was written; {@code errors} lists the first {@link Importer#MAX_ERRORS_LISTED} problems
 * (of the file, then rows the ledger refused), {@code errorCount} all of them; {@code skipped}: invalid
 * rows left out with skipInvalid.
 */
public record ImportReport(boolean refused, boolean dryRun, int rows, int created, int changed, int unchanged,
    int alreadyImported, int failed, int skipped, int errorCount, List<Imports.RowError> errors) {

  public JsonObject toJson() {
    JsonArray list = new JsonArray();
    errors.forEach(e -> list.add(new JsonObject().put("line", e.line()).put("error", e.error())));
    if (refused) {
      return new JsonObject()
          .put("error", "the file has " + errorCount + " invalid row" + (errorCount == 1 ? "" : "s")
              + "; nothing was imported (fix them, or pass skipInvalid=true to import the rest)")
          .put("errorCount", errorCount).put("errors", list);
    }
    return new JsonObject().put("dryRun", dryRun).put("rows", rows).put("created", created).put("changed", changed)
        .put("unchanged", unchanged).put("alreadyImported", alreadyImported).put("failed", failed)
        .put("skipped", skipped).put("errorCount", errorCount).put("errors", list);
  }
}
