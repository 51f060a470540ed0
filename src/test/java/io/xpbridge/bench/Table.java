package io.xpbridge.bench;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Locale;

/** The summary as a Markdown table, ready to paste into the README. */
final class Table {
  private Table() {}

  static String render(JsonObject s, JsonObject report) {
    JsonObject runs = s.getJsonObject("runs");
    StringBuilder t = new StringBuilder();
    t.append("| Scenario | Median figure | Runs | Target | Met |\n|---|---|---|---|---|\n");
    Double ceiling = s.getDouble("ceilingEventsPerSecond");
    row(t, "PostgreSQL ceiling: pgbench, our per-event SQL, 100 events/transaction",
        ceiling == null ? null : num(ceiling) + " events/s", runs.getInteger("ceiling"), "", null);
    Double pipelined = s.getDouble("ceilingPipelinedEventsPerSecond");
    row(t, "Same SQL, each transaction's 400 statements in one pgbench pipeline (no round-trip waits)",
        pipelined == null ? null : num(pipelined) + " events/s" + (s.getDouble("throughputToPipelinedCeiling") == null ? ""
            : String.format(Locale.ROOT, " (engine: %.2f x this)", s.getDouble("throughputToPipelinedCeiling"))),
        runs.getInteger("ceiling"), "", null);
    Double setBased = s.getDouble("ceilingSetBasedEventsPerSecond");
    row(t, "PostgreSQL ceiling, set-based: the engine's own write (events, audit rows, ledger rows) for 1,000 events in one"
        + " statement, no lock or key check",
        setBased == null ? null : num(setBased) + " events/s" + (s.getDouble("throughputToSetBasedCeiling") == null ? ""
            : String.format(Locale.ROOT, " (engine: %.2f x this)", s.getDouble("throughputToSetBasedCeiling"))),
        runs.getInteger("ceiling"), "", null);
    throughput(t, "Throughput, 1 engine", s.getDouble("throughputEventsPerSecond"), s.getDouble("throughputToCeiling"),
        runs.getInteger("throughput"));
    throughput(t, "Throughput, 2 engines (2 Vert.x, one database)", s.getDouble("throughput2EventsPerSecond"),
        s.getDouble("throughput2ToCeiling"), runs.getInteger("throughput2"));
    JsonObject applied = s.getJsonObject("submitToAppliedMs");
    latency(t, "Latency submit -> applied at 1,000 events/s", applied, runs.getInteger("latency"), "p99 <= 10 ms",
        applied.getDouble("p99") == null ? null : applied.getDouble("p99") <= 10);
    latency(t, "Latency submit -> rank-up on EFFECTS_TELEGRAM", s.getJsonObject("submitToTelegramEffectMs"),
        runs.getInteger("latency"), "", null);
    latency(t, "Latency submit -> reply (event stored and applied)", s.getJsonObject("submitToReplyMs"),
        runs.getInteger("latency"), "", null);
    JsonObject passes = s.getJsonObject("reconcile");
    for (String batch : passes.fieldNames()) {
      JsonObject pass = passes.getJsonObject(batch);
      double seconds = pass.getDouble("seconds");
      row(t, "Reconcile " + num(s.getInteger("reconcilePlayers")) + " players, reconcile.batchSize " + batch,
          String.format(Locale.ROOT, "%.1f s, %s of %s divergences found", seconds,
              num(pass.getDouble("divergencesFound")), num(s.getLong("reconcileSeeded"))),
          runs.getInteger("reconcile"), "<= 30 s", seconds <= 30);
    }
    JsonObject http = s.getJsonObject("http", new JsonObject());
    for (String mode : http.fieldNames()) {
      JsonObject figure = http.getJsonObject(mode);
      if (figure.getDouble("eventsPerSecond") != null) {
        row(t, "HTTP ingress, " + mode + " (events per request x clients), events answered",
            String.format(Locale.ROOT, "%s/s, request p50 %.1f / p99 %.1f ms", num(figure.getDouble("eventsPerSecond")),
                figure.getDouble("requestP50Ms"), figure.getDouble("requestP99Ms")), http.size() == 0 ? 0
                : report.getJsonArray("http").size(), "", null);
      }
    }
    JsonArray rollovers = report.getJsonArray("rollover", new JsonArray());
    for (int i = 0; i < rollovers.size(); i++) {
      JsonObject r = rollovers.getJsonObject(i);
      JsonObject during = r.getJsonObject("submitMsDuringRollover");
      boolean met = r.getBoolean("targetsMet", false);
      row(t, String.format(Locale.ROOT, "Season rollover #%d, %s players, under %s xp_change/s (submit -> reply of the"
              + " submits in flight during it)", i + 1, num(r.getInteger("players")), num(r.getInteger("rate"))),
          rolloverLine(r), 1, "<= 10 s, no submit > 100 ms", during == null ? null : met);
    }
    web(t, report.getJsonObject("web"));
    JsonObject footprint = s.getJsonObject("footprint");
    long maxHeap = report.getJsonObject("machine").getLong("maxHeapMb");
    if (footprint != null) {
      double idle = footprint.getDouble("rssIdleMb");
      row(t, "RSS, engine idle, 100k players, fresh JVM (max heap " + maxHeap + " MB)", num(idle) + " MB", 1,
          "<= 300 MB", idle <= 300);
    }
    JsonObject afterLoad = s.getJsonObject("footprintAfterLoad");
    if (afterLoad != null) {
      row(t, "RSS, engine idle, 100k players, after the scenarios above", num(afterLoad.getDouble("rssIdleMb")) + " MB",
          1, "", null);
    }
    Double busy = s.getDouble("throughputRssMaxMb");
    if (busy != null) {
      row(t, "RSS, peak during throughput (1 engine)", num(busy) + " MB", runs.getInteger("throughput"), "", null);
    }
    t.append("\nDatabase: ").append(report.getString("database")).append("; ")
        .append(report.getJsonObject("machine").getInteger("cores")).append(" cores; load average at start ")
        .append(report.getJsonObject("machine").getString("loadAtStart")).append(", at end ")
        .append(report.getString("loadAtEnd")).append(".\n");
    return t.toString();
  }

