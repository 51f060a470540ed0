package io.xpbridge.store;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import io.xpbridge.domain.MirrorTarget;
import io.xpbridge.domain.QueuedEffect;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one writer of effect rows: {@code sync_events} rows whose ledger part is done
 * ({@code applied_at} set) and whose work is to tell the platforms. Used inside the caller's
 * transaction, so an effect exists exactly when the change that caused it committed.
 */
public final class EffectOutbox {
  static final String QUEUE = """
      INSERT INTO sync_events (idempotency_key, source, event_type, player_id, payload, applied_at)
      SELECT v.k, v.s, v.t, v.p, v.pl::jsonb, now()
        FROM unnest($1::text[], $2::text[], $3::text[], $4::bigint[], $5::text[]) AS v(k, s, t, p, pl)
      ON CONFLICT (idempotency_key) DO NOTHING
      RETURNING idempotency_key""";
  static final String HOLDERS = """
      SELECT idempotency_key, player_id, event_type FROM sync_events WHERE idempotency_key = ANY($1::text[])""";

  /** A derived key is held by another event: the effect would be lost, so the whole change fails. */
  public static final class KeyTaken extends RuntimeException {
    KeyTaken(String message) {
      super(message);
    }
  }

  public Future<Void> queue(SqlConnection conn, List<QueuedEffect> effects) {
    if (effects.isEmpty()) {
      return Future.succeededFuture();
    }
    int n = effects.size();
    String[] keys = new String[n];
    String[] sources = new String[n];
    String[] types = new String[n];
    Long[] players = new Long[n];
    String[] payloads = new String[n];
    for (int i = 0; i < n; i++) {
      QueuedEffect effect = effects.get(i);
      keys[i] = effect.key();
      sources[i] = effect.source().wireName();
      types[i] = effect.type().wireName();
      players[i] = effect.playerId();
      payloads[i] = payload(effect).encode();
    }
    return conn.preparedQuery(QUEUE).execute(Tuple.tuple().addArrayOfString(keys).addArrayOfString(sources)
        .addArrayOfString(types).addArrayOfLong(players).addArrayOfString(payloads))
        .compose(inserted -> {
          Set<String> queued = new HashSet<>();
          inserted.forEach(row -> queued.add(row.getString(0)));
          List<QueuedEffect> met = effects.stream().filter(e -> !queued.contains(e.key())).toList();
          return met.isEmpty() ? Future.succeededFuture() : checkConflicts(conn, met);
        });
  }

  /**
   * A key met on insert is fine when it holds this very effect (a reconcile page written twice, say);
   * anything else (another player or kind, or a key spent where no effect row is left) fails the change.
   */
  private Future<Void> checkConflicts(SqlConnection conn, List<QueuedEffect> met) {
    String[] keys = met.stream().map(QueuedEffect::key).toArray(String[]::new);
    return conn.preparedQuery(HOLDERS).execute(Tuple.tuple().addArrayOfString(keys)).compose(rows -> {
      Map<String, Row> holders = new HashMap<>();
      rows.forEach(row -> holders.put(row.getString(0), row));
      for (QueuedEffect effect : met) {
        Row holder = holders.get(effect.key());
        if (holder == null || holder.getLong(1) != effect.playerId()
            || !effect.type().wireName().equals(holder.getString(2))) {
          return Future.failedFuture(new KeyTaken("the key " + effect.key() + " of a " + effect.type().wireName()
              + " for player " + effect.playerId() + " is already spent by another event"
              + (holder == null ? "" : " (" + holder.getString(2) + " of player " + holder.getLong(1) + ")")));
        }
      }
      return Future.succeededFuture();
    });
  }

  /** The payload the effect deliverer reads ({@code EffectMessages}); absent fields take its defaults. */
  static JsonObject payload(QueuedEffect effect) {
    JsonObject payload = effect.detailsJson() == null ? new JsonObject() : new JsonObject(effect.detailsJson());
    if (effect.rank() != null) {
      payload.put("rank", effect.rank()).put("previousRank", effect.previousRank());
    }
    if (effect.achievement() != null) {
      payload.put("achievement", effect.achievement());
    }
    if (effect.causeEventId() != null) {
      payload.put("causeEventId", effect.causeEventId());
    }
    if (effect.targets() != MirrorTarget.BOTH) {
      JsonArray targets = new JsonArray();
      if (effect.targets().includes(MirrorTarget.DISCORD)) {
        targets.add(MirrorTarget.DISCORD.wireName());
      }
      if (effect.targets().includes(MirrorTarget.TELEGRAM)) {
        targets.add(MirrorTarget.TELEGRAM.wireName());
      }
      payload.put("targets", targets);
    }
    if (effect.reason() != null) {
      payload.put("reason", effect.reason());
    }
    if (!effect.announce()) {
      payload.put("notify", false);
    }
    return payload;
  }
}
