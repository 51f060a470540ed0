package io.xpbridge.discord;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.xpbridge.bus.BusClient;
import io.xpbridge.bus.Refusal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.utils.FileUpload;
import net.dv8tion.jda.api.utils.messages.MessageEditBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers slash commands. Discord wants an answer within 3 s while a bus request may take up to
 * its 10 s timeout, so every command is deferred at once on JDA's thread ("thinking...") and the
 * original response is edited when the command's future completes on the Vert.x context.
 */
final class SlashCommandListener extends ListenerAdapter {
  private static final Logger log = LoggerFactory.getLogger(SlashCommandListener.class);

  private final long guildId;
  private final Context context;
  private final Map<String, SlashCommand> commands;

  SlashCommandListener(long guildId, Context context, List<SlashCommand> commands) {
    this.guildId = guildId;
    this.context = context;
    this.commands = commands.stream().collect(Collectors.toMap(SlashCommand::name, Function.identity()));
  }

  List<SlashCommand> commands() {
    return List.copyOf(commands.values());
  }

  @Override
  public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
    SlashCommand command = commands.get(event.getName());
    if (command == null || event.getGuild() == null || event.getGuild().getIdLong() != guildId) {
      return;
    }
    event.deferReply(command.ephemeral()).submit().exceptionally(e -> {
      log.warn("Could not acknowledge /{} from Discord user {}: {}", event.getName(), event.getUser().getId(),
          e.toString());
      return null;
    });
    Map<String, String> options = new HashMap<>();
    for (OptionMapping option : event.getOptions()) {
      options.put(option.getName(), option.getAsString());
    }
    CommandRequest request = new CommandRequest(event.getIdLong(), event.getUser().getIdLong(),
        event.getUser().getName(), Lang.of(event.getUserLocale().getLocale()), Map.copyOf(options));
    InteractionHook hook = event.getHook();
    context.runOnContext(v -> run(command, request).onComplete(reply -> answer(hook, command, reply.result())));
  }

  private Future<CommandReply> run(SlashCommand command, CommandRequest request) {
    Future<CommandReply> reply;
    try {
      reply = command.run(request);
    } catch (RuntimeException e) {
      reply = Future.failedFuture(e);
    }
    return reply.recover(e -> Future.succeededFuture(CommandReply.text(failureText(command, request, e))));
  }

  private static String failureText(SlashCommand command, CommandRequest request, Throwable e) {
    Refusal.Refused refused = Refusal.of(e);
    if (refused != null) {
      return Texts.refusal(request.lang(), refused);
    }
    if (BusClient.isTransient(e)) {
      log.info("/{} for Discord user {}: no answer from the service ({})", command.name(), request.discordId(),
          e.getMessage());
      return Texts.notAnswering(request.lang());
    }
    log.error("/{} failed for Discord user {}", command.name(), request.discordId(), e);
    return Texts.unexpected(request.lang());
  }

  private void answer(InteractionHook hook, SlashCommand command, CommandReply reply) {
    MessageEditBuilder edit = new MessageEditBuilder().setContent(reply.content()).setEmbeds(reply.embeds());
    if (reply.file() != null) {
      // Editing the deferred answer with a file makes JDA send multipart (payload_json + files[0]).
      edit.setFiles(FileUpload.fromData(reply.file().bytes(), reply.file().name()));
    }
    hook.editOriginal(edit.build()).submit().exceptionally(e -> {
      log.warn("Could not show the answer to /{}: {}", command.name(), e.toString());
      return null;
    });
  }
}
