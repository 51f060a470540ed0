package io.xpbridge.discord;

import io.vertx.core.Context;
import java.util.function.Consumer;
import net.dv8tion.jda.api.events.guild.voice.GenericGuildVoiceEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;

/** Runs on JDA's gateway thread: copies every voice change and hands it to the Vert.x context. */
final class VoiceListener extends ListenerAdapter {
  private final long guildId;
  private final Context context;
  private final Consumer<VoiceSnapshot> onContext;

  VoiceListener(long guildId, Context context, Consumer<VoiceSnapshot> onContext) {
    this.guildId = guildId;
    this.context = context;
    this.onContext = onContext;
  }

  @Override
  public void onGenericGuildVoice(GenericGuildVoiceEvent event) {
    if (event.getGuild().getIdLong() != guildId) {
      return;
    }
    VoiceSnapshot snapshot = VoiceSnapshot.of(event.getMember());
    context.runOnContext(v -> onContext.accept(snapshot));
  }
}
