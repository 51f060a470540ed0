package io.xpbridge.bench;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import io.vertx.core.Context;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.xpbridge.bus.Bus;
import io.xpbridge.bus.BusClient;
import io.xpbridge.bus.Seasons;
import io.xpbridge.config.DatabaseUrl;
import io.xpbridge.support.Await;
import io.xpbridge.support.Sql;
import io.xpbridge.store.SeasonStore;
import java.lang.reflect.Field;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.IntPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.LoggerFactory;

/**
 * Scenario 7 (issue 13): a season rollover with {@code players} players under a steady submit load.
 * Seeds players 1..n in the running season (season 1), each with its own season XP (distinct, so
 * every place is computed; lifetime XP a little above it), a Telegram identity with a username each
 * and Discord for every second one; {@code seasons.rewards} is top 1: 1,000 coins, top 10: 200 coins.
 * Then an open-loop stream of {@code rate} xp_change events per second from random players (bus
 * EVENTS_SUBMIT, as the latency scenario), {@code beforeSeconds} of it before one rollover is asked
 * for on {@link Bus#SEASONS_START} (what {@code POST /api/v1/seasons} sends), and {@code afterSeconds}
 * after it answered. Measured: the rollover's wall time from request to reply (flip + archive), the
 * flip alone (from SeasonRollover's log line), submit to reply of the submits in flight during the
 * rollover (and during the flip) against those of the window before. Checked: one season_standings
 * row per seeded player, one reward event per rewarded place, and that every XP gained went to
 * exactly one of the two seasons.
 */
final class RolloverScenario {
  private static final String KEY_PREFIX = "ro-";
  private static final String WARMUP_PREFIX = "rw-";
  /** The longest rollover the harness waits for (the HTTP route gives up after 60 s). */
  private static final int ROLLOVER_TIMEOUT_SECONDS = 180;
  private static final DeliveryOptions OPTIONS = new DeliveryOptions().setSendTimeout(60_000);
  private static final Pattern ROLLOVER_LINE =
      Pattern.compile("season 1 .* ended: (\\S+) players with season XP, archived in (\\d+) ms \\(flip (\\d+) ms\\)");
  /** The targets. */
  static final double TARGET_SECONDS = 10;
  static final double TARGET_SUBMIT_MS = 100;

  private RolloverScenario() {}

  static JsonObject run(BenchDatabase databases, int players, int rate, int beforeSeconds, int afterSeconds,
      int warmupSeconds, boolean explain, Consumer<JsonObject> adjust) {
    DatabaseUrl db = databases.create("rollover");
    Sql sql = new Sql(db);
    try {
      long seedStart = System.nanoTime();
      seed(sql, players);
      double seedSeconds = (System.nanoTime() - seedStart) / 1e9;
      JsonObject explained = explain ? explainArchive(db) : null;
      if (explain) {
        // The rolled-back inserts left dead rows and index entries: start the rollover from a clean table.
        sql.execute("TRUNCATE season_standings");
        sql.execute("VACUUM ANALYZE season_standings");
      }
      long seededSeasonXp = sql.queryLong("SELECT sum(season_xp) FROM players");
      long seededXp = sql.queryLong("SELECT sum(xp) FROM players");
      JsonObject config = BenchEngine.config(db, c -> {
        c.put("seasons", new JsonObject().put("autoRollover", "none").put("checkIntervalSeconds", 3_600)
            .put("rewards", new JsonArray()
                .add(new JsonObject().put("top", 1).put("coins", 1_000))
                .add(new JsonObject().put("top", 10).put("coins", 200))));
        adjust.accept(c);
      });
      List<String> logLines = new CopyOnWriteArrayList<>();
      Logger rolloverLog = (Logger) LoggerFactory.getLogger("io.xpbridge.season.SeasonRollover");
      AppenderBase<ILoggingEvent> capture = new AppenderBase<>() {
        @Override
        protected void append(ILoggingEvent event) {
          logLines.add(event.getFormattedMessage());
        }
      };
      capture.setContext(rolloverLog.getLoggerContext());
      capture.start();
      rolloverLog.addAppender(capture);
      rolloverLog.setLevel(Level.INFO);
      try (BenchEngine engine = BenchEngine.start(config, 1)) {
        Vertx vertx = engine.instances.get(0);
        if (warmupSeconds > 0) {
          Load warmup = Load.start(vertx, rate, rate * warmupSeconds, i -> event(WARMUP_PREFIX + i, i, players));
          sleep(warmupSeconds * 1000L);
          warmup.stopAndDrain();
        }
        JsonObject result = new JsonObject().put("players", players).put("rate", rate)
            .put("seedSeconds", Stats.round(seedSeconds));
        if (explained != null) {
          result.put("explain", explained);
        }
        measure(vertx, db, sql, players, rate, beforeSeconds, afterSeconds, logLines, result);
        check(sql, players, seededSeasonXp, seededXp, result);
        return result;
      } finally {
        rolloverLog.detachAppender(capture);
        capture.stop();
      }
    } finally {
      databases.drop(db);
    }
  }

