package io.xpbridge.store;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import io.xpbridge.bus.Imports;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * SQL of the importer, besides the events themselves (those go through the intake like any other):
 * what the ledger holds now for a chunk's rows (read only, for a dry run and for the summary), and
 * the players a chunk names, created when new, the two accounts of an exported player linked, names
 * and settings filled in where the bot has none yet. Nothing here changes XP, balance or achievements.
 */
public final class ImportStore {
  /** $1 Telegram ids, $2 Discord ids: the player behind each known identity, with its XP and balance. */
  static final String KNOWN = """
      SELECT 1 AS kind, t.telegram_id AS ref, p.id, p.xp, p.balance
        FROM telegram_identities t JOIN players p ON p.id = t.player_id WHERE t.telegram_id = ANY($1::bigint[])
      UNION ALL
      SELECT 2, d.discord_id, p.id, p.xp, p.balance
        FROM discord_identities d JOIN players p ON p.id = d.player_id WHERE d.discord_id = ANY($2::bigint[])""";
  /** Keys spent by an event or (after the event's retention) by its audit row. */
  static final String SPENT = """
      SELECT idempotency_key FROM sync_events WHERE idempotency_key = ANY($1::text[])
      UNION
      SELECT idempotency_key FROM transactions WHERE idempotency_key = ANY($1::text[])""";
  static final String RESOLVE = "SELECT platform_id, player_id FROM resolve_players($1, $2::bigint[])";
  /**
   * Players for a chunk's new platform ids in one statement (resolve_players, which the intake uses
   * for a few ids at a time, takes ~0.1 ms per id, 10 s for a 100,000-member file): each id gets a
   * player and its identity; an id a concurrent transaction created meanwhile comes back with
   * {@code inserted} false, and its unused player is deleted and the id resolved as usual.
   */
  static final String CREATE = """
      WITH wanted AS MATERIALIZED (
        SELECT v.pid, v.name, v.username, nextval('players_id_seq') AS player
          FROM unnest($1::bigint[], $2::text[], $3::text[]) AS v(pid, name, username)
         WHERE NOT EXISTS (SELECT 1 FROM %1$s_identities i WHERE i.%1$s_id = v.pid)),
      created AS (INSERT INTO players (id, display_name) SELECT player, name FROM wanted),
      inserted AS (
        INSERT INTO %1$s_identities (%1$s_id, player_id, username) SELECT pid, player, username FROM wanted ORDER BY pid
        ON CONFLICT (%1$s_id) DO NOTHING RETURNING %1$s_id)
      SELECT w.pid, w.player, i.%1$s_id IS NOT NULL AS inserted
        FROM wanted w LEFT JOIN inserted i ON i.%1$s_id = w.pid""";
  static final String CREATE_TELEGRAM = CREATE.formatted("telegram");
  static final String CREATE_DISCORD = CREATE.formatted("discord");
  static final String DROP_UNUSED = "DELETE FROM players WHERE id = ANY($1::bigint[])";
  /** The second account of an exported player; a taken id, or a player that has such an account already, is left alone. */
  static final String ATTACH_DISCORD = """
      INSERT INTO discord_identities (discord_id, player_id, linked_at)
      SELECT d, p, now() FROM unnest($1::bigint[], $2::bigint[]) AS v(d, p)
      ON CONFLICT DO NOTHING""";
  static final String ATTACH_TELEGRAM = """
      INSERT INTO telegram_identities (telegram_id, player_id)
      SELECT t, p FROM unnest($1::bigint[], $2::bigint[]) AS v(t, p)
      ON CONFLICT DO NOTHING""";
  /** Only rows that change are written: importing a file again leaves every row as it is. */
  static final String FILL_PLAYERS = """
      UPDATE players p SET display_name = coalesce(p.display_name, v.name), hidden = p.hidden OR v.hidden
        FROM unnest($1::bigint[], $2::text[], $3::bool[]) AS v(id, name, hidden)
       WHERE p.id = v.id AND (p.display_name IS NULL AND v.name IS NOT NULL OR v.hidden AND NOT p.hidden)""";
  /** An exported public id is kept for a player this import created, when no other player has it. */
  static final String KEEP_PUBLIC_IDS = """
      UPDATE players p SET public_id = v.pub
        FROM unnest($1::bigint[], $2::text[]) AS v(id, pub)
       WHERE p.id = v.id AND p.public_id <> v.pub AND NOT EXISTS (SELECT 1 FROM players q WHERE q.public_id = v.pub)""";
  static final String FILL_TELEGRAM = """
      UPDATE telegram_identities t
         SET username = coalesce(t.username, v.u), chat_id = coalesce(t.chat_id, v.c),
             language_code = coalesce(t.language_code, v.l)
        FROM unnest($1::bigint[], $2::text[], $3::bigint[], $4::text[]) AS v(id, u, c, l)
       WHERE t.telegram_id = v.id AND (t.username IS NULL AND v.u IS NOT NULL OR t.chat_id IS NULL AND v.c IS NOT NULL
             OR t.language_code IS NULL AND v.l IS NOT NULL)""";
  /** A player's choice to stop role sync survives the move; an import never turns it back on. */
  static final String FILL_DISCORD = """
      UPDATE discord_identities d SET username = coalesce(d.username, v.u), sync_enabled = d.sync_enabled AND v.s
        FROM unnest($1::bigint[], $2::text[], $3::bool[]) AS v(id, u, s)
       WHERE d.discord_id = v.id AND (d.username IS NULL AND v.u IS NOT NULL OR d.sync_enabled AND NOT v.s)""";

