package io.xpbridge.discord;

import io.vertx.core.Future;
import io.xpbridge.bus.BusClient;
import io.xpbridge.bus.Players;
import java.awt.Color;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;

/** {@code /top}: the leaderboard, visible to the channel, with the caller's own place; rank names in their language. */
final class TopCommand implements SlashCommand {
  static final int LIMIT = 10;

  private final BusClient bus;

  TopCommand(BusClient bus) {
    this.bus = bus;
  }

  @Override
  public SlashCommandData definition() {
    return Commands.slash("top", "Show the leaderboard");
  }

  @Override
  public boolean ephemeral() {
    return false;
  }

  @Override
  public Future<CommandReply> run(CommandRequest request) {
    return bus.top(Players.TopQuery.discord(LIMIT, request.discordId(), request.locale()))
        .map(top -> CommandReply.embed(embed(top)));
  }

  private static MessageEmbed embed(Players.Top top) {
    StringBuilder lines = new StringBuilder();
    for (Players.TopEntry entry : top.entries()) {
      lines.append('#').append(entry.place()).append(' ')
          .append(entry.displayName() == null ? "player " + entry.playerId() : entry.displayName())
          .append(" — ").append(entry.xp()).append(" XP");
      if (entry.rank() != null && entry.rank().name() != null && !entry.rank().name().isEmpty()) {
        lines.append(" (").append(entry.rank().name()).append(')');
      }
      lines.append('\n');
    }
    EmbedBuilder embed = new EmbedBuilder()
        .setTitle("Leaderboard")
        .setColor(new Color(0xFEE75C))
        .setDescription(top.entries().isEmpty() ? "Nobody has earned XP yet." : lines.toString());
    if (top.caller() != null) {
      embed.setFooter("Your place: #" + top.caller().place() + " with " + top.caller().xp() + " XP");
    }
    return embed.build();
  }
}
