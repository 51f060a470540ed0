package io.xpbridge.reconcile;

import io.vertx.core.Future;
import io.vertx.core.eventbus.EventBus;
import io.xpbridge.bus.Bus;
import io.xpbridge.bus.BusJson;
import io.xpbridge.bus.Members;
import io.xpbridge.domain.InvalidRequestException;
import io.xpbridge.store.MembershipStore;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records who is in the Discord guild, as the bot reports it (one leave or join, or the whole roster
 * after a reconnect). A change is published so cached standings are forgotten, and members who came
 * back are checked at once: they rejoin without roles, and get their rank and achievement roles back
 * before the reply. XP is never touched.
 */
final class Membership {
  private static final Logger LOG = LoggerFactory.getLogger(Membership.class);

  private final EventBus bus;
  private final MembershipStore store;
  private final Function<Members.Check, Future<Members.Checked>> check;

  Membership(EventBus bus, MembershipStore store, Function<Members.Check, Future<Members.Checked>> check) {
    this.bus = bus;
    this.store = store;
    this.check = check;
  }

  Future<Members.Changed> presence(Members.Presence presence) {
    return apply(presence.present() ? store.present(presence.discordId()) : store.left(presence.discordId()));
  }

  Future<Members.Changed> roster(Members.Roster roster) {
    if (roster.discordIds().isEmpty()) {
      // Never true of a real guild (the bot is a member): an empty list would mark everyone as gone.
      throw new InvalidRequestException("'discordIds' is empty: a guild roster always holds at least the bot");
    }
    return apply(store.roster(roster.discordIds())).onSuccess(changed -> {
      if (!changed.left().isEmpty() || !changed.returned().isEmpty()) {
        LOG.info("guild roster: left={} returned={} (missed while the bot was away)", changed.left().size(),
            changed.returned().size());
      }
    });
  }

  private Future<Members.Changed> apply(Future<MembershipStore.Changes> write) {
    return write.compose(changes -> {
      Members.Changed changed = new Members.Changed(changes.left(), changes.returned());
      if (changes.isEmpty()) {
        return Future.succeededFuture(changed);
      }
      bus.publish(Bus.DISCORD_MEMBERSHIP_CHANGED, BusJson.encode(changed));
      if (changes.returned().isEmpty()) {
        return Future.succeededFuture(changed);
      }
      return check.apply(new Members.Check(changes.returned())).map(changed);
    });
  }
}
