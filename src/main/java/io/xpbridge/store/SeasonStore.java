package io.xpbridge.store;

import io.vertx.core.Future;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Cursor;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import io.xpbridge.bus.Seasons;
import io.xpbridge.domain.IdempotencyKeys;
import io.xpbridge.domain.SeasonReward;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Seasons and their rollover, in two steps (see migration V8): {@link #flip} switches the running
 * season under the exclusive {@link SeasonLock}, {@link #archive} then writes the ended season's
 * standings, rewards and notices without holding up the engine.
 */
public final class SeasonStore {
  static final String COLUMNS = "id, name, state, started_at, ended_at, players, period_key";
  static final String RUNNING = "SELECT " + COLUMNS + " FROM seasons WHERE state = 'running'";
  static final String ALL = "SELECT " + COLUMNS + " FROM seasons ORDER BY id DESC";
  static final String BY_ID = "SELECT " + COLUMNS + " FROM seasons WHERE id = $1";
  static final String ARCHIVING = "SELECT id FROM seasons WHERE state = 'archiving' ORDER BY id";
  /** How long the flip waits for the ledger writes in flight; every new write waits behind it meanwhile. */
  static final String FLIP_LOCK_TIMEOUT = "SET LOCAL lock_timeout = '%d ms'";
  static final String UNFINISHED = "SELECT " + COLUMNS + " FROM seasons WHERE state <> 'archived' FOR UPDATE";
  static final String INSERT_ROLLOVER = """
      INSERT INTO sync_events (idempotency_key, source, event_type, player_id, payload, status, processed_by,
                               applied_at, processed_at)
      VALUES ($1, 'system', 'season_rollover', 0, $2::jsonb, 'completed', 'none', now(), now())
      ON CONFLICT (idempotency_key) DO NOTHING
      RETURNING id""";
  static final String END = "UPDATE seasons SET state = 'archiving', ended_at = now() WHERE id = $1";
  static final String START = """
      INSERT INTO seasons (id, name, state, period_key) VALUES ($1, $2, 'running', $3)
      RETURNING\s""" + COLUMNS;
  static final String LOCK_ARCHIVING = "SELECT state FROM seasons WHERE id = $1 FOR UPDATE";
  /** Enough memory for the standings' sort of 100,000 players not to spill to disk. */
  static final String ARCHIVE_WORK_MEM = "SET LOCAL work_mem = '32MB'";
  /**
   * The final standings, best first. After the flip no write adds to the ended season, and a player
   * moved into the new season since carries the old figure in last_season_xp, so every row read
   * here is final. Read through a cursor and written in chunks ({@link #WRITE_STANDINGS}). A member who
   * has left the Discord guild or chose to be hidden (/privacy) when the season is archived is left
   * out, as in the live standings: the archive (and its rewards) is what the standings showed at the end.
   */
  static final String FINAL_STANDINGS = """
      SELECT id, rank() OVER (ORDER BY xp DESC) AS place, xp, name
        FROM (SELECT p.id,
                     CASE WHEN p.season = $1 THEN p.season_xp ELSE p.last_season_xp END AS xp,
                     %s AS name
                FROM players p
                LEFT JOIN telegram_identities t ON t.player_id = p.id
                LEFT JOIN discord_identities d ON d.player_id = p.id
               WHERE p.merged_into IS NULL AND (p.season = $1 OR p.last_season = $1) AND %s) s
       WHERE xp > 0
       ORDER BY place, id""".formatted(StandingsStore.displayName("p.id"), StandingsStore.shown("p"));
  /** A chunk of standings. Plain INSERT: the season's row is locked and still 'archiving', so none exists yet. */
  static final String WRITE_STANDINGS = """
      INSERT INTO season_standings (season_id, player_id, place, xp, name)
      SELECT $1, * FROM unnest($2::bigint[], $3::int[], $4::bigint[], $5::text[])""";
  /**
   * Standings written per statement. Between chunks the archive pauses (see {@link #archive}): one
   * statement over 100,000 players kept a core busy for seconds, and on a small machine the engine's
   * submits waited for CPU meanwhile (bench/README.md, scenario rollover).
   */
  static final int STANDINGS_CHUNK = 5_000;
  /** The rewarded places, each with its tier (the first whose top includes it) and Discord account. */
  static final String REWARDED = """
      SELECT s.player_id, s.place, s.xp, s.name, d.discord_id, r.top, r.coins, r.achievement
        FROM season_standings s
        JOIN LATERAL (SELECT t.top, t.coins, t.achievement
                        FROM unnest($2::int[], $3::bigint[], $4::text[]) AS t(top, coins, achievement)
                       WHERE s.place <= t.top ORDER BY t.top LIMIT 1) r ON true
        LEFT JOIN discord_identities d ON d.player_id = s.player_id
       WHERE s.season_id = $1 AND s.place <= $5
       ORDER BY s.place, s.player_id""";
  /** Without rewards configured, the season's first three places are still announced. */
  static final String PODIUM = """
      SELECT s.player_id, s.place, s.xp, s.name, d.discord_id, NULL::int AS top, 0::bigint AS coins,
             NULL::text AS achievement
        FROM season_standings s LEFT JOIN discord_identities d ON d.player_id = s.player_id
       WHERE s.season_id = $1 AND s.place <= 3
       ORDER BY s.place, s.player_id""";
  /** Reward events, applied by the queue worker; their keys make each one happen once. */
  static final String QUEUE_REWARDS = """
      INSERT INTO sync_events (idempotency_key, source, event_type, player_id, balance_delta, payload)
      SELECT k, 'system', 'reward_grant', p, c, pl::jsonb
        FROM unnest($1::text[], $2::bigint[], $3::bigint[], $4::text[]) AS v(k, p, c, pl)
      ON CONFLICT (idempotency_key) DO NOTHING""";
  static final String FINISH = """
      UPDATE seasons SET state = 'archived', players = (SELECT count(*) FROM season_standings WHERE season_id = $1)
       WHERE id = $1
      RETURNING\s""" + COLUMNS;

  private final Pool pool;
  private final EffectOutbox outbox = new EffectOutbox();

  public SeasonStore(Pool pool) {
    this.pool = pool;
  }

  /** A seasons row; {@code endedAt} null while it runs, {@code players} null until it is archived. */
  public record Season(int id, String name, String state, OffsetDateTime startedAt, OffsetDateTime endedAt,
      Integer players, String periodKey) {

    public boolean running() {
      return Seasons.RUNNING.equals(state);
    }

    public boolean archived() {
      return Seasons.ARCHIVED.equals(state);
    }

    /** As the API shows it, with {@code top} (null to leave it out). */
    public Seasons.SeasonView view(List<Seasons.Standing> top) {
      return new Seasons.SeasonView(id, name, state, startedAt.toInstant().toString(),
          endedAt == null ? null : endedAt.toInstant().toString(), players, top);
    }
  }

  /** A rewarded (or, without rewards, announced) place of an ended season. */
  public record Winner(long playerId, long place, long xp, String name, Long discordId, SeasonReward reward) {}

  /** What a flip did: the season it ended and the one it started. */
  public record Flipped(Season ended, Season started) {}

  /** Why a flip did not happen; {@code reason} says it in words an admin can act on. */
  public static final class FlipRefused extends RuntimeException {
    private final boolean busy;

    FlipRefused(String reason, boolean busy) {
      super(reason, null, false, false);
      this.busy = busy;
    }

    /** The ledger writes did not let the flip in in time: try again (nothing changed). */
    public boolean busy() {
      return busy;
    }
  }

  public Future<Optional<Season>> running() {
    return pool.query(RUNNING).execute().map(rows -> rows.size() == 0 ? Optional.empty()
        : Optional.of(read(rows.iterator().next())));
  }

  public Future<Optional<Season>> byId(int id) {
    return pool.preparedQuery(BY_ID).execute(Tuple.of(id)).map(rows -> rows.size() == 0 ? Optional.empty()
        : Optional.of(read(rows.iterator().next())));
  }

  public Future<List<Season>> all() {
    return pool.query(ALL).execute().map(rows -> {
      List<Season> seasons = new ArrayList<>();
      rows.forEach(row -> seasons.add(read(row)));
      return seasons;
    });
  }

  /** Seasons ended but not yet archived (a crash between the two steps leaves one). */
  public Future<List<Integer>> archiving() {
    return pool.query(ARCHIVING).execute().map(rows -> {
      List<Integer> ids = new ArrayList<>();
      rows.forEach(row -> ids.add(row.getInteger(0)));
      return ids;
    });
  }

  /**
   * Ends season {@code endingId} and starts the next, named {@code name}; {@code periodKey} for an
   * automatic rollover (null otherwise). Fails with {@link FlipRefused} when {@code endingId} is no
   * longer running (another rollover got there first), when an earlier season is still being
   * archived, when the period already has its season, or when the ledger writes in flight did not
   * finish within {@code lockTimeoutMs} (busy: nothing changed, try again).
   */
  public Future<Flipped> flip(int endingId, String name, String periodKey, long lockTimeoutMs) {
    return pool.withTransaction(conn -> conn.query(FLIP_LOCK_TIMEOUT.formatted(lockTimeoutMs)).execute()
        .compose(v -> SeasonLock.holdExclusive(conn))
        .compose(v -> conn.query(UNFINISHED).execute())
        .compose(rows -> {
          Season ending = null;
          for (Row row : rows) {
            Season season = read(row);
            if (Seasons.ARCHIVING.equals(season.state())) {
              return refused("season " + season.id() + " (" + season.name()
                  + ") is still being archived; try again in a few seconds");
            }
            ending = season;
          }
          if (ending == null || ending.id() != endingId) {
            return refused("season " + endingId + " has already ended"
                + (ending == null ? "" : "; season " + ending.id() + " (" + ending.name() + ") is running"));
          }
          Season ended = ending;
          String key = IdempotencyKeys.seasonRollover(endingId);
          String payload = new io.vertx.core.json.JsonObject().put("ended", endingId).put("started", endingId + 1)
              .put("name", name).put("periodKey", periodKey).encode();
          return conn.preparedQuery(INSERT_ROLLOVER).execute(Tuple.of(key, payload)).compose(inserted -> {
            if (inserted.size() == 0) {
              return refused("season " + endingId + " has already been ended (" + key + " is spent)");
            }
            return conn.preparedQuery(END).execute(Tuple.of(endingId))
                .compose(x -> conn.preparedQuery(START).execute(Tuple.of(endingId + 1, name, periodKey)))
                .map(started -> new Flipped(ended, read(started.iterator().next())));
          });
        }))
        .recover(SeasonStore::explain);
  }

  private static <T> Future<T> refused(String reason) {
    return Future.failedFuture(new FlipRefused(reason, false));
  }

  private static <T> Future<T> explain(Throwable failure) {
    if (failure instanceof PgException pg && "55P03".equals(pg.getSqlState())) {
      return Future.failedFuture(new FlipRefused("the engine's writes in flight did not let the rollover in", true));
    }
    if (failure instanceof PgException pg && "23505".equals(pg.getSqlState())
        && pg.getConstraint() != null && pg.getConstraint().startsWith("seasons_")) {
      return Future.failedFuture(new FlipRefused("another rollover started this period's season first", false));
    }
    return Future.failedFuture(failure);
  }

  /**
   * Writes the final standings of {@code seasonId}, queues its rewards (events keyed per season and
   * player) and its notices (each rewarded player on Telegram; the winners in Discord's announce
   * channel when {@code announceInDiscord}), and marks it archived, in one transaction. Does nothing
   * for a season already archived, so running it twice (a restart, two engines) gives each reward
   * once. {@code pause} is waited for between chunks of standings, to leave the engine room. The
   * transaction holds no lock a ledger write needs (only the season's row). Returns the season as
   * archived, or empty when there was nothing to do.
   */
  public Future<Optional<Season>> archive(int seasonId, List<SeasonReward> rewards, boolean announceInDiscord,
      Supplier<Future<Void>> pause) {
    return pool.withTransaction(conn -> conn.preparedQuery(LOCK_ARCHIVING).execute(Tuple.of(seasonId))
        .compose(rows -> {
          if (rows.size() == 0 || !Seasons.ARCHIVING.equals(rows.iterator().next().getString(0))) {
            return Future.succeededFuture(Optional.<Season>empty());
          }
          return conn.query(ARCHIVE_WORK_MEM).execute()
              .compose(v -> conn.prepare(FINAL_STANDINGS))
              .compose(statement -> {
                Cursor cursor = statement.cursor(Tuple.of(seasonId));
                return writeStandings(conn, seasonId, cursor, pause).eventually(() -> cursor.close());
              })
              .compose(v -> conn.preparedQuery(FINISH).execute(Tuple.of(seasonId)))
              .compose(finished -> {
                Season season = read(finished.iterator().next());
                return winners(conn, seasonId, rewards)
                    .compose(winners -> queueRewards(conn, season, winners)
                        .compose(v -> outbox.queue(conn, SeasonNotices.of(season, winners, announceInDiscord))))
                    .map(v -> Optional.of(season));
              });
        }));
  }

  private Future<Void> writeStandings(SqlConnection conn, int seasonId, Cursor cursor, Supplier<Future<Void>> pause) {
    return cursor.read(STANDINGS_CHUNK).compose(rows -> {
      int n = rows.size();
      Long[] players = new Long[n];
      Integer[] places = new Integer[n];
      Long[] xp = new Long[n];
      String[] names = new String[n];
      int i = 0;
      for (Row row : rows) {
        players[i] = row.getLong(0);
        places[i] = row.getInteger(1);
        xp[i] = row.getLong(2);
        names[i] = row.getString(3);
        i++;
      }
      Future<Void> written = n == 0 ? Future.succeededFuture()
          : conn.preparedQuery(WRITE_STANDINGS).execute(Tuple.tuple().addInteger(seasonId).addArrayOfLong(players)
              .addArrayOfInteger(places).addArrayOfLong(xp).addArrayOfString(names)).mapEmpty();
      return written.compose(v -> cursor.hasMore()
          ? pause.get().compose(x -> writeStandings(conn, seasonId, cursor, pause))
          : Future.succeededFuture());
    });
  }

  private Future<List<Winner>> winners(SqlConnection conn, int seasonId, List<SeasonReward> rewards) {
    Future<io.vertx.sqlclient.RowSet<Row>> rows = rewards.isEmpty()
        ? conn.preparedQuery(PODIUM).execute(Tuple.of(seasonId))
        : conn.preparedQuery(REWARDED).execute(Tuple.tuple().addInteger(seasonId)
            .addArrayOfInteger(rewards.stream().map(SeasonReward::top).toArray(Integer[]::new))
            .addArrayOfLong(rewards.stream().map(SeasonReward::coins).toArray(Long[]::new))
            .addArrayOfString(rewards.stream().map(SeasonReward::achievement).toArray(String[]::new))
            .addInteger(rewards.stream().mapToInt(SeasonReward::top).max().orElse(0)));
    return rows.map(result -> {
      List<Winner> winners = new ArrayList<>();
      for (Row row : result) {
        Integer top = row.getInteger("top");
        SeasonReward reward = top == null ? null
            : new SeasonReward(top, row.getLong("coins"), row.getString("achievement"));
        winners.add(new Winner(row.getLong("player_id"), row.getInteger("place"), row.getLong("xp"),
            row.getString("name"), row.getLong("discord_id"), reward));
      }
      return winners;
    });
  }

  private Future<Void> queueRewards(SqlConnection conn, Season season, List<Winner> winners) {
    List<Winner> rewarded = winners.stream().filter(w -> w.reward() != null).toList();
    if (rewarded.isEmpty()) {
      return Future.succeededFuture();
    }
    int n = rewarded.size();
    String[] keys = new String[n];
    Long[] players = new Long[n];
    Long[] coins = new Long[n];
    String[] payloads = new String[n];
    for (int i = 0; i < n; i++) {
      Winner winner = rewarded.get(i);
      keys[i] = IdempotencyKeys.seasonReward(season.id(), winner.playerId());
      players[i] = winner.playerId();
      coins[i] = winner.reward().coins();
      io.vertx.core.json.JsonObject payload = new io.vertx.core.json.JsonObject()
          .put("reason", "season " + season.id() + " (" + season.name() + "): place " + winner.place())
          .put("season", season.id()).put("place", winner.place());
      if (winner.reward().achievement() != null) {
        payload.put("achievement", winner.reward().achievement());
      }
      payloads[i] = payload.encode();
    }
    return conn.preparedQuery(QUEUE_REWARDS).execute(Tuple.tuple().addArrayOfString(keys).addArrayOfLong(players)
        .addArrayOfLong(coins).addArrayOfString(payloads)).mapEmpty();
  }

  static Season read(Row row) {
    return new Season(row.getInteger("id"), row.getString("name"), row.getString("state"),
        row.getOffsetDateTime("started_at"), row.getOffsetDateTime("ended_at"), row.getInteger("players"),
        row.getString("period_key"));
  }
}
