package io.xpbridge.discord;

import io.vertx.core.Future;
import io.xpbridge.bus.Admin;
import io.xpbridge.bus.BusClient;
import io.xpbridge.bus.Players;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;

/** {@code /sync}: reconcile the caller's Discord roles with the ledger now instead of at the next pass. */
final class SyncCommand implements SlashCommand {
  private final BusClient bus;

  SyncCommand(BusClient bus) {
    this.bus = bus;
  }

  @Override
  public SlashCommandData definition() {
    return Localized.command(Texts.SYNC, Texts.SYNC_DESCRIPTION);
  }

  @Override
  public boolean ephemeral() {
    return true;
  }

  @Override
  public Future<CommandReply> run(CommandRequest request) {
    return bus.profile(Players.ProfileQuery.discord(request.discordId(), request.lang().code))
        .compose(profile -> bus.reconcile(new Admin.ReconcileRun(profile.playerId())))
        .map(report -> CommandReply.text(Texts.synced(request.lang(), report)));
  }
}
