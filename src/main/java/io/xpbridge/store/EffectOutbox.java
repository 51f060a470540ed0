package io.xpbridge.store;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import io.xpbridge.domain.MirrorTarget;
import io.xpbridge.domain.QueuedEffect;
import java.util.List;

/**
 * The one writer of effect rows: {@code sync_events} rows whose ledger part is done
 * ({@code applied_at} set) and whose work is to tell the platforms. Used inside the caller's
 * transaction, so an effect exists exactly when the change that caused it committed.
 */
public final class EffectOutbox {
  // A key already spent means this very effect was queued before (a batch applied again after a
  // crash, a reconcile page written twice): nothing to add.
  static final String QUEUE = """
      INSERT INTO sync_events (idempotency_key, source, event_type, player_id, payload, applied_at)
      SELECT v.k, v.s, v.t, v.p, v.pl::jsonb, now()
        FROM unnest($1::text[], $2::text[], $3::text[], $4::bigint[], $5::text[]) AS v(k, s, t, p, pl)
      ON CONFLICT (idempotency_key) DO NOTHING""";

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
        .addArrayOfString(types).addArrayOfLong(players).addArrayOfString(payloads)).mapEmpty();
  }

  /** The payload the effect deliverer reads ({@code EffectMessages}); absent fields take its defaults. */
  static JsonObject payload(QueuedEffect effect) {
    JsonObject payload = new JsonObject();
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