  /** A known player's ledger figures. */
  public record Current(long playerId, long xp, long balance) {}

  /** What the ledger holds for a chunk: players by platform id, and the keys already spent. */
  public record Known(Map<Long, Current> telegram, Map<Long, Current> discord, Set<String> spentKeys) {

    /** The player a row names (its Telegram account first), or null when neither account is known. */
    public Current of(Imports.Row row) {
      Current byTelegram = row.telegramId() == null ? null : telegram.get(row.telegramId());
      return byTelegram != null ? byTelegram : row.discordId() == null ? null : discord.get(row.discordId());
    }
  }

  private final Pool pool;

  public ImportStore(Pool pool) {
    this.pool = pool;
  }

  /** Read only: the chunk's players and which of {@code keys} are spent. */
  public Future<Known> read(List<Imports.Row> rows, List<String> keys) {
    return read(pool, rows, keys);
  }

  private static Future<Known> read(SqlClient client, List<Imports.Row> rows, List<String> keys) {
    Long[] telegramIds = rows.stream().map(Imports.Row::telegramId).filter(java.util.Objects::nonNull)
        .toArray(Long[]::new);
    Long[] discordIds = rows.stream().map(Imports.Row::discordId).filter(java.util.Objects::nonNull)
        .toArray(Long[]::new);
    Future<io.vertx.sqlclient.RowSet<Row>> known = client.preparedQuery(KNOWN)
        .execute(Tuple.tuple().addArrayOfLong(telegramIds).addArrayOfLong(discordIds));
    Future<io.vertx.sqlclient.RowSet<Row>> spent = client.preparedQuery(SPENT)
        .execute(Tuple.tuple().addArrayOfString(keys.toArray(new String[0])));
    return Future.all(known, spent).map(v -> {
      Map<Long, Current> telegram = new HashMap<>();
      Map<Long, Current> discord = new HashMap<>();
      for (Row row : known.result()) {
        Current current = new Current(row.getLong(2), row.getLong(3), row.getLong(4));
        (row.getInteger(0) == 1 ? telegram : discord).put(row.getLong(1), current);
      }
      Set<String> spentKeys = new HashSet<>();
      spent.result().forEach(row -> spentKeys.add(row.getString(0)));
      return new Known(telegram, discord, spentKeys);
    });
  }

  /** The players of a chunk's rows, in row order, and what the ledger held before for them (null: created now). */
  public record Ensured(List<Long> playerIds, Known before) {}

