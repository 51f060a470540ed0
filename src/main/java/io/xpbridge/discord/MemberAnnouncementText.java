package io.xpbridge.discord;

import io.xpbridge.bus.Platforms;
import net.dv8tion.jda.api.utils.MarkdownSanitizer;

/**
 * The words of a member's rank-up or achievement post in the announce channel, in
 * {@code discord.announceLocale} (Russian unless it is {@code en}); every sentence of it is here.
 * The member is mentioned ({@code <@id>}); names come from the config and are escaped all the same,
 * so a name with Markdown cannot restyle the post.
 */
final class MemberAnnouncementText {
  static final int MAX_NAME_CHARS = 100;

  private MemberAnnouncementText() {}

  static String render(String locale, long discordId, Platforms.MemberNews news) {
    boolean en = "en".equals(locale);
    String member = "<@" + Long.toUnsignedString(discordId) + ">";
    String name = name(en ? news.nameEn() : news.nameRu(), news);
    if (news.rank() != null) {
      return en
          ? "🎖️ " + member + " reached rank " + news.rank() + ": \"" + name + "\"!"
          : "🎖️ " + member + " — новый ранг " + news.rank() + ": «" + name + "»!";
    }
    return en
        ? "🏅 " + member + " unlocked the achievement \"" + name + "\"!"
        : "🏅 " + member + " — новое достижение: «" + name + "»!";
  }

  private static String name(String value, Platforms.MemberNews news) {
    String text = value == null || value.isBlank()
        ? (news.achievementCode() != null ? news.achievementCode() : "?") : value;
    String cut = text.length() <= MAX_NAME_CHARS ? text : text.substring(0, MAX_NAME_CHARS - 1) + "…";
    return MarkdownSanitizer.escape(cut.replace('\n', ' '));
  }
}
