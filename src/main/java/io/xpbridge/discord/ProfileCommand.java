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

/** {@code /profile}: XP, rank, progress, balance, achievements and link state as an embed. */
final class ProfileCommand implements SlashCommand {
  static final String NO_PROFILE = "You have no profile yet. Write in the server or join a voice channel to earn XP, "
      + "or use /link to bring your Telegram profile over.";

  private final BusCalls bus;

  ProfileCommand(BusCalls bus) {
    this.bus = bus;
  }

  @Override
  public SlashCommandData definition() {
    return Commands.slash("profile", "Show your XP, rank, balance and achievements");
  }

  @Override
  public boolean ephemeral() {
    return true;
  }

  @Override
  public Future<CommandReply> run(CommandRequest request) {
    return bus.request(Bus.PLAYERS_PROFILE, new JsonObject().put("discordId", request.discordId()))
        .map(profile -> CommandReply.embed(embed(profile, request)))
        .recover(e -> BusCalls.failureCode(e) == 404
            ? Future.succeededFuture(CommandReply.text(NO_PROFILE))
            : Future.failedFuture(e));
  }

  static MessageEmbed embed(JsonObject profile, CommandRequest request) {
    String locale = request.locale();
    JsonObject rank = profile.getJsonObject("rank", new JsonObject());
    JsonObject nextRank = profile.getJsonObject("nextRank");
    int rankCount = profile.getInteger("rankCount", 20);
    EmbedBuilder embed = new EmbedBuilder()
        .setTitle("Profile of " + request.username())
        .setColor(new Color(0x5865F2))
        .addField("XP", Long.toString(profile.getLong("xp", 0L)), true)
        .addField("Rank", rank.getInteger("number", 1) + "/" + rankCount + " · "
            + Localized.pick(rank.getValue("name"), locale), true)
        .addField("To next rank", nextRank == null
            ? "Top rank reached"
            : profile.getLong("xpToNextRank", 0L) + " XP to " + Localized.pick(nextRank.getValue("name"), locale), true)
        .addField("Balance", profile.getLong("balance", 0L) + " coins", true)
        .addField("Telegram", profile.getBoolean("telegramLinked", false) ? "Linked" : "Not linked (use /link)", true)
        .addField("Achievements", achievements(profile.getJsonArray("achievements", new JsonArray()), locale), false);
    return embed.build();
  }

  private static String achievements(JsonArray achievements, String locale) {
    if (achievements.isEmpty()) {
      return "None yet";
    }
    StringBuilder text = new StringBuilder();
    for (Object o : achievements) {
      JsonObject achievement = (JsonObject) o;
      Object name = achievement.getValue("name");
      text.append("• ").append(name == null ? achievement.getString("code", "?") : Localized.pick(name, locale))
          .append('\n');
    }
    // Embed field values are limited to 1024 characters.
    return text.length() > MessageEmbed.VALUE_MAX_LENGTH
        ? text.substring(0, MessageEmbed.VALUE_MAX_LENGTH - 1) + "…"
        : text.toString();
  }
}
