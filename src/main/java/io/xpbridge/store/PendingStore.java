package io.xpbridge.store;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import io.xpbridge.domain.EventStatus;
import io.xpbridge.domain.PlayerRef;
import io.xpbridge.domain.SubmitRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The intake's fallback: submits that could not be applied on arrival (their batch failed as a
 * whole) are stored {@code pending} for the queue worker, which applies them one by one if need be.
 */
public final class PendingStore {
  static final String INSERT_PENDING = """
      INSERT INTO sync_events (idempotency_key, source, event_type, player_id, xp_delta, balance_delta, payload)
      SELECT v.k, v.s, v.t, v.p, v.x, v.b, v.pl::jsonb
        FROM unnest($1::text[], $2::text[], $3::text[], $4::bigint[], $5::bigint[], $6::bigint[], $7::text[])
             AS v(k, s, t, p, x, b, pl)
       WHERE NOT EXISTS (SELECT 1 FROM transactions tr WHERE tr.idempotency_key = v.k)
      ON CONFLICT (idempotency_key) DO NOTHING
      RETURNING id, idempotency_key""";
  static final String KNOWN_KEYS = """
      SELECT idempotency_key, %s FROM sync_events WHERE idempotency_key = ANY($1::text[])
      UNION ALL
      SELECT idempotency_key, %s FROM transactions WHERE idempotency_key = ANY($1::text[])"""
      .formatted(SpentKey.COLUMNS_OF_EVENT, SpentKey.COLUMNS_OF_AUDIT);
  private final Pool pool;
  private final SubmitStore submits;

  public PendingStore(Pool pool, SubmitStore submits) {
    this.pool = pool;
    this.submits = submits;
  }

  /**
   * Stores the events as pending for the queue worker to apply, in one transaction. Results come back
   * in the order of {@code requests}.
   */
  public Future<List<SubmitResult>> storePending(List<SubmitRequest> requests) {
    return pool.withTransaction(conn -> submits.resolvePlayers(conn, requests)
        .compose(playerIds -> insertPending(conn, requests, playerIds)));
  }

  private Future<List<SubmitResult>> insertPending(SqlConnection conn, List<SubmitRequest> requests,
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
        results[i] = SubmitStore.unknownPlayer(request);
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
    return conn.preparedQuery(INSERT_PENDING).execute(columns)
        .compose(rows -> {
          for (Row row : rows) {
            inserted.put(row.getString(1), row.getLong(0));
          }
          List<String> known = keys.stream().filter(k -> !inserted.containsKey(k)).toList();
          if (known.isEmpty()) {
            return Future.succeededFuture(Map.<String, SpentKey>of());
          }
          return conn.preparedQuery(KNOWN_KEYS).execute(Tuple.tuple().addArrayOfString(known.toArray(new String[0])))
              .map(existing -> {
                Map<String, SpentKey> spent = new HashMap<>();
                for (Row row : existing) {
                  spent.merge(row.getString(0), SpentKey.read(row, 1), SpentKey::preferEvent);
                }
                return spent;
              });
        })
        .map(existing -> {
          for (int i = 0; i < requests.size(); i++) {
            if (results[i] != null) {
              continue;
            }
            SubmitRequest request = requests.get(i);
            String key = request.idempotencyKey();
            int first = firstIndexByKey.get(key);
            Long fresh = inserted.get(key);
            long player = playerIds.get(request.player());
            if (fresh == null) {
              results[i] = existing.get(key).answer(player, request.type(), request.xpDelta(), request.balanceDelta());
            } else if (i == first || SubmitStore.sameRequest(request, requests.get(first), playerIds)) {
              results[i] = new SubmitResult(fresh, i != first, EventStatus.PENDING, null);
            } else {
              results[i] = SubmitResult.keyReused(fresh);
            }
          }
          return List.of(results);
        });
  }
}
