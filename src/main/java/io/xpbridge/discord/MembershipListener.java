package io.xpbridge.discord;

import io.vertx.core.Context;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.xpbridge.bus.Bus;
import io.xpbridge.bus.BusClient;
import io.xpbridge.bus.Members;
import java.util.ArrayList;
import java.util.List;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.events.guild.member.GuildMemberJoinEvent;
import net.dv8tion.jda.api.events.guild.member.GuildMemberRemoveEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the engine who is in the guild: a leave (GUILD_MEMBER_REMOVE) or a (re)join (GUILD_MEMBER_ADD)
 * as it happens, and the whole member list after each (re)connect, since leaves and joins while the
 * gateway was down are never dispatched. The engine hides leavers from standings and gives a
 * returning member their roles back. Runs on JDA's gateway thread; requests go out on the Vert.x context.
 */
final class MembershipListener extends ListenerAdapter {
  private static final Logger log = LoggerFactory.getLogger(MembershipListener.class);

  private final long guildId;
  private final Context context;
  private final BusClient engine;

  MembershipListener(long guildId, Context context, BusClient engine) {
    this.guildId = guildId;
    this.context = context;
    this.engine = engine;
  }

  @Override
  public void onGuildMemberRemove(GuildMemberRemoveEvent event) {
    if (event.getGuild().getIdLong() == guildId) {
      long memberId = event.getUser().getIdLong();
      context.runOnContext(v -> presence(memberId, false));
    }
  }

  @Override
  public void onGuildMemberJoin(GuildMemberJoinEvent event) {
    if (event.getGuild().getIdLong() == guildId) {
      long memberId = event.getMember().getIdLong();
      context.runOnContext(v -> presence(memberId, true));
    }
  }

  /** The member list as JDA holds it (complete: every member is chunked at login). On the Vert.x context. */
  void roster(Guild guild) {
    List<Long> ids = new ArrayList<>();
    guild.getMemberCache().forEach(member -> ids.add(member.getIdLong()));
    if (ids.isEmpty()) {
      return;
    }
    engine.request(Bus.DISCORD_GUILD_ROSTER, new Members.Roster(ids), Members.Changed.class)
        .onSuccess(changed -> log.debug("Guild roster of {} members: {} left, {} returned", ids.size(),
            changed.left().size(), changed.returned().size()))
        .onFailure(e -> report("the guild's member list", e));
  }

  private void presence(long memberId, boolean present) {
    engine.request(Bus.DISCORD_MEMBER_PRESENCE, new Members.Presence(memberId, present), Members.Changed.class)
        .onFailure(e -> report("that member " + memberId + (present ? " joined" : " left"), e));
  }

  private static void report(String what, Throwable e) {
    if (e instanceof ReplyException reply && reply.failureType() == ReplyFailure.NO_HANDLERS) {
      log.debug("No reconcile worker to tell {}; the next roster after a reconnect catches up", what);
    } else {
      log.warn("Could not tell the engine {} ({}); the roster sent after the next reconnect catches up", what,
          e.getMessage());
    }
  }
}