  /** Issue 15: pages under open-loop load, cards over HTTP, the engine with and without the page load. */
  private static void web(StringBuilder t, JsonObject web) {
    if (web == null) {
      return;
    }
    String at = num(web.getInteger("players")) + " players, " + num(web.getInteger("rate")) + " requests/s open loop";
    JsonObject pages = web.getJsonObject("pages");
    for (String route : pages.fieldNames()) {
      JsonObject r = pages.getJsonObject(route);
      JsonObject ms = r.getJsonObject("ms");
      boolean clean = r.getLong("failures") == 0 && r.getJsonObject("statuses").fieldNames().equals(java.util.Set.of("200"));
      row(t, "Web page " + route + ", " + at, String.format(Locale.ROOT,
              "p50 %.1f / p95 %.1f / p99 %.1f / max %.1f ms%s", ms.getDouble("p50"), ms.getDouble("p95"),
              ms.getDouble("p99"), ms.getDouble("max"), clean ? "" : "; statuses " + r.getJsonObject("statuses").encode()
                  + ", failures " + r.getLong("failures")), 1, "p99 <= 50 ms", clean && ms.getDouble("p99") <= 50);
    }
    JsonObject cards = web.getJsonObject("cards");
    JsonObject fresh = cards.getJsonObject("freshHttpMs");
    row(t, "Rank card, fresh (first request per player, over HTTP: query + draw + PNG)", String.format(Locale.ROOT,
        "p50 %.1f / p99 %.1f / max %.1f ms", fresh.getDouble("p50"), fresh.getDouble("p99"), fresh.getDouble("max")), 1,
        "<= 50 ms", fresh.getDouble("p99") <= 50);
    JsonObject cached = cards.getJsonObject("cachedHttpMs");
    row(t, "Rank card, cached (same card again, over HTTP)", String.format(Locale.ROOT, "p50 %.2f / p99 %.2f ms",
        cached.getDouble("p50"), cached.getDouble("p99")), 1, "<= 2 ms", cached.getDouble("p99") <= 2);
    JsonObject notModified = cards.getJsonObject("notModifiedHttpMs");
    row(t, "Rank card, If-None-Match (304)", String.format(Locale.ROOT, "p50 %.2f / p99 %.2f ms",
        notModified.getDouble("p50"), notModified.getDouble("p99")), 1, "", null);
    JsonObject engine = web.getJsonObject("engine");
    double ratio = engine.getDouble("withToWithout");
    row(t, "Engine throughput with the page load at " + num(web.getInteger("rate")) + " requests/s / without",
        String.format(Locale.ROOT, "%s / %s events/s = %.2f", num(engine.getDouble("withEventsPerSecond")),
            num(engine.getDouble("withoutEventsPerSecond")), ratio), 2, ">= 0.90", ratio >= 0.9);
  }

