package io.xpbridge.discord;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.xpbridge.bus.Bus;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;

/** {@code /unlink}: detach this Discord account from the shared profile. */
final class UnlinkCommand implements SlashCommand {
  private final BusCalls bus;

  UnlinkCommand(BusCalls bus) {
    this.bus = bus;
  }

  @Override
  public SlashCommandData definition() {
    return Commands.slash("unlink", "Unlink this Discord account from your Telegram profile");
  }

  @Override
  public boolean ephemeral() {
    return true;
  }

  @Override
  public Future<CommandReply> run(CommandRequest request) {
    return bus.request(Bus.LINK_UNLINK, new JsonObject().put("discordId", request.discordId()))
        .map(reply -> CommandReply.text(reply.getBoolean("unlinked", false)
            ? "Unlinked. Your Discord account is no longer connected to your Telegram profile."
            : "Your Discord account is not linked to a Telegram profile, so there was nothing to unlink."));
  }
}
