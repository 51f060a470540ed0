package io.xpbridge.discord;

import io.vertx.core.Context;
import net.dv8tion.jda.api.events.session.SessionRecreateEvent;
import net.dv8tion.jda.api.events.session.SessionResumeEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;

/**
 * After a reconnect the bot is usable again: tell the Vert.x side so it can announce
 * PLATFORM_READY (effects that failed while disconnected are retried sooner) and re-read voice
 * states that changed unseen.
 */
final class SessionListener extends ListenerAdapter {
  private final Context context;
  private final Runnable onContext;

  SessionListener(Context context, Runnable onContext) {
    this.context = context;
    this.onContext = onContext;
  }

  @Override
  public void onSessionRecreate(SessionRecreateEvent event) {
    context.runOnContext(v -> onContext.run());
  }

  @Override
  public void onSessionResume(SessionResumeEvent event) {
    context.runOnContext(v -> onContext.run());
  }
}
