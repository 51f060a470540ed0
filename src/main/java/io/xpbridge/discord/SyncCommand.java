package io.xpbridge.discord;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.xpbridge.bus.Bus;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;

/** {@code /sync}: reconcile the caller's Discord roles with the ledger now instead of at the next pass. */
final class SyncCommand implements SlashCommand {
  private final BusCalls bus;

  SyncCommand(BusCalls bus) {
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
    return bus.request(Bus.PLAYERS_PROFILE, new JsonObject().put("discordId", request.discordId()))
        .compose(profile -> bus.request(Bus.RECONCILE_RUN_NOW,
            new JsonObject().put("playerId", profile.getLong("playerId"))))
        .map(result -> CommandReply.text(text(result)))
        .recover(e -> BusCalls.failureCode(e) == 404
            ? Future.succeededFuture(CommandReply.text(ProfileCommand.NO_PROFILE))
            : Future.failedFuture(e));
  }

  private static String text(JsonObject result) {
    long divergences = result.getLong("divergences", 0L);
    long corrected = result.getLong("corrected", 0L);
    if (divergences == 0) {
      return "Your profile is in sync: nothing to fix.";
    }
    return String.format("Found %d difference(s) between your profile and what the platforms show; corrected %d."
        + " Role changes can take a few seconds to appear.", divergences, corrected);
  }
}
