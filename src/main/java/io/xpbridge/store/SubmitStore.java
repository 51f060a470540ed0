package io.xpbridge.store;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import io.xpbridge.domain.PlayerRef;
import io.xpbridge.domain.SubmitRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Stores submitted events, many per statement. A key that is already spent (by a queued event or by
 * an audit row, which is kept forever) is answered as a duplicate and changes nothing.
 */
public final class SubmitStore {
  static final String RESOLVE_PLAYERS =
      "SELECT platform_id, player_id FROM resolve_players($1, $2::bigint[])";
  /** Known identities and players of a whole batch in one round trip; only unknown platform ids go to resolve_players. */
  static final String KNOWN_PLAYERS = """
      SELECT 1 AS kind, telegram_id AS ref, player_id FROM telegram_identities WHERE telegram_id = ANY($1::bigint[])
      UNION ALL
      SELECT 2, discord_id, player_id FROM discord_identities WHERE discord_id = ANY($2::bigint[])
      UNION ALL
      SELECT 3, id, id FROM players WHERE id = ANY($3::bigint[])""";
  static final String INSERT_EVENTS = """
      INSERT INTO sync_events (idempotency_key, source, event_type, player_id, xp_delta, balance_delta, payload)
      SELECT v.k, v.s, v.t, v.p, v.x, v.b, v.pl::jsonb
        FROM unnest($1::text[], $2::text[], $3::text[], $4::bigint[], $5::bigint[], $6::bigint[], $7::text[])
             AS v(k, s, t, p, x, b, pl)
       WHERE NOT EXISTS (SELECT 1 FROM transactions tr WHERE tr.idempotency_key = v.k)
      ON CONFLICT (idempotency_key) DO NOTHING
      RETURNING id, idempotency_key""";
  static final String KNOWN_KEYS = """
      SELECT id, idempotency_key FROM sync_events WHERE idempotency_key = ANY($1::text[])
      UNION ALL
      SELECT coalesce(event_id, 0), idempotency_key FROM transactions WHERE idempotency_key = ANY($1::text[])""";

  private final Pool pool;

  public SubmitStore(Pool pool) {
    this.pool = pool;
  }

  /** Results come back in the order of {@code requests}. */
  public Future<List<SubmitResult>> submit(List<SubmitRequest> requests) {
    return pool.withTransaction(conn -> resolvePlayers(conn, requests)
        .compose(playerIds -> insert(conn, requests, playerIds)));
  }

  private Future<Map<PlayerRef, Long>> resolvePlayers(SqlConnection conn, List<SubmitRequest> requests) {
    List<Long> telegram = distinctIds(requests, PlayerRef.Kind.TELEGRAM);
    List<Long> discord = distinctIds(requests, PlayerRef.Kind.DISCORD);
    List<Long> direct = distinctIds(requests, PlayerRef.Kind.PLAYER);
    Map<PlayerRef, Long> resolved = new HashMap<>();
    Tuple ids = Tuple.tuple().addArrayOfLong(telegram.toArray(new Long[0])).addArrayOfLong(discord.toArray(new Long[0]))
        .addArrayOfLong(direct.toArray(new Long[0]));
    return conn.preparedQuery(KNOWN_PLAYERS).execute(ids).compose(rows -> {
      for (Row row : rows) {
        PlayerRef.Kind kind = switch (row.getInteger(0)) {
          case 1 -> PlayerRef.Kind.TELEGRAM;
          case 2 -> PlayerRef.Kind.DISCORD;
          default -> PlayerRef.Kind.PLAYER;
        };
        resolved.put(new PlayerRef(kind, row.getLong(1)), row.getLong(2));
      }
      List<Long> newTelegram = unknown(telegram, PlayerRef.Kind.TELEGRAM, resolved);
      List<Long> newDiscord = unknown(discord, PlayerRef.Kind.DISCORD, resolved);
      Future<Void> chain = Future.succeededFuture();
      if (!newTelegram.isEmpty()) {
        chain = chain.compose(v -> resolve(conn, "telegram", PlayerRef.Kind.TELEGRAM, newTelegram, resolved));
      }
      if (!newDiscord.isEmpty()) {
        chain = chain.compose(v -> resolve(conn, "discord", PlayerRef.Kind.DISCORD, newDiscord, resolved));
      }
      return chain.map(v -> resolved);
    });
  }

