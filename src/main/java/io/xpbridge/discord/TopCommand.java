package io.xpbridge.discord;

import io.vertx.core.Future;
import io.xpbridge.bus.BusClient;
import io.xpbridge.bus.Players;
import java.awt.Color;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;

/**
 * {@code /top}: the running season's leaderboard, {@code /top period:all} the lifetime one, visible to
 * the channel, with the caller's own place; texts and rank names in the caller's language.
 */
final class TopCommand implements SlashCommand {
  static final int LIMIT = 10;
  /** The option's name as Discord sends it back, whatever the caller's language. */
  static final String PERIOD_OPTION = Texts.TOP_PERIOD.en();
  /** Values of the period option: the wire names of {@link Players.TopQuery#season()} but "season". */
  static final String SEASON = "season";

  private final BusClient bus;

  TopCommand(BusClient bus) {
    this.bus = bus;
  }

  @Override
  public SlashCommandData definition() {
    return Localized.command(Texts.TOP, Texts.TOP_DESCRIPTION)
        .addOptions(Localized.option(OptionType.STRING, Texts.TOP_PERIOD, Texts.TOP_PERIOD_DESCRIPTION, false)
            .addChoices(Localized.choice(Texts.TOP_PERIOD_SEASON, SEASON),
                Localized.choice(Texts.TOP_PERIOD_ALL, Players.ALL_TIME)));
  }

  @Override
  public boolean ephemeral() {
    return false;
  }

  @Override
  public Future<CommandReply> run(CommandRequest request) {
    String standing = Players.ALL_TIME.equals(request.option(PERIOD_OPTION))
        ? Players.ALL_TIME : Players.CURRENT_SEASON;
    return bus.top(Players.TopQuery.discord(LIMIT, request.discordId(), request.lang().code).of(standing))
        .map(top -> CommandReply.embed(embed(request.lang(), top)));
  }

  private static MessageEmbed embed(Lang lang, Players.Top top) {
    StringBuilder lines = new StringBuilder();
    for (Players.TopEntry entry : top.entries()) {
      lines.append(Texts.entry(lang, entry)).append('\n');
    }
    EmbedBuilder embed = new EmbedBuilder()
        .setTitle(Texts.topTitle(lang, top))
        .setColor(new Color(0xFEE75C))
        .setDescription(top.entries().isEmpty() ? Texts.nobody(lang, top) : lines.toString());
    String footer = Texts.topFooter(lang, top);
    if (footer != null) {
      embed.setFooter(footer);
    }
    return embed.build();
  }
}
