package io.xpbridge.discord;

import io.vertx.core.Future;
import io.xpbridge.bus.BusClient;
import io.xpbridge.bus.Players;
import java.awt.Color;
import java.util.List;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;

/** {@code /profile}: XP, rank, progress, balance, achievements and link state as an embed. */
final class ProfileCommand implements SlashCommand {
  static final String NO_PROFILE = "You have no profile yet. Write in the server or join a voice channel to earn XP, "
      + "or use /link to bring your Telegram profile over.";

  private final BusClient bus;

  ProfileCommand(BusClient bus) {
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
    return bus.profile(Players.ProfileQuery.discord(request.discordId(), request.locale()))
        .map(profile -> CommandReply.embed(embed(profile, request)));
  }

  static MessageEmbed embed(Players.Profile profile, CommandRequest request) {
    Players.RankView rank = profile.rank() == null ? new Players.RankView(1, "", null) : profile.rank();
    Players.RankView nextRank = profile.nextRank();
    EmbedBuilder embed = new EmbedBuilder()
        .setTitle("Profile of " + request.username())
        .setColor(new Color(0x5865F2))
        .addField("XP", Long.toString(profile.xp()), true)
        .addField("Rank", rank.number() + "/" + profile.rankCount() + " · " + nameOf(rank.name()), true)
        .addField("To next rank", nextRank == null
            ? "Top rank reached"
            : profile.xpToNextRank() + " XP to " + nameOf(nextRank.name()), true)
        .addField("Balance", profile.balance() + " coins", true);
    if (profile.seasonName() != null) {
      embed.addField(StandingTexts.seasonFieldName(profile), StandingTexts.seasonFieldValue(profile), true);
    }
    embed
        .addField("Telegram", profile.telegramLinked() ? "Linked" : "Not linked (use /link)", true)
        .addField("Achievements", achievements(profile.achievements()), false);
    for (Players.ActiveBoost boost : profile.boosts()) {
      embed.addField("Boost: " + boost.name(), "×" + java.math.BigDecimal.valueOf(boost.multiplier())
          .stripTrailingZeros().toPlainString() + " on " + String.join(" and ", boost.platforms()) + " until "
          + boost.until(), false);
    }
    return embed.build();
  }

  private static String nameOf(String name) {
    return name == null ? "" : name;
  }

  private static String achievements(List<Players.AchievementView> achievements) {
    if (achievements.isEmpty()) {
      return "None yet";
    }
    StringBuilder text = new StringBuilder();
    for (Players.AchievementView achievement : achievements) {
      text.append("• ").append(achievement.name() == null ? achievement.code() : achievement.name()).append('\n');
    }
    // Embed field values are limited to 1024 characters.
    return text.length() > MessageEmbed.VALUE_MAX_LENGTH
        ? text.substring(0, MessageEmbed.VALUE_MAX_LENGTH - 1) + "…"
        : text.toString();
  }
}
