package io.xpbridge.discord;

import io.vertx.core.Context;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.events.channel.GenericChannelEvent;
import net.dv8tion.jda.api.events.guild.member.GuildMemberRoleAddEvent;
import net.dv8tion.jda.api.events.guild.member.GuildMemberRoleRemoveEvent;
import net.dv8tion.jda.api.events.guild.override.GenericPermissionOverrideEvent;
import net.dv8tion.jda.api.events.role.RoleCreateEvent;
import net.dv8tion.jda.api.events.role.RoleDeleteEvent;
import net.dv8tion.jda.api.events.role.update.RoleUpdateNameEvent;
import net.dv8tion.jda.api.events.role.update.RoleUpdatePermissionsEvent;
import net.dv8tion.jda.api.events.role.update.RoleUpdatePositionEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;

/**
 * Runs on JDA's gateway thread: tells the Vert.x side that something the setup check looks at may
 * have changed (roles, their order and permissions, the bot's own roles, channels and their
 * permission overwrites). The check itself is debounced there.
 */
final class SetupChangeListener extends ListenerAdapter {
  private final long guildId;
  private final Context context;
  private final Runnable changed;

  SetupChangeListener(long guildId, Context context, Runnable changed) {
    this.guildId = guildId;
    this.context = context;
    this.changed = changed;
  }

  @Override
  public void onRoleCreate(RoleCreateEvent event) {
    changedIn(event.getGuild());
  }

  @Override
  public void onRoleDelete(RoleDeleteEvent event) {
    changedIn(event.getGuild());
  }

  @Override
  public void onRoleUpdatePosition(RoleUpdatePositionEvent event) {
    changedIn(event.getGuild());
  }

  @Override
  public void onRoleUpdatePermissions(RoleUpdatePermissionsEvent event) {
    changedIn(event.getGuild());
  }

  @Override
  public void onRoleUpdateName(RoleUpdateNameEvent event) {
    changedIn(event.getGuild());
  }

  @Override
  public void onGuildMemberRoleAdd(GuildMemberRoleAddEvent event) {
    if (event.getMember().equals(event.getGuild().getSelfMember())) {
      changedIn(event.getGuild());
    }
  }

  @Override
  public void onGuildMemberRoleRemove(GuildMemberRoleRemoveEvent event) {
    if (event.getMember().equals(event.getGuild().getSelfMember())) {
      changedIn(event.getGuild());
    }
  }

  @Override
  public void onGenericChannel(GenericChannelEvent event) {
    if (event.isFromGuild()) {
      changedIn(event.getGuild());
    }
  }

  @Override
  public void onGenericPermissionOverride(GenericPermissionOverrideEvent event) {
    changedIn(event.getGuild());
  }

  private void changedIn(Guild guild) {
    if (guild.getIdLong() == guildId) {
      context.runOnContext(v -> changed.run());
    }
  }
}
