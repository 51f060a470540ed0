package io.xpbridge.discord;

import io.vertx.core.Context;
import java.util.List;
import java.util.function.Consumer;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;

/**
 * Runs on JDA's gateway thread: drops what can never earn XP (other guilds, bots, webhooks,
 * system messages) and hands the rest to the Vert.x context, where all XP state lives.
 */
final class MessageXpListener extends ListenerAdapter {
  private final long guildId;
  private final Context context;
  private final Consumer<MessageActivity> onContext;

  MessageXpListener(long guildId, Context context, Consumer<MessageActivity> onContext) {
    this.guildId = guildId;
    this.context = context;
    this.onContext = onContext;
  }

  @Override
  public void onMessageReceived(MessageReceivedEvent event) {
    if (!event.isFromGuild() || event.getGuild().getIdLong() != guildId) {
      return;
    }
    User author = event.getAuthor();
    if (author.isBot() || author.isSystem() || event.isWebhookMessage() || event.getMessage().getType().isSystem()) {
      return;
    }
    long parent = 0;
    if (event.getChannelType() != null && event.getChannelType().isThread()) {
      parent = event.getChannel().asThreadChannel().getParentChannel().getIdLong();
    }
    MessageActivity activity = new MessageActivity(
        event.getMessageIdLong(),
        author.getIdLong(),
        author.getName(),
        author.getEffectiveAvatarUrl(),
        event.getChannel().getIdLong(),
        parent,
        event.getMessage().getTimeCreated().toInstant().toEpochMilli(),
        event.getMember() == null ? List.of() : event.getMember().getRoles().stream().map(r -> r.getIdLong()).toList());
    context.runOnContext(v -> onContext.accept(activity));
  }
}
