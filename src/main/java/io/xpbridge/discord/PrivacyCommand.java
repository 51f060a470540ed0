package io.xpbridge.discord;

import io.vertx.core.Future;
import io.xpbridge.bus.BusClient;
import io.xpbridge.bus.Players;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;

/**
 * {@code /privacy}: whether the caller is on the public standings ({@code /top} here and in Telegram,
 * the web leaderboard and pages, season results) and how to change it; {@code /privacy leaderboard:hide}
 * and {@code leaderboard:show} change it. Private: the answer is about the caller alone.
 */
final class PrivacyCommand implements SlashCommand {
  /** The option's name as Discord sends it back, whatever the caller's language. */
  static final String LEADERBOARD_OPTION = Texts.PRIVACY_LEADERBOARD.en();

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
                Localized.choice(Texts.PRIVACY_SHOW, Players.SHOW)));
  }

  @Override
  public boolean ephemeral() {
    return true;
  }

  @Override
  public Future<CommandReply> run(CommandRequest request) {
    String asked = request.option(LEADERBOARD_OPTION);
    Boolean hidden = Players.HIDE.equals(asked) ? Boolean.TRUE : Players.SHOW.equals(asked) ? Boolean.FALSE : null;
    return bus.visibility(Players.VisibilityChange.discord(request.discordId(), hidden))
        .map(now -> CommandReply.text(Texts.privacy(request.lang(), now, hidden != null)));
  }
}
