package io.xpbridge.discord;

import io.vertx.core.Future;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;

/** One slash command: how it is registered and what it answers. Runs on the Vert.x event loop. */
interface SlashCommand {
  SlashCommandData definition();

  /** Private answers are only seen by the caller. Fixed per command: Discord decides it at the first answer. */
  boolean ephemeral();

  Future<CommandReply> run(CommandRequest request);

  default String name() {
    return definition().getName();
  }
}
