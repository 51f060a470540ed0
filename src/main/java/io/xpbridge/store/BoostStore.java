package io.xpbridge.store;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import io.xpbridge.domain.Economy;
import io.xpbridge.domain.Platform;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Boosts an admin started, kept so they survive restarts and every engine applies them. */
public final class BoostStore {
  static final String INSERT = """
      INSERT INTO boosts (name, multiplier, platforms, starts_at, ends_at)
      VALUES ($1, $2::numeric, $3::text[], now(), now() + make_interval(mins => $4))
      RETURNING id, name, multiplier::text, platforms, starts_at, ends_at""";
  static final String CURRENT = """
      SELECT id, name, multiplier::text, platforms, starts_at, ends_at FROM boosts
       WHERE ends_at > now() ORDER BY ends_at, id""";

  /** A stored boost with its id. */
  public record Stored(long id, Economy.Boost boost) {}

  private final Pool pool;

  public BoostStore(Pool pool) {
    this.pool = pool;
  }

  public Future<Stored> start(String name, BigDecimal multiplier, Set<Platform> platforms, long minutes) {
    String[] names = platforms.stream().map(Platform::wireName).sorted().toArray(String[]::new);
    return pool.preparedQuery(INSERT)
        .execute(Tuple.tuple().addString(name).addValue(multiplier).addArrayOfString(names)
            .addLong(minutes))
        .map(rows -> read(rows.iterator().next()));
  }

  /** Boosts that have not ended (running or, in principle, scheduled). */
  public Future<List<Stored>> current() {
    return pool.query(CURRENT).execute().map(rows -> {
      List<Stored> boosts = new ArrayList<>();
      rows.forEach(row -> boosts.add(read(row)));
      return boosts;
    });
  }

  private static Stored read(Row row) {
    Set<Platform> platforms = Arrays.stream(row.getArrayOfStrings("platforms")).map(Platform::fromWire)
        .collect(Collectors.toSet());
    return new Stored(row.getLong("id"), new Economy.Boost(row.getString("name"),
        row.getOffsetDateTime("starts_at").toInstant().toEpochMilli(),
        row.getOffsetDateTime("ends_at").toInstant().toEpochMilli(),
        Double.parseDouble(row.getString(2)), platforms));
  }
}
