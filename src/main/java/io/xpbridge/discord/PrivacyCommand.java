package io.xpbridge.discord;

import io.vertx.core.Future;
import io.xpbridge.bus.BusClient;
import io.xpbridge.bus.Players;
import io.xpbridge.bus.Privacy;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;

/**
 * {@code /privacy}: what is kept about the caller and the actions on it, one option at a time:
 * {@code leaderboard:hide|show} (the public standings), {@code roles:off|on} (rank and achievement role
 * sync), {@code data:export} (the caller's data attached as a JSON file) and {@code data:delete} (asks,
 * and erases when run again within a minute). Private: the answer is about the caller alone.
 */
final class PrivacyCommand implements SlashCommand {
  /** The options' names as Discord sends them back, whatever the caller's language. */
  static final String LEADERBOARD_OPTION = Texts.PRIVACY_LEADERBOARD.en();
  static final String ROLES_OPTION = Texts.PRIVACY_ROLES.en();
  static final String DATA_OPTION = Texts.PRIVACY_DATA.en();
  static final String EXPORT = "export";
  static final String DELETE = "delete";

  private final BusClient bus;

  PrivacyCommand(BusClient bus) {
    this.bus = bus;
  }

  @Override
  public SlashCommandData definition() {
    return Localized.command(Texts.PRIVACY, Texts.PRIVACY_DESCRIPTION)
        .addOptions(Localized.option(OptionType.STRING, Texts.PRIVACY_LEADERBOARD,
                Texts.PRIVACY_LEADERBOARD_DESCRIPTION, false)
            .addChoices(Localized.choice(Texts.PRIVACY_HIDE, Players.HIDE),
                Localized.choice(Texts.PRIVACY_SHOW, Players.SHOW)),
            Localized.option(OptionType.STRING, Texts.PRIVACY_ROLES, Texts.PRIVACY_ROLES_DESCRIPTION, false)
                .addChoices(Localized.choice(Texts.PRIVACY_ROLES_OFF, Privacy.ROLES_OFF),
                    Localized.choice(Texts.PRIVACY_ROLES_ON, Privacy.ROLES_ON)),
            Localized.option(OptionType.STRING, Texts.PRIVACY_DATA, Texts.PRIVACY_DATA_DESCRIPTION, false)
                .addChoices(Localized.choice(Texts.PRIVACY_EXPORT, EXPORT),
                    Localized.choice(Texts.PRIVACY_DELETE, DELETE)));
  }

  @Override
  public boolean ephemeral() {
    return true;
  }

  @Override
  public Future<CommandReply> run(CommandRequest request) {
    String leaderboard = request.option(LEADERBOARD_OPTION);
    String roles = request.option(ROLES_OPTION);
    String data = request.option(DATA_OPTION);
    long given = Stream.of(leaderboard, roles, data).filter(o -> o != null).count();
    Lang lang = request.lang();
    Privacy.Account caller = Privacy.Account.discord(request.discordId(), lang.code);
    if (given > 1) {
      return Future.succeededFuture(CommandReply.text(Texts.privacyOneOption(lang)));
    }
    if (roles != null) {
      return bus.privacyRoles(new Privacy.RolesChange(null, request.discordId(), Privacy.ROLES_ON.equals(roles)))
          .map(now -> CommandReply.text(Texts.privacyRoles(lang, now)));
    }
    if (EXPORT.equals(data)) {
      return bus.privacyExport(caller).map(file -> new CommandReply(Texts.privacyExport(lang), List.of(),
          new CommandReply.Attachment(file.fileName(), file.json().getBytes(StandardCharsets.UTF_8))));
    }
    if (DELETE.equals(data)) {
      return bus.privacyDelete(caller).map(outcome -> CommandReply.text(Texts.privacyDelete(lang, outcome)));
    }
    if (leaderboard != null) {
      Boolean hidden = Players.HIDE.equals(leaderboard) ? Boolean.TRUE
          : Players.SHOW.equals(leaderboard) ? Boolean.FALSE : null;
      return bus.visibility(Players.VisibilityChange.discord(request.discordId(), hidden))
          .map(now -> CommandReply.text(Texts.privacy(lang, now, hidden != null)));
    }
    return bus.privacyOverview(caller).map(overview -> CommandReply.text(Texts.privacyOverview(lang, overview)));
  }
}