  /**
   * Players 1..n in season 1: season XP distinct (7919 g mod 1,000,003 is a permutation), lifetime XP
   * 0-499 above it; each with a Telegram chat and username, every second one with Discord.
   */
  private static void seed(Sql sql, int players) {
    long running = sql.queryLong("SELECT id FROM seasons WHERE state = 'running'");
    if (running != 1) {
      throw new IllegalStateException("expected season 1 running in a fresh database, found " + running);
    }
    sql.execute("INSERT INTO players (id, xp, balance, season, season_xp) SELECT g, sx + g % 500, 1000, 1, sx "
        + "FROM (SELECT g, 1 + (g::bigint * 7919) % 1000003 AS sx FROM generate_series(1, " + players + ") g) s");
    sql.execute("SELECT setval('players_id_seq', " + players + ")");
    sql.execute("INSERT INTO telegram_identities (telegram_id, player_id, chat_id, username, language_code) SELECT "
        + Seed.TELEGRAM_BASE + " + g, g, " + Seed.TELEGRAM_BASE + " + g, 'user' || g, 'en' FROM generate_series(1, "
        + players + ") g");
    sql.execute("INSERT INTO discord_identities (discord_id, player_id, linked_at) SELECT " + Seed.DISCORD_BASE
        + " + g, g, now() FROM generate_series(1, " + players + ") g WHERE g % 2 = 0");
    sql.execute("VACUUM ANALYZE");
  }

