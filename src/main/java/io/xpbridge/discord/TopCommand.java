package io.xpbridge.discord;

import io.vertx.core.Future;
import io.xpbridge.bus.BusClient;
import io.xpbridge.bus.Players;
import java.awt.Color;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;

/**
 * {@code /top}: the running season's leaderboard, {@code /top period:all} the lifetime one, visible to
 * the channel, with the caller's own place; rank names in their language.
 */
final class TopCommand implements SlashCommand {
  static final int LIMIT = 10;
  /** Values of the period option: the wire names of {@link Players.TopQuery#season()} but "season". */
  static final String SEASON = "season";

  private final BusClient bus;

  TopCommand(BusClient bus) {
    this.bus = bus;
  }

  @Override
  public SlashCommandData definition() {
    return Commands.slash("top", "Show the leaderboard")
        .addOptions(new OptionData(OptionType.STRING, StandingTexts.PERIOD_OPTION, StandingTexts.PERIOD_DESCRIPTION, false)
            .addChoice(StandingTexts.PERIOD_SEASON, SEASON)
            .addChoice(StandingTexts.PERIOD_ALL, Players.ALL_TIME));
  }

  @Override
  public boolean ephemeral() {
    return false;
  }

  @Override
  public Future<CommandReply> run(CommandRequest request) {
    String standing = Players.ALL_TIME.equals(request.option(StandingTexts.PERIOD_OPTION))
        ? Players.ALL_TIME : Players.CURRENT_SEASON;
    return bus.top(Players.TopQuery.discord(LIMIT, request.discordId(), request.locale()).of(standing))
        .map(top -> CommandReply.embed(embed(top)));
  }

  private static MessageEmbed embed(Players.Top top) {
    StringBuilder lines = new StringBuilder();
    for (Players.TopEntry entry : top.entries()) {
      lines.append(StandingTexts.entry(entry)).append('\n');
    }
    EmbedBuilder embed = new EmbedBuilder()
        .setTitle(StandingTexts.title(top))
        .setColor(new Color(0xFEE75C))
        .setDescription(top.entries().isEmpty() ? StandingTexts.nobody(top) : lines.toString());
    String footer = StandingTexts.footer(top);
    if (footer != null) {
      embed.setFooter(footer);
    }
    return embed.build();
  }
}
