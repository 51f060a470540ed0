package io.xpbridge.discord;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.xpbridge.bus.Bus;
import java.awt.Color;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;

/** {@code /top}: the leaderboard, visible to the channel, with the caller's own place. */
final class TopCommand implements SlashCommand {
  static final int LIMIT = 10;

  private final BusCalls bus;

  TopCommand(BusCalls bus) {
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
    JsonObject query = new JsonObject().put("limit", LIMIT).put("discordId", request.discordId());
    return bus.request(Bus.PLAYERS_TOP, query).map(top -> CommandReply.embed(embed(top, request)));
  }

  private static MessageEmbed embed(JsonObject top, CommandRequest request) {
    JsonArray entries = top.getJsonArray("entries", new JsonArray());
    StringBuilder lines = new StringBuilder();
    for (Object o : entries) {
      JsonObject entry = (JsonObject) o;
      Object rank = entry.getValue("rank");
      String rankText = rank instanceof JsonObject r
          ? Localized.pick(r.getValue("name"), request.locale())
          : rank == null ? "" : rank.toString();
      lines.append('#').append(entry.getInteger("place", 0)).append(' ')
          .append(entry.getString("displayName", "player " + entry.getLong("playerId", 0L)))
          .append(" — ").append(entry.getLong("xp", 0L)).append(" XP");
      if (!rankText.isEmpty()) {
        lines.append(" (").append(rankText).append(')');
      }
      lines.append('\n');
    }
    EmbedBuilder embed = new EmbedBuilder()
        .setTitle("Leaderboard")
        .setColor(new Color(0xFEE75C))
        .setDescription(entries.isEmpty() ? "Nobody has earned XP yet." : lines.toString());
    JsonObject caller = top.getJsonObject("caller");
    if (caller != null) {
      embed.setFooter("Your place: #" + caller.getInteger("place", 0) + " with " + caller.getLong("xp", 0L) + " XP");
    }
    return embed.build();
  }
}