  /**
   * In one transaction: reads the chunk's players, creates those not seen yet (safe against a
   * concurrent submit creating the same one), links the second account of a row that has both where
   * neither account belongs to another player, fills in names and settings the bot has none of, and
   * keeps exported public ids of created players when free.
   */
  public Future<Ensured> ensure(List<Imports.Row> rows, List<String> keys) {
    return pool.withTransaction(conn -> read(conn, rows, keys).compose(before -> {
      // A row's player is found by the account that is known; a row new on both sides starts from Telegram.
      Map<Long, Imports.Row> newTelegram = new HashMap<>();
      Map<Long, Imports.Row> newDiscord = new HashMap<>();
      for (Imports.Row row : rows) {
        if (before.of(row) == null) {
          if (row.telegramId() != null) {
            newTelegram.put(row.telegramId(), row);
          } else {
            newDiscord.put(row.discordId(), row);
          }
        }
      }
      Map<Long, Long> createdTelegram = new HashMap<>();
      Map<Long, Long> createdDiscord = new HashMap<>();
      return resolve(conn, "telegram", newTelegram, createdTelegram)
          .compose(v -> resolve(conn, "discord", newDiscord, createdDiscord))
          .compose(v -> {
            List<Long> players = new ArrayList<>(rows.size());
            for (Imports.Row row : rows) {
              Current known = before.of(row);
              players.add(known != null ? known.playerId() : row.telegramId() != null
                  ? createdTelegram.get(row.telegramId()) : createdDiscord.get(row.discordId()));
            }
            return attachSecondAccounts(conn, rows, players, before)
                .compose(x -> fillProfiles(conn, rows, players, before))
                .map(x -> new Ensured(players, before));
          });
    }));
  }

  /** New players for {@code rows} by their new platform id, named as the file names them. */
  private static Future<Void> resolve(SqlConnection conn, String platform, Map<Long, Imports.Row> rows,
      Map<Long, Long> into) {
    if (rows.isEmpty()) {
      return Future.succeededFuture();
    }
    boolean telegram = platform.equals("telegram");
    Long[] sorted = rows.keySet().stream().sorted().toArray(Long[]::new);
    String[] names = new String[sorted.length];
    String[] usernames = new String[sorted.length];
    for (int i = 0; i < sorted.length; i++) {
      Imports.Row row = rows.get(sorted[i]);
      names[i] = row.name();
      usernames[i] = telegram ? row.telegramUsername() : row.discordUsername();
    }
    return conn.preparedQuery(telegram ? CREATE_TELEGRAM : CREATE_DISCORD)
        .execute(Tuple.tuple().addArrayOfLong(sorted).addArrayOfString(names).addArrayOfString(usernames))
        .compose(created -> {
          Set<Long> left = new LinkedHashSet<>(rows.keySet());
          List<Long> unused = new ArrayList<>();
          for (Row row : created) {
            if (row.getBoolean(2)) {
              into.put(row.getLong(0), row.getLong(1));
              left.remove(row.getLong(0));
            } else {
              unused.add(row.getLong(1));
            }
          }
          Future<Void> dropped = unused.isEmpty() ? Future.succeededFuture()
              : conn.preparedQuery(DROP_UNUSED).execute(Tuple.tuple().addArrayOfLong(unused.toArray(new Long[0])))
                  .mapEmpty();
          return dropped.compose(v -> resolveOneByOne(conn, platform, left, into));
        });
  }

  /** Ids someone else created since this chunk looked: found (or created) by resolve_players. */
  private static Future<Void> resolveOneByOne(SqlConnection conn, String platform, Set<Long> ids,
      Map<Long, Long> into) {
    if (ids.isEmpty()) {
      return Future.succeededFuture();
    }
    // Sorted, as the intake does: concurrent creators take the identities' locks in one order.
    Long[] sorted = ids.stream().sorted().toArray(Long[]::new);
    return conn.preparedQuery(RESOLVE).execute(Tuple.tuple().addString(platform).addArrayOfLong(sorted))
        .map(result -> {
          result.forEach(row -> into.put(row.getLong(0), row.getLong(1)));
          return null;
        });
  }

