package io.xpbridge.discord;

import io.vertx.core.Context;
import java.util.List;
import net.dv8tion.jda.api.entities.Role;
import net.dv8tion.jda.api.events.guild.member.GuildMemberRoleAddEvent;
import net.dv8tion.jda.api.events.guild.member.GuildMemberRoleRemoveEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;

/**
 * Runs on JDA's gateway thread: tells {@link RecentRoleWrites} (on the Vert.x context) which member
 * roles the gateway now shows, so the bot's own writes stop overriding the cache once echoed.
 */
final class RoleEchoListener extends ListenerAdapter {
  /** Receives (memberId, roleId, present) on the Vert.x context. */
  interface Echo {
    void seen(long memberId, long roleId, boolean present);
  }

  private final long guildId;
  private final Context context;
  private final Echo echo;

  RoleEchoListener(long guildId, Context context, Echo echo) {
    this.guildId = guildId;
    this.context = context;
    this.echo = echo;
  }

  @Override
  public void onGuildMemberRoleAdd(GuildMemberRoleAddEvent event) {
    forward(event.getGuild().getIdLong(), event.getMember().getIdLong(), event.getRoles(), true);
  }

  @Override
  public void onGuildMemberRoleRemove(GuildMemberRoleRemoveEvent event) {
    forward(event.getGuild().getIdLong(), event.getMember().getIdLong(), event.getRoles(), false);
  }

  private void forward(long eventGuildId, long memberId, List<Role> roles, boolean present) {
    if (eventGuildId != guildId) {
      return;
    }
    List<Long> roleIds = roles.stream().map(Role::getIdLong).toList();
    context.runOnContext(v -> roleIds.forEach(roleId -> echo.seen(memberId, roleId, present)));
  }
}
