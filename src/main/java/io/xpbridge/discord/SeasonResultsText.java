package io.xpbridge.discord;

import io.xpbridge.bus.Platforms;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import net.dv8tion.jda.api.utils.MarkdownSanitizer;

/**
 * A season announcement laid out from {@link Texts}' sentences, in Russian or English
 * ({@code discord.announceLocale}), within Discord's 2,000 characters. Winners with a Discord account
 * are mentioned ({@code <@id>}), the others named; names typed by players are cut and their Markdown
 * escaped so they cannot restyle the post.
 */
final class SeasonResultsText {
  /** Discord refuses longer message contents. */
  static final int MAX_CONTENT_CHARS = 2_000;
  static final int MAX_NAME_CHARS = 64;

  /** The content to post and the users it mentions (the only ones allowed to be pinged). */
  record Announcement(String content, List<Long> mentionedUserIds) {}

  private SeasonResultsText() {}

  static Announcement render(String locale, Platforms.SeasonResult season) {
    Lang lang = Lang.of(locale);
    StringBuilder content = new StringBuilder(Texts.seasonOver(lang, name(season.name())));
    if (season.winners().isEmpty()) {
      content.append(Texts.seasonWithoutWinners(lang));
      return new Announcement(content.toString(), List.of());
    }
    content.append(Texts.seasonWinners(lang));
    Set<Long> mentioned = new LinkedHashSet<>();
    int shown = 0;
    for (Platforms.SeasonWinner winner : season.winners()) {
      String line = "\n" + line(lang, winner);
      int left = season.winners().size() - shown - 1;
      String more = left == 0 ? "" : "\n" + Texts.andMore(lang, left);
      if (content.length() + line.length() + more.length() > MAX_CONTENT_CHARS) {
        content.append("\n").append(Texts.andMore(lang, left + 1));
        break;
      }
      content.append(line);
      if (winner.discordId() != null) {
        mentioned.add(winner.discordId());
      }
      shown++;
    }
    return new Announcement(content.toString(), List.copyOf(mentioned));
  }

  /** "1. @alice — 8421 XP — +1000 coins, "Gold"". */
  private static String line(Lang lang, Platforms.SeasonWinner winner) {
    String who = winner.discordId() != null ? "<@" + Long.toUnsignedString(winner.discordId()) + ">" : name(winner.name());
    StringBuilder line = new StringBuilder().append(winner.place()).append(". ").append(who)
        .append(" — ").append(Texts.xpAmount(lang, winner.xp()));
    List<String> reward = new ArrayList<>();
    if (winner.coins() > 0) {
      reward.add(Texts.coinsReward(lang, winner.coins()));
    }
    if (winner.achievement() != null) {
      String achievement = name(winner.achievement().name() != null
          ? winner.achievement().name() : winner.achievement().code());
      reward.add(Texts.quoted(lang, achievement));
    }
    if (!reward.isEmpty()) {
      line.append(" — ").append(String.join(", ", reward));
    }
    return line.toString();
  }

  private static String name(String value) {
    return value == null || value.isBlank() ? "?" : postName(value, MAX_NAME_CHARS);
  }

  /** A name for a channel post: on one line, cut to {@code maxChars} with "…", its Markdown escaped. */
  static String postName(String value, int maxChars) {
    String cut = value.length() <= maxChars ? value : value.substring(0, maxChars - 1) + "…";
    return MarkdownSanitizer.escape(cut.replace('\n', ' '));
  }
}