  private static Future<Void> attachSecondAccounts(SqlConnection conn, List<Imports.Row> rows, List<Long> players,
      Known before) {
    List<Long> discordIds = new ArrayList<>();
    List<Long> discordPlayers = new ArrayList<>();
    List<Long> telegramIds = new ArrayList<>();
    List<Long> telegramPlayers = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      Imports.Row row = rows.get(i);
      if (row.telegramId() == null || row.discordId() == null) {
        continue;
      }
      if (!before.discord().containsKey(row.discordId())) {
        discordIds.add(row.discordId());
        discordPlayers.add(players.get(i));
      } else if (!before.telegram().containsKey(row.telegramId())) {
        telegramIds.add(row.telegramId());
        telegramPlayers.add(players.get(i));
      }
    }
    Future<Void> discord = discordIds.isEmpty() ? Future.succeededFuture()
        : conn.preparedQuery(ATTACH_DISCORD).execute(Tuple.tuple().addArrayOfLong(discordIds.toArray(new Long[0]))
            .addArrayOfLong(discordPlayers.toArray(new Long[0]))).mapEmpty();
    return discord.compose(v -> telegramIds.isEmpty() ? Future.succeededFuture()
        : conn.preparedQuery(ATTACH_TELEGRAM).execute(Tuple.tuple().addArrayOfLong(telegramIds.toArray(new Long[0]))
            .addArrayOfLong(telegramPlayers.toArray(new Long[0]))).mapEmpty());
  }

  private static Future<Void> fillProfiles(SqlConnection conn, List<Imports.Row> rows, List<Long> players,
      Known before) {
    List<Long> ids = new ArrayList<>();
    List<String> names = new ArrayList<>();
    List<Boolean> hidden = new ArrayList<>();
    List<Long> publicOwners = new ArrayList<>();
    List<String> publicIds = new ArrayList<>();
    Set<String> publicSeen = new HashSet<>();
    List<Long> telegram = new ArrayList<>();
    List<String> telegramNames = new ArrayList<>();
    List<Long> chats = new ArrayList<>();
    List<String> languages = new ArrayList<>();
    List<Long> discord = new ArrayList<>();
    List<String> discordNames = new ArrayList<>();
    List<Boolean> sync = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      Imports.Row row = rows.get(i);
      // A player created by this chunk has its name and its first account's username already.
      boolean created = before.of(row) == null;
      boolean telegramFirst = row.telegramId() != null;
      if (created ? Boolean.TRUE.equals(row.hidden()) : row.name() != null || Boolean.TRUE.equals(row.hidden())) {
        ids.add(players.get(i));
        names.add(row.name());
        hidden.add(Boolean.TRUE.equals(row.hidden()));
      }
      if (row.publicId() != null && before.of(row) == null && publicSeen.add(row.publicId())) {
        publicOwners.add(players.get(i));
        publicIds.add(row.publicId());
      }
      if (row.telegramId() != null && (row.chatId() != null || row.languageCode() != null
          || row.telegramUsername() != null && !(created && telegramFirst))) {
        telegram.add(row.telegramId());
        telegramNames.add(row.telegramUsername());
        chats.add(row.chatId());
        languages.add(row.languageCode());
      }
      if (row.discordId() != null && (Boolean.FALSE.equals(row.syncEnabled())
          || row.discordUsername() != null && !(created && !telegramFirst))) {
        discord.add(row.discordId());
        discordNames.add(row.discordUsername());
        sync.add(!Boolean.FALSE.equals(row.syncEnabled()));
      }
    }
    List<Future<?>> writes = new ArrayList<>();
    if (!ids.isEmpty()) {
      writes.add(conn.preparedQuery(FILL_PLAYERS).execute(Tuple.tuple().addArrayOfLong(ids.toArray(new Long[0]))
          .addArrayOfString(names.toArray(new String[0])).addArrayOfBoolean(hidden.toArray(new Boolean[0]))));
    }
    if (!publicIds.isEmpty()) {
      writes.add(conn.preparedQuery(KEEP_PUBLIC_IDS).execute(Tuple.tuple()
          .addArrayOfLong(publicOwners.toArray(new Long[0])).addArrayOfString(publicIds.toArray(new String[0]))));
    }
    if (!telegram.isEmpty()) {
      writes.add(conn.preparedQuery(FILL_TELEGRAM).execute(Tuple.tuple()
          .addArrayOfLong(telegram.toArray(new Long[0])).addArrayOfString(telegramNames.toArray(new String[0]))
          .addArrayOfLong(chats.toArray(new Long[0])).addArrayOfString(languages.toArray(new String[0]))));
    }
    if (!discord.isEmpty()) {
      writes.add(conn.preparedQuery(FILL_DISCORD).execute(Tuple.tuple()
          .addArrayOfLong(discord.toArray(new Long[0])).addArrayOfString(discordNames.toArray(new String[0]))
          .addArrayOfBoolean(sync.toArray(new Boolean[0]))));
    }
    return Future.all(writes).mapEmpty();
  }
}
