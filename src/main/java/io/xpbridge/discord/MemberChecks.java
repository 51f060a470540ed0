package io.xpbridge.discord;

import io.vertx.core.Vertx;
import io.xpbridge.bus.Bus;
import io.xpbridge.bus.BusClient;
import io.xpbridge.bus.Members;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks the reconcile worker to compare one member's roles with the ledger ({@code Bus.DISCORD_MEMBER_CHECK}),
 * a short while after the last request for that member: a moderator swapping a rank role makes two
 * GUILD_MEMBER_UPDATEs, which should cost one check that sees the end result. Event-loop only.
 */
final class MemberChecks {
  private static final Logger log = LoggerFactory.getLogger(MemberChecks.class);
  /** Long enough to take in a burst of edits, short enough that a player sees the role back at once. */
  static final long DEBOUNCE_MS = 300;

  private final Vertx vertx;
  private final BusClient engine;
  private final Map<Long, Long> timerByMember = new HashMap<>();

  MemberChecks(Vertx vertx, BusClient engine) {
    this.vertx = vertx;
    this.engine = engine;
  }

  void request(long discordId) {
    Long pending = timerByMember.remove(discordId);
    if (pending != null) {
      vertx.cancelTimer(pending);
    }
    timerByMember.put(discordId, vertx.setTimer(DEBOUNCE_MS, id -> {
      timerByMember.remove(discordId, id);
      send(discordId);
    }));
  }

  void cancelAll() {
    timerByMember.values().forEach(vertx::cancelTimer);
    timerByMember.clear();
  }

  private void send(long discordId) {
    engine.request(Bus.DISCORD_MEMBER_CHECK, new Members.Check(List.of(discordId)), Members.Checked.class)
        .onSuccess(checked -> log.debug("Role check of member {}: {} corrections", discordId, checked.corrections()))
        .onFailure(e -> log.warn("Roles of member {} were edited by hand but could not be checked now ({}); "
            + "the next reconcile pass repairs them", discordId, e.getMessage()));
  }
}
