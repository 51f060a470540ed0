package io.xpbridge.discord;

import io.vertx.core.Future;
import io.xpbridge.bus.Admin;
import io.xpbridge.bus.BusClient;
import io.xpbridge.bus.Players;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;

/** {@code /sync}: reconcile the caller's Discord roles with the ledger now instead of at the next pass. */
final class SyncCommand implements SlashCommand {
  private final BusClient bus;

  SyncCommand(BusClient bus) {
    this.bus = bus;
  }

  @Override
  public SlashCommandData definition() {
    return Commands.slash("sync", "Re-check your rank and achievement roles now");
  }

  @Override
  public boolean ephemeral() {
    return true;
  }

  @Override
  public Future<CommandReply> run(CommandRequest request) {
    return bus.profile(Players.ProfileQuery.discord(request.discordId(), request.locale()))
        .compose(profile -> bus.reconcile(new Admin.ReconcileRun(profile.playerId())))
        .map(report -> CommandReply.text(text(report)));
  }

  private static String text(Admin.ReconcileReport report) {
    if (report.divergences() == 0) {
      return "Your profile is in sync: nothing to fix.";
    }
    return String.format("Found %d difference(s) between your profile and what the platforms show; corrected %d."
        + " Role changes can take a few seconds to appear.", report.divergences(), report.corrected());
  }
}
