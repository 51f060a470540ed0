package io.xpbridge.bench;

import io.vertx.core.json.JsonObject;
import io.xpbridge.support.Sql;

/**
 * Bulk set-up in SQL: players 1..n, each with a Telegram identity (telegram id = {@link #TELEGRAM_BASE}
 * + player id, chat id = telegram id, so rank-ups notify) and a Discord identity (discord id =
 * {@link #DISCORD_BASE} + player id). ANALYZE afterwards: a table filled before autovacuum has looked
 * at it gets one-row plans (see the field notes).
 */
final class Seed {
  static final long TELEGRAM_BASE = 100_000_000L;
  static final long DISCORD_BASE = 900_000_000_000_000_000L;

  private Seed() {}

  /** @param xpSql SQL expression of the starting xp for player {@code g} */
  static void players(Sql sql, int count, String xpSql, int discordEvery) {
    sql.execute("INSERT INTO players (id, xp, balance) SELECT g, " + xpSql + ", 1000 FROM generate_series(1, " + count + ") g");
    sql.execute("SELECT setval('players_id_seq', " + count + ")");
    sql.execute("INSERT INTO telegram_identities (telegram_id, player_id, chat_id, language_code) SELECT "
        + TELEGRAM_BASE + " + g, g, " + TELEGRAM_BASE + " + g, 'en' FROM generate_series(1, " + count + ") g");
    sql.execute("INSERT INTO discord_identities (discord_id, player_id, linked_at) SELECT " + DISCORD_BASE
        + " + g, g, now() FROM generate_series(1, " + count + ") g WHERE g % " + discordEvery + " = 0");
  }

  static void analyze(Sql sql) {
    sql.execute("ANALYZE");
  }

  /** An xp or balance event as a bot would submit it, addressed by platform id. */
  static JsonObject event(String key, long playerId, boolean fromTelegram, boolean xp, long amount) {
    JsonObject event = new JsonObject().put("idempotencyKey", key)
        .put("source", fromTelegram ? "telegram" : "discord")
        .put("type", xp ? "xp_change" : "balance_change")
        .put(xp ? "xp" : "balance", amount);
    if (fromTelegram) {
      event.put("telegramId", TELEGRAM_BASE + playerId);
    } else {
      event.put("discordId", DISCORD_BASE + playerId);
    }
    return event;
  }
}