  /** One repetition of the rollover scenario in a line. */
  /** Each import run: the first import of the file, then the same file again and a dry run. */
  static String importLine(io.vertx.core.json.JsonArray runs) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < runs.size(); i++) {
      JsonObject r = runs.getJsonObject(i);
      JsonObject first = r.getJsonObject("first");
      line.append(String.format(Locale.ROOT, "%s%s rows (%.1f MB%s): %.1f s, %s rows/s, peak heap %.0f MB; again %.1f s;"
              + " dry run %.1f s", i == 0 ? "" : " | ", num(r.getLong("rows")), r.getDouble("fileMb"),
          r.getBoolean("mappedRankRoles", false) ? ", rank roles mapped" : "",
          first.getDouble("seconds"), num(first.getDouble("rowsPerSecond").longValue()), first.getDouble("peakHeapMb"),
          r.getJsonObject("again").getDouble("seconds"), r.getJsonObject("dryRun").getDouble("seconds")));
    }
    return line.toString();
  }

  static String rolloverLine(JsonObject r) {
    JsonObject during = r.getJsonObject("submitMsDuringRollover");
    JsonObject flip = r.getJsonObject("submitMsDuringFlip");
    JsonObject before = r.getJsonObject("submitMsBefore");
    JsonObject check = r.getJsonObject("check", new JsonObject());
    return String.format(Locale.ROOT, "%.2f s (flip %s ms); submits during: max %.1f / p99 %.1f ms (%d > 100 ms; during"
            + " the flip max %.1f), before: max %.1f / p99 %.1f ms; %s standings rows, %s reward events%s",
        r.getDouble("rolloverWallMs") / 1000, r.getValue("flipMs"), during.getDouble("max"), during.getDouble("p99"),
        during.getInteger("over100ms"), flip.getDouble("max"), before.getDouble("max"), before.getDouble("p99"),
        num(check.getLong("standingsRows", 0L)), check.getLong("rewardEventsQueued", 0L),
        r.containsKey("error") ? "; ERROR " + r.getString("error") : "");
  }

  private static void throughput(StringBuilder t, String name, Double perSecond, Double ratio, int runs) {
    if (perSecond == null) {
      return;
    }
    String figure = num(perSecond) + " events/s" + (ratio == null ? "" : String.format(Locale.ROOT, " (%.2f x ceiling)", ratio));
    Boolean met = perSecond >= 25_000 && (ratio == null || ratio >= 0.8);
    row(t, name + ", events fully applied", figure, runs, ">= 25,000/s and >= 0.8 x ceiling", met);
  }

  private static void latency(StringBuilder t, String name, JsonObject l, int runs, String target, Boolean met) {
    if (l.getDouble("p50") == null) {
      return;
    }
    row(t, name, String.format(Locale.ROOT, "p50 %.1f / p95 %.1f / p99 %.1f / max %.1f ms", l.getDouble("p50"),
        l.getDouble("p95"), l.getDouble("p99"), l.getDouble("max")), runs, target, met);
  }

  private static void row(StringBuilder t, String name, String figure, int runs, String target, Boolean met) {
    if (figure == null) {
      return;
    }
    t.append("| ").append(name).append(" | ").append(figure).append(" | ").append(runs).append(" | ").append(target)
        .append(" | ").append(met == null ? "" : met ? "yes" : "**no**").append(" |\n");
  }

  private static String num(Number n) {
    return String.format(Locale.ROOT, "%,.0f", n.doubleValue());
  }
}
