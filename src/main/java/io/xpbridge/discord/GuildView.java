package io.xpbridge.discord;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.Role;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;

/**
 * What the setup check needs from JDA's cache of the guild, copied into plain values so the check
 * itself ({@link RoleProblems}, {@link ChannelProblems}) can be tested without JDA.
 *
 * <p>Positions are JDA's {@link Role#getPosition()} (an index in the sorted role list, so ties in
 * Discord's raw positions are already broken the way Discord breaks them); -1 when the bot has no role.
 *
 * @param channels only the channels asked for, by id; an id that is missing does not exist or is hidden
 */
record GuildView(Map<Long, RoleView> roles, int botTopPosition, String botTopRoleName, boolean botManagesRoles,
    Map<Long, ChannelView> channels) {

  record RoleView(long id, String name, int position) {}

  record ChannelView(long id, String name, boolean botCanWrite) {}

  GuildView {
    roles = Map.copyOf(roles);
    channels = Map.copyOf(channels);
  }

  /** Reads JDA's cache only (no REST call): cheap enough for the event loop. */
  static GuildView of(Guild guild, Collection<Long> channelIds) {
    Map<Long, RoleView> roles = new HashMap<>();
    for (Role role : guild.getRoles()) {
      roles.put(role.getIdLong(), new RoleView(role.getIdLong(), role.getName(), role.getPosition()));
    }
    Member self = guild.getSelfMember();
    List<Role> botRoles = self.getRoles();
    Map<Long, ChannelView> channels = new HashMap<>();
    for (Long channelId : channelIds) {
      GuildMessageChannel channel = guild.getChannelById(GuildMessageChannel.class, channelId);
      if (channel != null) {
        channels.put(channelId, new ChannelView(channelId, channel.getName(),
            self.hasPermission(channel, Permission.VIEW_CHANNEL, Permission.MESSAGE_SEND)));
      }
    }
    return new GuildView(roles, botRoles.isEmpty() ? -1 : botRoles.get(0).getPosition(),
        botRoles.isEmpty() ? null : botRoles.get(0).getName(), self.hasPermission(Permission.MANAGE_ROLES), channels);
  }
}