  private static List<Long> unknown(List<Long> ids, PlayerRef.Kind kind, Map<PlayerRef, Long> resolved) {
    return ids.stream().filter(id -> !resolved.containsKey(new PlayerRef(kind, id))).toList();
  }

  private Future<Void> resolve(SqlConnection conn, String platform, PlayerRef.Kind kind, List<Long> ids,
      Map<PlayerRef, Long> resolved) {
    // Sorted ids make concurrent submitters create identities in the same order: no deadlocks.
    Long[] sorted = ids.stream().sorted().toArray(Long[]::new);
    return conn.preparedQuery(RESOLVE_PLAYERS)
        .execute(Tuple.tuple().addString(platform).addArrayOfLong(sorted))
        .map(rows -> {
          for (Row row : rows) {
            resolved.put(new PlayerRef(kind, row.getLong(0)), row.getLong(1));
          }
          return null;
        });
  }

  private Future<List<SubmitResult>> insert(SqlConnection conn, List<SubmitRequest> requests,
      Map<PlayerRef, Long> playerIds) {
    // First request per key wins; later copies in the same batch are duplicates of it.
    Map<String, Integer> firstIndexByKey = new LinkedHashMap<>();
    SubmitResult[] results = new SubmitResult[requests.size()];
    List<String> keys = new ArrayList<>();
    List<String> sources = new ArrayList<>();
    List<String> types = new ArrayList<>();
    List<Long> players = new ArrayList<>();
    List<Long> xps = new ArrayList<>();
    List<Long> balances = new ArrayList<>();
    List<String> payloads = new ArrayList<>();
    for (int i = 0; i < requests.size(); i++) {
      SubmitRequest request = requests.get(i);
      Long playerId = playerIds.get(request.player());
      if (playerId == null) {
        results[i] = SubmitResult.refused("no player with " + request.player().kind().field() + " " + request.player().id());
        continue;
      }
      if (firstIndexByKey.putIfAbsent(request.idempotencyKey(), i) != null) {
        continue;
      }
      keys.add(request.idempotencyKey());
      sources.add(request.source().wireName());
      types.add(request.type().wireName());
      players.add(playerId);
      xps.add(request.xpDelta());
      balances.add(request.balanceDelta());
      payloads.add(request.payloadJson());
    }
    if (keys.isEmpty()) {
      return Future.succeededFuture(List.of(results));
    }
    Tuple columns = Tuple.tuple()
        .addArrayOfString(keys.toArray(new String[0]))
        .addArrayOfString(sources.toArray(new String[0]))
        .addArrayOfString(types.toArray(new String[0]))
        .addArrayOfLong(players.toArray(new Long[0]))
        .addArrayOfLong(xps.toArray(new Long[0]))
        .addArrayOfLong(balances.toArray(new Long[0]))
        .addArrayOfString(payloads.toArray(new String[0]));
    Map<String, Long> inserted = new HashMap<>();
    return conn.preparedQuery(INSERT_EVENTS).execute(columns)
        .compose(rows -> {
          for (Row row : rows) {
            inserted.put(row.getString(1), row.getLong(0));
          }
          List<String> known = keys.stream().filter(k -> !inserted.containsKey(k)).toList();
          if (known.isEmpty()) {
            return Future.succeededFuture(Map.<String, Long>of());
          }
          return conn.preparedQuery(KNOWN_KEYS).execute(Tuple.tuple().addArrayOfString(known.toArray(new String[0])))
              .map(existing -> {
                Map<String, Long> ids = new HashMap<>();
                for (Row row : existing) {
                  ids.merge(row.getString(1), row.getLong(0), Math::max);
                }
                return ids;
              });
        })
        .map(existing -> {
          for (int i = 0; i < requests.size(); i++) {
            if (results[i] != null) {
              continue;
            }
            String key = requests.get(i).idempotencyKey();
            int first = firstIndexByKey.get(key);
            Long fresh = inserted.get(key);
            if (fresh != null) {
              results[i] = new SubmitResult(fresh, i != first, null);
            } else {
              results[i] = new SubmitResult(existing.getOrDefault(key, 0L), true, null);
            }
          }
          return List.of(results);
        });
  }

  private static List<Long> distinctIds(List<SubmitRequest> requests, PlayerRef.Kind kind) {
    return requests.stream().map(SubmitRequest::player).filter(p -> p.kind() == kind)
        .map(PlayerRef::id).distinct().toList();
  }
}
