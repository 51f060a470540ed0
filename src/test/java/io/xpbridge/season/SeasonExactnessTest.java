package io.xpbridge.season;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.xpbridge.bus.Bus;
import io.xpbridge.bus.BusClient;
import io.xpbridge.bus.Seasons;
import io.xpbridge.support.Await;
import io.xpbridge.support.ServiceFixture;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A rollover while players keep earning: every XP gain counts wholly for the season before the
 * rollover or wholly for the one after, so for every player the archived season plus the running
 * one add up to their lifetime XP, and nothing is counted twice or lost.
 */
class SeasonExactnessTest {
  static final int PLAYERS = 40;

  @Test
  void xpEarnedDuringARolloverCountsForExactlyOneSeason() {
    try (ServiceFixture service = ServiceFixture.start(SeasonExactnessTest.class)) {
      // One player's ledger writes take 300 ms, so a write that read the running season before the
      // rollover is very likely still open when the rollover comes: the rollover must wait for it.
      service.submit(ServiceFixture.xp("slow_first", 7000, 1));
      long slow = service.sql.queryLong("SELECT player_id FROM telegram_identities WHERE telegram_id = 7000");
      service.sql.execute("CREATE FUNCTION slow_ledger_write() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
          + "IF NEW.id = " + slow + " THEN PERFORM pg_sleep(0.3); END IF; RETURN NEW; END $$");
      service.sql.execute("CREATE TRIGGER slow_ledger_write BEFORE UPDATE ON players FOR EACH ROW "
          + "EXECUTE FUNCTION slow_ledger_write()");
      BusClient bus = new BusClient(service.vertx.eventBus(), 30_000);
      AtomicBoolean stop = new AtomicBoolean();
      AtomicInteger sent = new AtomicInteger();
      List<Thread> senders = new ArrayList<>();
      for (int s = 0; s < 4; s++) {
        int sender = s;
        Thread thread = new Thread(() -> {
          for (int i = 0; !stop.get(); i++) {
            int n = sent.incrementAndGet();
            long telegramId = 7000 + (n % PLAYERS);
            // Several in flight per sender, so batches are being written when the flip comes.
            List<Future<JsonObject>> inFlight = new ArrayList<>();
            for (int k = 0; k < 8; k++) {
              inFlight.add(service.vertx.eventBus().<JsonObject>request(Bus.EVENTS_SUBMIT,
                  ServiceFixture.xp("load_" + sender + "_" + i + "_" + k, telegramId + k, 1 + k)).map(m -> m.body()));
            }
            Await.result(Future.all(inFlight));
          }
        });
        thread.start();
        senders.add(thread);
      }
      Await.until("load running", () -> sent.get() > 200);
      Seasons.SeasonView started = Await.result(bus.request(Bus.SEASONS_START, new Seasons.Start("During load"),
          Seasons.SeasonView.class), Duration.ofSeconds(60));
      int afterRollover = sent.get();
      Await.until("load after the rollover", () -> sent.get() > afterRollover + 200);
      stop.set(true);
      senders.forEach(t -> {
        try {
          t.join();
        } catch (InterruptedException e) {
          throw new IllegalStateException(e);
        }
      });
      assertEquals(2, started.id());

      long players = service.sql.queryLong("SELECT count(*) FROM players WHERE xp > 0");
      assertTrue(players >= PLAYERS, "players earned: " + players);
      List<List<Object>> mismatches = service.sql.query("""
          SELECT p.id, p.xp, coalesce(s.xp, 0), CASE WHEN p.season = 2 THEN p.season_xp ELSE 0 END
            FROM players p LEFT JOIN season_standings s ON s.season_id = 1 AND s.player_id = p.id
           WHERE p.xp <> coalesce(s.xp, 0) + CASE WHEN p.season = 2 THEN p.season_xp ELSE 0 END""");
      assertEquals(List.of(), mismatches, "player, lifetime, season 1, season 2");
      assertTrue(service.sql.queryLong("SELECT sum(xp) FROM season_standings WHERE season_id = 1") > 0);
      assertTrue(service.sql.queryLong("SELECT sum(season_xp) FROM players WHERE season = 2") > 0,
          "XP was earned after the rollover too");
    }
  }
}
