package io.xpbridge.store;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import io.xpbridge.bus.ActivityJson;
import io.xpbridge.domain.ClaimedEvent;
import io.xpbridge.domain.EventType;
import io.xpbridge.domain.ImportTarget;
import io.xpbridge.domain.Platform;
import io.xpbridge.domain.SubmitRequest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Events as the ledger reads them: queued rows claimed by the queue worker (inside its apply
 * transaction, so the row locks are the claim), and submits that arrive, before they have a row.
 */
public final class QueueClaims {
  static final String CLAIM_DUE = """
      SELECT id, idempotency_key, source, event_type, player_id, xp_delta, balance_delta, payload, created_at
        FROM sync_events
       WHERE status IN ('pending', 'processing') AND applied_at IS NULL AND next_attempt_at <= now()
       ORDER BY next_attempt_at, id
       LIMIT $1
         FOR UPDATE SKIP LOCKED""";
  /**
   * "Not finished" written as {@code NOT IN ('completed', 'failed')}, not as the partial indexes'
   * {@code IN ('pending', 'processing')}: the latter lets the planner prefer a full scan of such an
   * index, when its statistics are stale, to the primary key ({@link DeliveryStore#FINISH}).
   */
  static final String CLAIM_ONE = """
      SELECT id, idempotency_key, source, event_type, player_id, xp_delta, balance_delta, payload, created_at
        FROM sync_events
       WHERE id = $1 AND status NOT IN ('completed', 'failed') AND applied_at IS NULL
         FOR UPDATE SKIP LOCKED""";
  static final String FAIL_UNREADABLE = """
      UPDATE sync_events e
         SET status = 'failed', error_message = v.error, processed_at = now(), next_attempt_at = now()
        FROM unnest($1::bigint[], $2::text[]) AS v(id, error)
       WHERE e.id = v.id""";
  private QueueClaims() {}

  /** Claimed events, and the ids of claimed rows that cannot be read as events, with the reason. */
  public record Claim(List<ClaimedEvent> events, Map<Long, String> unreadable) {
    public boolean isEmpty() {
      return events.isEmpty() && unreadable.isEmpty();
    }

    public int size() {
      return events.size() + unreadable.size();
    }
  }

  /**
   * Claims up to {@code limit} due events, or the single event {@code onlyId} when it is not null. A
   * row that cannot be read as an event (a payload written by hand, say) is claimed too, so that the
   * caller fails it alone with its reason instead of it blocking the head of the queue.
   */
  public static Future<Claim> claimDue(SqlConnection conn, int limit, Long onlyId) {
    Future<io.vertx.sqlclient.RowSet<Row>> rows = onlyId == null
        ? conn.preparedQuery(CLAIM_DUE).execute(Tuple.of(limit))
        : conn.preparedQuery(CLAIM_ONE).execute(Tuple.of(onlyId));
    return rows.map(set -> {
      List<ClaimedEvent> events = new ArrayList<>(set.size());
      Map<Long, String> unreadable = new HashMap<>();
      for (Row row : set) {
        try {
          events.add(toEvent(row));
        } catch (RuntimeException e) {
          unreadable.put(row.getLong("id"), "cannot be applied, its stored form is unreadable: " + e.getMessage());
        }
      }
      return new Claim(events, unreadable);
    });
  }

  /** Fails claimed rows that cannot be read as events, each with its reason; nothing else changes. */
  public static Future<Void> failUnreadable(SqlConnection conn, Map<Long, String> unreadable) {
    if (unreadable.isEmpty()) {
      return Future.succeededFuture();
    }
    Long[] ids = unreadable.keySet().toArray(new Long[0]);
    String[] errors = java.util.Arrays.stream(ids).map(id -> LedgerStore.truncate(unreadable.get(id))).toArray(String[]::new);
    return conn.preparedQuery(FAIL_UNREADABLE).execute(Tuple.tuple().addArrayOfLong(ids).addArrayOfString(errors))
        .mapEmpty();
  }

  private static ClaimedEvent toEvent(Row row) {
    JsonObject payload = row.getJsonObject("payload");
    JsonObject daily = dailyOf(payload);
    return new ClaimedEvent(
        row.getLong("id"),
        row.getString("idempotency_key"),
        Platform.fromWire(row.getString("source")),
        EventType.fromWire(row.getString("event_type")),
        row.getLong("player_id"),
        row.getLong("xp_delta"),
        row.getLong("balance_delta"),
        payload == null ? null : payload.getString("achievement"),
        payload == null ? null : payload.getString("reason"),
        dailyDay(daily),
        daily == null ? null : daily.getInteger("streak"),
        row.getOffsetDateTime("created_at").toInstant().toEpochMilli(),
        payload == null ? null : ActivityJson.read(payload.getValue("activity")),
        "import".equals(row.getString("event_type")) ? importTargetOf(payload) : null);
  }

  /**
   * The target of an {@code import} event, from its payload's {@code "import"} object
   * ({@code {mode, xp, balance?, achievements?}}); null when the payload has none.
   */
  public static ImportTarget importTargetOf(JsonObject payload) {
    JsonObject target = payload == null ? null : payload.getJsonObject("import");
    if (target == null) {
      return null;
    }
    io.vertx.core.json.JsonArray codes = target.getJsonArray("achievements");
    List<String> achievements = new ArrayList<>();
    if (codes != null) {
      codes.forEach(code -> achievements.add(String.valueOf(code)));
    }
    return new ImportTarget(ImportTarget.Mode.fromWire(target.getString("mode")), target.getLong("xp"),
        target.getLong("balance"), achievements);
  }

  /** A submitted event as the ledger sees it, before it has a row: {@code id} is drawn for it already. */
  public static ClaimedEvent arrived(long id, SubmitRequest request, long playerId, long receivedAtMs) {
    // Most payloads are "{}": parse only those that can carry a daily-reward day.
    JsonObject daily = request.payloadJson().contains("\"daily\"") ? dailyOf(new JsonObject(request.payloadJson())) : null;
    ImportTarget target = request.type() == EventType.IMPORT ? importTargetOf(new JsonObject(request.payloadJson())) : null;
    return new ClaimedEvent(id, request.idempotencyKey(), request.source(), request.type(), playerId,
        request.xpDelta(), request.balanceDelta(), request.achievement(), request.reason(), dailyDay(daily),
        daily == null ? null : daily.getInteger("streak"), receivedAtMs, request.activity(), target);
  }

  private static JsonObject dailyOf(JsonObject payload) {
    JsonObject data = payload == null ? null : payload.getJsonObject("data");
    return data == null ? null : data.getJsonObject("daily");
  }

  private static LocalDate dailyDay(JsonObject daily) {
    return daily == null || daily.getString("day") == null ? null : LocalDate.parse(daily.getString("day"));
  }
}
