package io.xpbridge.discord;

import io.vertx.core.Context;
import java.util.function.Consumer;
import net.dv8tion.jda.api.events.session.SessionDisconnectEvent;
import net.dv8tion.jda.api.events.session.SessionRecreateEvent;
import net.dv8tion.jda.api.events.session.SessionResumeEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.requests.CloseCode;

/**
 * The gateway connection as JDA sees it, told to the Vert.x side. A lost gateway is reported (with
 * why it closed) so readiness can turn down if it stays lost; after a reconnect (resumed or a new
 * session) the bot is usable again, so it announces PLATFORM_READY (effects that failed while
 * disconnected are retried sooner) and re-reads voice states that changed unseen.
 */
final class SessionListener extends ListenerAdapter {
  private final Context context;
  private final Runnable onReconnected;
  private final Consumer<String> onDisconnected;

  SessionListener(Context context, Runnable onReconnected, Consumer<String> onDisconnected) {
    this.context = context;
    this.onReconnected = onReconnected;
    this.onDisconnected = onDisconnected;
  }

  @Override
  public void onSessionDisconnect(SessionDisconnectEvent event) {
    String why = describe(event);
    context.runOnContext(v -> onDisconnected.accept(why));
  }

  @Override
  public void onSessionRecreate(SessionRecreateEvent event) {
    context.runOnContext(v -> onReconnected.run());
  }

  @Override
  public void onSessionResume(SessionResumeEvent event) {
    context.runOnContext(v -> onReconnected.run());
  }

  static String describe(SessionDisconnectEvent event) {
    CloseCode code = event.getCloseCode();
    String by = event.isClosedByServer() ? "closed by Discord" : "lost (closed on our side or the network)";
    return "the Discord gateway connection was " + by
        + (code == null ? "" : ", close code " + code.getCode() + ": " + code.getMeaning());
  }
}