  /**
   * {@code --rollover-explain}: the archive's two big statements (SeasonStore.FINAL_STANDINGS written to season_standings, then
   * REWARDED over what it wrote) on the seeded database before the engine starts, each time in a
   * transaction rolled back afterwards, so the measured rollover still starts from the seed: timed
   * twice, then EXPLAIN (ANALYZE, BUFFERS). The statements (and the archive's work_mem) are read from
   * SeasonStore so they stay the ones it runs.
   */
  private static JsonObject explainArchive(DatabaseUrl db) {
    JsonObject out = new JsonObject();
    try (Connection conn = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password())) {
      conn.setAutoCommit(false);
      // The archive writes these rows in chunks through a cursor; here in one statement, to time the work.
      String write = "INSERT INTO season_standings (season_id, player_id, place, xp, name) SELECT 1, * FROM ("
          + storeSql("FINAL_STANDINGS").replace("$1", "1") + ") f";
      String rewarded = storeSql("REWARDED").replace("$1", "1").replace("$2::int[]", "ARRAY[1, 10]::int[]")
          .replace("$3::bigint[]", "ARRAY[1000, 200]::bigint[]").replace("$4::text[]", "ARRAY[NULL, NULL]::text[]")
          .replace("$5", "10");
      List<String> setup = List.of(storeSql("ARCHIVE_WORK_MEM"));
      JsonArray timings = new JsonArray();
      for (int round = 1; round <= 2; round++) {
        timings.add(timed(conn, "as run", setup, write, rewarded));
      }
      out.put("timings", timings);
      out.put("plans", explained(conn, setup, write, rewarded));
      System.out.println("[bench] archive statements, plain (ms): " + timings.encode());
    } catch (SQLException | ReflectiveOperationException | RuntimeException e) {
      out.put("error", e.toString());
    }
    return out;
  }

  private static JsonObject timed(Connection conn, String variant, List<String> setup, String write, String rewarded)
      throws SQLException {
    try (Statement st = conn.createStatement()) {
      for (String s : setup) {
        st.execute(s);
      }
      long start = System.nanoTime();
      int rows = st.executeUpdate(write);
      double writeMs = (System.nanoTime() - start) / 1e6;
      start = System.nanoTime();
      int winners = 0;
      try (ResultSet rs = st.executeQuery(rewarded)) {
        while (rs.next()) {
          winners++;
        }
      }
      double rewardedMs = (System.nanoTime() - start) / 1e6;
      return new JsonObject().put("variant", variant).put("writeStandingsMs", Stats.round(writeMs))
          .put("rows", rows).put("rewardedMs", Stats.round(rewardedMs)).put("winners", winners);
    } finally {
      conn.rollback();
    }
  }

  private static JsonObject explained(Connection conn, List<String> setup, String write, String rewarded)
      throws SQLException {
    JsonObject out = new JsonObject();
    try (Statement st = conn.createStatement()) {
      for (String s : setup) {
        st.execute(s);
      }
      for (var statement : List.of(List.of("writeStandings", write), List.of("rewarded", rewarded))) {
        JsonArray plan = new JsonArray();
        try (ResultSet rs = st.executeQuery("EXPLAIN (ANALYZE, BUFFERS) " + statement.get(1))) {
          while (rs.next()) {
            plan.add(rs.getString(1));
          }
        }
        out.put(statement.get(0), plan);
      }
    } finally {
      conn.rollback();
    }
    return out;
  }

  private static String storeSql(String field) throws ReflectiveOperationException {
    Field f = SeasonStore.class.getDeclaredField(field);
    f.setAccessible(true);
    return (String) f.get(null);
  }

  private static void measure(Vertx vertx, DatabaseUrl db, Sql sql, int players, int rate, int beforeSeconds, int afterSeconds,
      List<String> logLines, JsonObject result) {
    int capacity = rate * (beforeSeconds + ROLLOVER_TIMEOUT_SECONDS + afterSeconds + 5);
    String loadBefore = Machine.loadAverage();
    Load load = Load.start(vertx, rate, capacity, i -> event(KEY_PREFIX + i, i, players));
    sleep(beforeSeconds * 1000L);
    BusClient bus = new BusClient(vertx.eventBus(), ROLLOVER_TIMEOUT_SECONDS * 1000L);
    long[] replyAt = new long[1];
    ArchiveSampler sampler = ArchiveSampler.start(db);
    long rollStart = System.nanoTime();
    Seasons.SeasonView started;
    String failure = null;
    try {
      started = Await.result(bus.request(Bus.SEASONS_START, new Seasons.Start("Bench season 2"), Seasons.SeasonView.class)
          .onComplete(ar -> replyAt[0] = System.nanoTime()), Duration.ofSeconds(ROLLOVER_TIMEOUT_SECONDS + 10));
    } catch (RuntimeException e) {
      started = null;
      failure = "rollover failed: " + e;
    }
    long rollEnd = replyAt[0] != 0 ? replyAt[0] : System.nanoTime();
    result.put("archiveBackend", sampler.stop());
    sleep(afterSeconds * 1000L);
    load.stopAndDrain();
    double wallMs = (rollEnd - rollStart) / 1e6;

    Long logged = null;
    Long flipped = null;
    for (String line : logLines) {
      Matcher m = ROLLOVER_LINE.matcher(line);
      if (m.find()) {
        logged = Long.parseLong(m.group(2));
        flipped = Long.parseLong(m.group(3));
      }
    }
    Long loggedMs = logged;
    Long flipMs = flipped;
    long[] sent = load.sent;
    long[] replied = load.replied;
    long measureStart = load.startedAt;
    // Before: sent from 1 s into the load, answered before the rollover was asked for.
    IntPredicate before = i -> sent[i] >= measureStart + 1_000_000_000L && replied[i] < rollStart;
    // During: in flight at some moment between the request and the reply.
    IntPredicate during = i -> sent[i] < rollEnd && replied[i] > rollStart;
    long flipEnd = rollStart + (flipMs == null ? 0 : flipMs + 2) * 1_000_000L;
    IntPredicate inFlip = i -> flipMs != null && sent[i] < flipEnd && replied[i] > rollStart;
    IntPredicate inArchive = i -> flipMs != null && sent[i] < rollEnd && replied[i] > flipEnd;
    IntPredicate after = i -> sent[i] > rollEnd;
    JsonObject duringStats = window(load, during, rollStart);
    JsonObject beforeStats = window(load, before, rollStart);
    result.put("rolloverWallMs", Stats.round(wallMs))
        .put("flipMs", flipMs).put("archiveMs", flipMs == null ? null : Stats.round(wallMs - flipMs))
        .put("loggedRolloverMs", loggedMs)
        .put("startedSeason", started == null ? null : started.id())
        .put("submits", load.count).put("submitFailures", load.failures)
        .put("submitMsBefore", beforeStats).put("submitMsDuringRollover", duringStats)
        .put("submitMsDuringFlip", window(load, inFlip, rollStart))
        .put("submitMsDuringArchive", window(load, inArchive, rollStart))
        .put("submitMsAfter", window(load, after, rollStart))
        .put("achievedRateDuringRollover", Stats.round(count(load, i -> replied[i] >= rollStart && replied[i] <= rollEnd)
            / Math.max(1e-9, (rollEnd - rollStart) / 1e9)))
        .put("loadBefore", loadBefore).put("loadAfter", Machine.loadAverage());
    if (load.capacityReached) {
      failure = (failure == null ? "" : failure + "; ") + "the load ran out of its " + capacity + " events";
    }
    if (load.failures > 0) {
      failure = (failure == null ? "" : failure + "; ") + load.failures + " submits failed";
    }
    if (failure != null) {
      result.put("error", failure);
    }
    boolean met = wallMs <= TARGET_SECONDS * 1000 && duringStats.getDouble("max", Double.MAX_VALUE) <= TARGET_SUBMIT_MS;
    result.put("targetsMet", failure == null && met);
  }

  /** The archive is right: standings of every player, one reward per rewarded place, no XP lost or counted twice. */
  private static void check(Sql sql, int players, long seededSeasonXp, long seededXp, JsonObject result) {
    long standings = sql.queryLong("SELECT count(*) FROM season_standings WHERE season_id = 1");
    long rewardedPlaces = sql.queryLong("SELECT count(*) FROM season_standings WHERE season_id = 1 AND place <= 10");
    long rewardEvents = sql.queryLong("SELECT count(*) FROM sync_events WHERE event_type = 'reward_grant' "
        + "AND idempotency_key LIKE 'season:1:reward:%'");
    String state = sql.queryString("SELECT state FROM seasons WHERE id = 1");
    long archivedPlayers = sql.queryLong("SELECT players FROM seasons WHERE id = 1");
    long gained = sql.queryLong("SELECT sum(xp) FROM players") - seededXp;
    long season1 = sql.queryLong("SELECT sum(xp) FROM season_standings WHERE season_id = 1");
    long season2 = sql.queryLong("SELECT coalesce(sum(season_xp), 0) FROM players WHERE season = 2");
    long movedToSeason2 = sql.queryLong("SELECT count(*) FROM players WHERE season = 2");
    JsonObject check = new JsonObject().put("season1State", state).put("season1Players", archivedPlayers)
        .put("standingsRows", standings).put("rewardedPlaces", rewardedPlaces).put("rewardEventsQueued", rewardEvents)
        .put("xpGainedDuringRun", gained).put("season1XpGained", season1 - seededSeasonXp).put("season2Xp", season2)
        .put("playersMovedToSeason2", movedToSeason2);
    StringBuilder wrong = new StringBuilder();
    if (!"archived".equals(state)) {
      wrong.append("season 1 is ").append(state).append("; ");
    }
    if (standings != players || archivedPlayers != players) {
      wrong.append("expected ").append(players).append(" standings rows, found ").append(standings).append("; ");
    }
    if (rewardedPlaces < 10 || rewardEvents != rewardedPlaces) {
      wrong.append(rewardEvents).append(" reward events for ").append(rewardedPlaces).append(" rewarded places; ");
    }
    if (season1 - seededSeasonXp + season2 != gained) {
      wrong.append("XP gained ").append(gained).append(" but season 1 got ").append(season1 - seededSeasonXp)
          .append(" and season 2 ").append(season2).append("; ");
    }
    check.put("ok", wrong.length() == 0);
    result.put("check", check);
    if (wrong.length() > 0) {
      String earlier = result.getString("error");
      result.put("error", (earlier == null ? "" : earlier + "; ") + wrong.toString().trim());
      result.put("targetsMet", false);
    }
  }

  /** An xp_change of 1-3 XP for a random player, from Telegram, or from Discord where the player has it. */
  private static JsonObject event(String key, int index, int players) {
    SplittableRandom random = new SplittableRandom(index * 31L + key.hashCode());
    long player = 1 + random.nextInt(players);
    boolean fromTelegram = player % 2 == 1 || random.nextBoolean();
    return Seed.event(key, player, fromTelegram, true, 1 + random.nextInt(3));
  }

  private static JsonObject window(Load load, IntPredicate in, long rollStart) {
    double[] millis = new double[load.count];
    int n = 0;
    int worst = -1;
    int over = 0;
    for (int i = 0; i < load.count; i++) {
      if (load.replied[i] != 0 && in.test(i)) {
        double ms = (load.replied[i] - load.sent[i]) / 1e6;
        millis[n++] = ms;
        if (worst < 0 || ms > (load.replied[worst] - load.sent[worst]) / 1e6) {
          worst = i;
        }
        if (ms > TARGET_SUBMIT_MS) {
          over++;
        }
      }
    }
    JsonObject stats = Stats.latencies(Arrays.copyOf(millis, n)).put("over100ms", over);
    if (worst >= 0) {
      // When the slowest of them was sent, relative to the rollover request (negative: before it).
      stats.put("slowestSentAtMs", Stats.round((load.sent[worst] - rollStart) / 1e6));
    }
    return stats;
  }

  private static int count(Load load, IntPredicate in) {
    int n = 0;
    for (int i = 0; i < load.count; i++) {
      if (load.replied[i] != 0 && in.test(i)) {
        n++;
      }
    }
    return n;
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * Watches the rollover from the database side: every 50 ms, pg_stat_activity of the backends
   * running a statement on season_standings or seasons (the archive, the flip), counting what they
   * wait for ("CPU" when nothing), and, for the embedded server on this machine, each such backend's
   * /proc/PID/schedstat at first sight and at the end: time on a CPU and time runnable but waiting
   * for one (the machine's other work), which tells a slow statement from a starved one.
   */
  private static final class ArchiveSampler {
    private final Thread thread;
    private final JsonObject waits = new JsonObject();
    private final java.util.Map<Integer, long[]> firstSchedstat = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.Map<Integer, String> firstQuery = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile boolean stop;
    private int samples;

    private ArchiveSampler(DatabaseUrl db) {
      thread = new Thread(() -> run(db), "rollover-sampler");
      thread.setDaemon(true);
    }

    static ArchiveSampler start(DatabaseUrl db) {
      ArchiveSampler sampler = new ArchiveSampler(db);
      sampler.thread.start();
      return sampler;
    }

    private void run(DatabaseUrl db) {
      String query = "SELECT pid, coalesce(wait_event_type || ':' || wait_event, 'CPU'), left(query, 40) "
          + "FROM pg_stat_activity WHERE state = 'active' AND pid <> pg_backend_pid() "
          + "AND (query ILIKE '%season_standings%' OR query ILIKE '%seasons%')";
      try (Connection conn = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
          Statement st = conn.createStatement()) {
        while (!stop) {
          try (ResultSet rs = st.executeQuery(query)) {
            samples++;
            while (rs.next()) {
              int pid = rs.getInt(1);
              String wait = rs.getString(2);
              String text = rs.getString(3).replaceAll("\\s+", " ").trim();
              waits.put(text + " | " + wait, waits.getInteger(text + " | " + wait, 0) + 1);
              if (!firstSchedstat.containsKey(pid)) {
                long[] now = schedstat(pid);
                if (now != null) {
                  firstSchedstat.put(pid, now);
                  firstQuery.put(pid, text);
                }
              }
            }
          }
          Thread.sleep(50);
        }
      } catch (SQLException | InterruptedException e) {
        waits.put("error", e.toString());
      }
    }

    JsonObject stop() {
      stop = true;
      try {
        thread.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      JsonArray backends = new JsonArray();
      firstSchedstat.forEach((pid, first) -> {
        long[] last = schedstat(pid);
        if (last != null) {
          backends.add(new JsonObject().put("pid", pid).put("firstSeenRunning", firstQuery.get(pid))
              .put("onCpuMs", Stats.round((last[0] - first[0]) / 1e6))
              .put("waitingForCpuMs", Stats.round((last[1] - first[1]) / 1e6)));
        }
      });
      return new JsonObject().put("samplesEvery50ms", samples).put("seenRunning", waits).put("backends", backends);
    }

    /** On-CPU and run-queue nanoseconds of a local process, or null. */
    private static long[] schedstat(int pid) {
      try {
        String[] parts = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/" + pid + "/schedstat")).trim()
            .split("\\s+");
        return new long[] {Long.parseLong(parts[0]), Long.parseLong(parts[1])};
      } catch (java.io.IOException | RuntimeException e) {
        return null;
      }
    }
  }

  /**
   * An open-loop stream of submits at {@code rate} per second from a 1 ms timer (the schedule does not
   * wait for replies), until stopped or {@code capacity} events were sent. Times are System.nanoTime()
   * when sent and when the reply was seen.
   */
  private static final class Load {
    final long[] sent;
    final long[] replied;
    final Promise<Void> drained = Promise.promise();
    volatile boolean stop;
    volatile long startedAt;
    /** Written on the load's context only; read after {@link #drained}. */
    int count;
    int answered;
    long failures;
    boolean capacityReached;
    boolean sending = true;

    private Load(int capacity) {
      sent = new long[capacity];
      replied = new long[capacity];
    }

    static Load start(Vertx vertx, int rate, int capacity, java.util.function.IntFunction<JsonObject> events) {
      Load load = new Load(capacity);
      Context context = vertx.getOrCreateContext();
      Promise<Void> running = Promise.promise();
      context.runOnContext(v -> {
        long start = System.nanoTime();
        load.startedAt = start;
        running.complete();
        vertx.setPeriodic(1, timer -> {
          if (load.stop || load.count >= capacity) {
            load.capacityReached = !load.stop;
            load.sending = false;
            vertx.cancelTimer(timer);
            load.drainedIfDone();
            return;
          }
          long due = Math.min(capacity, (System.nanoTime() - start) * rate / 1_000_000_000L + 1);
          while (load.count < due) {
            int index = load.count++;
            load.sent[index] = System.nanoTime();
            vertx.eventBus().request(Bus.EVENTS_SUBMIT, events.apply(index), OPTIONS).onComplete(ar -> {
              load.replied[index] = System.nanoTime();
              if (ar.failed()) {
                load.failures++;
              }
              load.answered++;
              load.drainedIfDone();
            });
          }
        });
      });
      Await.result(running.future(), Duration.ofSeconds(10));
      return load;
    }

    private void drainedIfDone() {
      if (!sending && answered == count) {
        drained.tryComplete();
      }
    }

    void stopAndDrain() {
      stop = true;
      Await.result(drained.future(), Duration.ofMinutes(2));
    }
  }
}
