package io.xpbridge.discord;

import io.vertx.core.Future;
import io.xpbridge.bus.BusClient;
import io.xpbridge.bus.Links;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;

/** {@code /unlink}: detach this Discord account from the shared profile. */
final class UnlinkCommand implements SlashCommand {
  private final BusClient bus;

  UnlinkCommand(BusClient bus) {
    this.bus = bus;
  }

  @Override
  public SlashCommandData definition() {
    return Localized.command(Texts.UNLINK, Texts.UNLINK_DESCRIPTION);
  }

  @Override
  public boolean ephemeral() {
    return true;
  }

  @Override
  public Future<CommandReply> run(CommandRequest request) {
    return bus.unlink(Links.Account.discord(request.discordId()))
        .map(reply -> CommandReply.text(Texts.unlinked(request.lang(), reply.unlinked())));
  }
}
