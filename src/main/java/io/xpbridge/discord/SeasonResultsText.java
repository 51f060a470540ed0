package io.xpbridge.discord;

import io.xpbridge.bus.Platforms;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import net.dv8tion.jda.api.utils.MarkdownSanitizer;

/**
 * The words of a season announcement, in Russian or English ({@code discord.announceLocale}); every
 * sentence of it is here. Winners with a Discord account are mentioned ({@code <@id>}), the others
 * named; names typed by players are cut and their Markdown escaped so they cannot restyle the post.
 */
final class SeasonResultsText {
  /** Discord refuses longer message contents. */
  static final int MAX_CONTENT_CHARS = 2_000;
  static final int MAX_NAME_CHARS = 64;

  /** The content to post and the users it mentions (the only ones allowed to be pinged). */
  record Announcement(String content, List<Long> mentionedUserIds) {}

  private SeasonResultsText() {}

  static Announcement render(String locale, Platforms.SeasonResult season) {
    boolean ru = "ru".equals(locale);
    String seasonName = name(season.name());
    StringBuilder content = new StringBuilder(ru
        ? "🏆 Сезон «" + seasonName + "» завершён!"
        : "🏆 Season \"" + seasonName + "\" is over!");
    if (season.winners().isEmpty()) {
      content.append(ru ? " В этом сезоне никто не набрал опыта." : " Nobody earned XP this season.");
      return new Announcement(content.toString(), List.of());
    }
    content.append(ru ? " Победители:" : " The winners:");
    Set<Long> mentioned = new LinkedHashSet<>();
    int shown = 0;
    for (Platforms.SeasonWinner winner : season.winners()) {
      String line = "\n" + line(ru, winner);
      int left = season.winners().size() - shown - 1;
      String more = left == 0 ? "" : "\n" + (ru ? "…и ещё " + left : "…and " + left + " more");
      if (content.length() + line.length() + more.length() > MAX_CONTENT_CHARS) {
        content.append("\n").append(ru ? "…и ещё " + (left + 1) : "…and " + (left + 1) + " more");
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
  private static String line(boolean ru, Platforms.SeasonWinner winner) {
    String who = winner.discordId() != null ? "<@" + Long.toUnsignedString(winner.discordId()) + ">" : name(winner.name());
    StringBuilder line = new StringBuilder().append(winner.place()).append(". ").append(who)
        .append(" — ").append(winner.xp()).append(ru ? " опыта" : " XP");
    List<String> reward = new ArrayList<>();
    if (winner.coins() > 0) {
      reward.add("+" + winner.coins() + (ru ? " монет" : " coins"));
    }
    if (winner.achievement() != null) {
      String achievement = name(winner.achievement().name() != null
          ? winner.achievement().name() : winner.achievement().code());
      reward.add(ru ? "«" + achievement + "»" : "\"" + achievement + "\"");
    }
    if (!reward.isEmpty()) {
      line.append(" — ").append(String.join(", ", reward));
    }
    return line.toString();
  }

  private static String name(String value) {
    if (value == null || value.isBlank()) {
      return "?";
    }
    String cut = value.length() <= MAX_NAME_CHARS ? value : value.substring(0, MAX_NAME_CHARS - 1) + "…";
    return MarkdownSanitizer.escape(cut.replace('\n', ' '));
  }
}
