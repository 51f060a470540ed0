package io.xpbridge.discord;

import io.vertx.core.Future;
import io.xpbridge.bus.BusClient;
import io.xpbridge.bus.Players;
import java.awt.Color;
import java.util.List;
import java.util.function.Supplier;
import io.xpbridge.domain.PublicLinks;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;

/**
 * {@code /profile}: XP, rank, progress, balance, achievements and link state as an embed, rank and
 * achievement names in the caller's language; a link to the player's public page when
 * {@code web.publicBaseUrl} is set.
 */
final class ProfileCommand implements SlashCommand {
  private final BusClient bus;
  /** {@code web.publicBaseUrl} as it is now; null: no link. */
  private final Supplier<String> publicBaseUrl;

  ProfileCommand(BusClient bus, Supplier<String> publicBaseUrl) {
    this.bus = bus;
    this.publicBaseUrl = publicBaseUrl;
  }

  @Override
  public SlashCommandData definition() {
    return Localized.command(Texts.PROFILE, Texts.PROFILE_DESCRIPTION);
  }

  @Override
  public boolean ephemeral() {
    return true;
  }

  @Override
  public Future<CommandReply> run(CommandRequest request) {
    return bus.profile(Players.ProfileQuery.discord(request.discordId(), request.lang().code))
        .map(profile -> CommandReply.embed(embed(profile, request, publicBaseUrl.get())));
  }

  static MessageEmbed embed(Players.Profile profile, CommandRequest request) {
    return embed(profile, request, null);
  }

  static MessageEmbed embed(Players.Profile profile, CommandRequest request, String publicBaseUrl) {
    Lang lang = request.lang();
    Players.RankView rank = profile.rank() == null ? new Players.RankView(1, "", null) : profile.rank();
    EmbedBuilder embed = new EmbedBuilder()
        .setTitle(Texts.profileTitle(lang, request.username()))
        .setColor(new Color(0x5865F2))
        .addField(Texts.xp(lang), Long.toString(profile.xp()), true)
        .addField(Texts.rank(lang), rank.number() + "/" + profile.rankCount() + " · " + Texts.nameOf(rank.name()), true)
        .addField(Texts.toNextRank(lang), Texts.nextRank(lang, profile), true)
        .addField(Texts.balance(lang), Texts.coins(lang, profile.balance()), true);
    if (profile.seasonName() != null) {
      embed.addField(Texts.seasonFieldName(lang, profile), profile.hidden() ? Texts.hiddenFromStandings(lang)
          : Texts.seasonFieldValue(lang, profile), true);
    }
    String page = profile.hidden() ? null : PublicLinks.playerPage(publicBaseUrl, profile.publicId());
    if (page != null) {
      embed.setUrl(page).addField(Texts.profileLink(lang), page, false);
    }
    embed
        .addField("Telegram", Texts.telegramLink(lang, profile.telegramLinked()), true)
        .addField(Texts.achievements(lang), achievements(lang, profile.achievements()), false);
    for (Players.ActiveBoost boost : profile.boosts()) {
      embed.addField(Texts.boostName(lang, boost), Texts.boostValue(lang, boost), false);
    }
    return embed.build();
  }

  private static String achievements(Lang lang, List<Players.AchievementView> achievements) {
    if (achievements.isEmpty()) {
      return Texts.noAchievements(lang);
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
