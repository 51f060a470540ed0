package io.xpbridge.discord;

import io.vertx.core.Context;
import io.vertx.core.Future;
import java.util.EnumSet;
import java.util.function.Supplier;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;

/** Sends an alert to a channel of the guild, pinging nobody (a role name may read like a mention). */
final class AlertChannel implements AlertPoster.Sender {
  private final Context context;
  private final Supplier<Guild> guild;

  AlertChannel(Context context, Supplier<Guild> guild) {
    this.context = context;
    this.guild = guild;
  }

  @Override
  public Future<Void> send(long channelId, String text) {
    Guild server = guild.get();
    if (server == null) {
      return Future.failedFuture("the Discord guild is not available right now");
    }
    GuildMessageChannel channel = server.getChannelById(GuildMessageChannel.class, channelId);
    if (channel == null) {
      return Future.failedFuture("the channel does not exist in the server or the bot cannot see it");
    }
    return RestFutures.submit(context, "post a setup alert in channel #" + channel.getName(),
            () -> channel.sendMessage(text).setAllowedMentions(EnumSet.noneOf(Message.MentionType.class)))
        .mapEmpty();
  }
}
