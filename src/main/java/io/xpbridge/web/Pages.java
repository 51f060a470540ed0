package io.xpbridge.web;

import java.util.function.Supplier;
import io.xpbridge.bus.Players;
import io.xpbridge.bus.Seasons;
import io.xpbridge.bus.Web;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.util.Locale;

/**
 * Every public page's HTML, from this one place: the leaderboard, a player's page and the error
 * page, in one layout. Plain Java rather than a template engine: three small pages, one escaping
 * function ({@link Html#escape}) that every value from the bus passes through, and no template files
 * to keep in step with the records. A page of 50 rows is ~85 µs of string building (measured on the
 * 2-core machine after warm-up), less than a JSON encode of the same data, so it runs on the event loop
 * like any handler; nothing here reads a file or waits.
 *
 * <p>Stable hooks for browser tests: {@code #leaderboard} (the list), {@code .player-row} (one place),
 * {@code .place}, {@code .name} (a link to the player's page), {@code .rank}, {@code .xp},
 * {@code a.season-switch} (with {@code data-season} = current | all | id, {@code .active} on the shown
 * one), {@code a.page-link} ({@code rel} prev / next), {@code #page-status}, {@code #player} (the
 * player page's main block), {@code #achievements}, {@code #season-place}, {@code #lifetime-place},
 * {@code img.rank-card}, {@code #error} (with {@code data-status}).
 */
public final class Pages {
  static final String STYLESHEET = "/static/site.css";
  private final Supplier<String> title;

  public Pages(String title) {
    this(() -> title);
  }

  /** {@code title} is read at each page, so a live change of {@code web.title} shows at once. */
  public Pages(Supplier<String> title) {
    this.title = title;
  }

  private String title() {
    String now = title.get();
    return now == null || now.isBlank() ? "xpbridge" : now;
  }

  /** How the page was asked for, so links keep the season and an explicit language. */
  public record View(String season, String explicitLanguage, PageTexts texts) {}

  public String leaderboard(Web.Standings standings, View view) {
    PageTexts t = view.texts();
    StringBuilder body = new StringBuilder(16 * 1024);
    String heading = standings.seasonName() != null ? standings.seasonName() : plain(t, "season.all");
    body.append("<main class=\"page\">\n<h1>").append(t.html("leaderboard")).append(" <span class=\"scope\">")
        .append(Html.escape(heading)).append("</span></h1>\n");
    seasonSwitch(body, standings, view);
    body.append("<p class=\"total\">").append(t.html("players.total", number(standings.total(), t)))
        .append("</p>\n");
    if (standings.players().isEmpty()) {
      body.append("<p class=\"empty\">").append(t.html("players.none")).append("</p>\n");
    }
    body.append("<ol id=\"leaderboard\" class=\"leaderboard\">\n");
    for (Web.Entry entry : standings.players()) {
      row(body, entry, t);
    }
    body.append("</ol>\n");
    pagination(body, standings, view);
    body.append("</main>\n");
    return layout(t, heading + " · " + plain(t, "leaderboard"), body, languageLink("/leaderboard", view,
        standings.page()));
  }

  private void seasonSwitch(StringBuilder body, Web.Standings standings, View view) {
    PageTexts t = view.texts();
    body.append("<nav class=\"seasons\" aria-label=\"").append(t.html("season.switch")).append("\">\n");
    boolean all = "all".equals(standings.scope());
    Integer runningId = null;
    for (Web.SeasonChoice choice : standings.seasons()) {
      if (Seasons.RUNNING.equals(choice.state())) {
        runningId = choice.id();
      }
    }
    boolean current = !all && (standings.seasonId() == null || standings.seasonId().equals(runningId));
    seasonLink(body, "current", t.html("season.current"), current, view);
    seasonLink(body, "all", t.html("season.all"), all, view);
    for (Web.SeasonChoice choice : standings.seasons()) {
      if (!Seasons.RUNNING.equals(choice.state())) {
        seasonLink(body, Integer.toString(choice.id()), Html.escape(choice.name()),
            !all && Integer.valueOf(choice.id()).equals(standings.seasonId()), view);
      }
    }
    body.append("</nav>\n");
  }

  private void seasonLink(StringBuilder body, String season, String label, boolean active, View view) {
    body.append("<a class=\"season-switch").append(active ? " active\" aria-current=\"page\"" : "\"")
        .append(" data-season=\"").append(Html.escape(season)).append("\" href=\"")
        .append(Html.escape(leaderboardUrl(season, 1, view.explicitLanguage()))).append("\">")
        .append(label).append("</a>\n");
  }

  private void row(StringBuilder body, Web.Entry entry, PageTexts t) {
    Web.RankProgress rank = entry.rank();
    // Medal colours follow the place, not the row: page 2 starts at 51.
    body.append(entry.place() <= 3 ? "<li class=\"player-row podium\">" : "<li class=\"player-row\">")
        .append("<span class=\"place\">").append(entry.place()).append("</span>");
    avatar(body, entry.publicId(), entry.name(), entry.avatarUrl(), t, 40);
    body.append("<span class=\"who\"><a class=\"name\" href=\"").append(Html.escape(playerUrl(entry.publicId())))
        .append("\">").append(Html.escape(displayName(entry.name()))).append("</a>")
        .append("<span class=\"rank\">").append(Html.escape(rank.name())).append(" · ")
        .append(rank.number()).append('/').append(rank.count()).append("</span></span>")
        .append("<span class=\"xp\">").append(t.html("xp", number(entry.xp(), t))).append("</span>");
    progress(body, rank, t);
    body.append("</li>\n");
  }

  private void pagination(StringBuilder body, Web.Standings standings, View view) {
    PageTexts t = view.texts();
    long pages = Math.max(1, standings.pages());
    body.append("<nav class=\"pages\" aria-label=\"").append(t.html("pages")).append("\">");
    if (standings.page() > 1) {
      pageLink(body, "prev", t.html("page.previous"), standings.page() - 1, view);
    }
    body.append("<span id=\"page-status\">").append(t.html("page.of", standings.page(), pages)).append("</span>");
    if (standings.page() < pages) {
      pageLink(body, "next", t.html("page.next"), standings.page() + 1, view);
    }
    body.append("</nav>\n");
  }

  private void pageLink(StringBuilder body, String rel, String label, long page, View view) {
    body.append("<a class=\"page-link\" rel=\"").append(rel).append("\" href=\"")
        .append(Html.escape(leaderboardUrl(view.season(), page, view.explicitLanguage()))).append("\">")
        .append(label).append("</a>");
  }

  public String player(Web.Player player, View view) {
    PageTexts t = view.texts();
    Web.RankProgress rank = player.rank();
    StringBuilder body = new StringBuilder(8 * 1024);
    body.append("<main id=\"player\" class=\"player\">\n<header class=\"player-head\">");
    avatar(body, player.publicId(), player.name(), player.avatarUrl(), t, 96);
    body.append("<div><h1 class=\"name\">").append(Html.escape(displayName(player.name()))).append("</h1>")
        .append("<p class=\"rank\">").append(Html.escape(rank.name())).append(" · ").append(rank.number())
        .append('/').append(rank.count()).append("</p></div></header>\n");
    body.append("<section class=\"progress-block\"><p><span class=\"label\">").append(t.html("player.xp"))
        .append("</span> <span class=\"xp\">").append(t.html("xp", number(rank.lifetimeXp(), t)))
        .append("</span></p>");
    progress(body, rank, t);
    body.append("<p class=\"to-next\">");
    if (rank.nextMinXp() == null) {
      body.append(t.html("rank.top"));
    } else {
      body.append(t.html("rank.next", number(Math.max(0, rank.nextMinXp() - rank.lifetimeXp()), t),
          rank.nextName()));
    }
    body.append("</p></section>\n<dl class=\"places\">");
    if (player.seasonName() == null) {
      body.append("<dt>").append(t.html("player.noSeason")).append("</dt><dd id=\"season-place\">—</dd>");
    } else {
      body.append("<dt>").append(t.html("player.seasonPlace", player.seasonName())).append("</dt><dd id=\"season-place\">")
          .append(player.seasonPlace() == null ? t.html("player.seasonNone")
              : t.html("player.place", number(player.seasonPlace(), t)) + " · "
                  + t.html("xp", number(player.seasonXp(), t)))
          .append("</dd>");
    }
    body.append("<dt>").append(t.html("player.lifetimePlace")).append("</dt><dd id=\"lifetime-place\">")
        .append(player.lifetimePlace() == null ? "—" : t.html("player.place", number(player.lifetimePlace(), t)))
        .append("</dd></dl>\n");
    body.append("<h2>").append(t.html("player.achievements")).append("</h2>\n");
    if (player.achievements() == null || player.achievements().isEmpty()) {
      body.append("<p id=\"achievements\" class=\"empty\">").append(t.html("player.achievements.none")).append("</p>\n");
    } else {
      body.append("<ul id=\"achievements\" class=\"achievements\">");
      for (Players.AchievementView achievement : player.achievements()) {
        body.append("<li>").append(Html.escape(achievement.name())).append("</li>");
      }
      body.append("</ul>\n");
    }
    body.append("<p><img class=\"rank-card\" src=\"").append(Html.escape(cardUrl(player.publicId())))
        .append("\" width=\"934\" height=\"282\" alt=\"").append(t.html("card.alt", displayName(player.name())))
        .append("\"></p>\n<p><a class=\"back\" href=\"")
        .append(Html.escape(leaderboardUrl("current", 1, view.explicitLanguage()))).append("\">")
        .append(t.html("back")).append("</a></p>\n</main>\n");
    return layout(t, displayName(player.name()), body,
        languageLink(playerUrl(player.publicId()), view, 0));
  }

  public String error(int status, String detailHtml, View view) {
    PageTexts t = view.texts();
    String heading = t.html("error." + status);
    StringBuilder body = new StringBuilder(1024);
    body.append("<main id=\"error\" data-status=\"").append(status).append("\"><h1>").append(heading)
        .append("</h1>\n<p class=\"detail\">").append(detailHtml).append("</p>\n<p><a class=\"back\" href=\"")
        .append(Html.escape(leaderboardUrl("current", 1, view.explicitLanguage()))).append("\">")
        .append(t.html("back")).append("</a></p></main>\n");
    return layout(t, plain(t, "error." + status), body, "");
  }

  private static void avatar(StringBuilder body, String publicId, String name, String avatarUrl, PageTexts t,
      int size) {
    String alt = t.html("avatar.alt", displayName(name));
    if (Avatar.usable(avatarUrl)) {
      body.append("<img class=\"avatar\" src=\"").append(Html.escape(Avatar.path(publicId))).append("\" width=\"")
          .append(size)
          .append("\" height=\"").append(size).append("\" alt=\"").append(alt)
          .append("\" loading=\"lazy\" referrerpolicy=\"no-referrer\">");
    } else {
      body.append("<span class=\"avatar initials ").append(Avatar.colourClass(publicId)).append(" size-").append(size)
          .append("\" role=\"img\" aria-label=\"").append(alt).append("\">")
          .append(Html.escape(Avatar.initials(name))).append("</span>");
    }
  }

  private static void progress(StringBuilder body, Web.RankProgress rank, PageTexts t) {
    double progress = rank.progress();
    body.append("<progress class=\"to-next-rank\" max=\"1000\" value=\"").append(Math.round(progress * 1000))
        .append("\" aria-label=\"").append(t.html("rank.progress")).append("\">")
        .append(Math.round(progress * 100)).append("%</progress>");
  }

  private String layout(PageTexts t, String pageTitle, StringBuilder body, String languageLink) {
    return "<!DOCTYPE html>\n<html lang=\"" + t.html("html.lang") + "\">\n<head>\n<meta charset=\"utf-8\">\n"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        + "<title>" + Html.escape(pageTitle) + " — " + Html.escape(title()) + "</title>\n"
        + "<link rel=\"stylesheet\" href=\"" + STYLESHEET + "\">\n</head>\n<body>\n"
        + "<header class=\"site\"><a class=\"site-title\" href=\"/\">" + Html.escape(title()) + "</a>"
        + languageLink + "</header>\n" + body + "</body>\n</html>\n";
  }

  private static String languageLink(String path, View view, long page) {
    String other = PageLanguage.ENGLISH.equals(view.texts().language()) ? PageLanguage.RUSSIAN : PageLanguage.ENGLISH;
    String url = page > 0 ? leaderboardUrl(view.season(), page, other) : path + "?lang=" + other;
    return "<a class=\"language\" hreflang=\"" + other + "\" href=\"" + Html.escape(url) + "\">"
        + view.texts().html("language.other") + "</a>";
  }

  /** Unescaped text, for places that escape the whole (the title). */
  private static String plain(PageTexts t, String key) {
    return PageTexts.all().get(t.language()).get(key);
  }

  private static String displayName(String name) {
    return name == null || name.isBlank() ? "—" : name;
  }

  // NumberFormat is not thread-safe and costs more to make than a whole row: one per event-loop thread.
  private static final ThreadLocal<NumberFormat> RUSSIAN_NUMBERS =
      ThreadLocal.withInitial(() -> NumberFormat.getIntegerInstance(Locale.forLanguageTag("ru")));
  private static final ThreadLocal<NumberFormat> ENGLISH_NUMBERS =
      ThreadLocal.withInitial(() -> NumberFormat.getIntegerInstance(Locale.ENGLISH));

  private static String number(long value, PageTexts t) {
    return (PageLanguage.ENGLISH.equals(t.language()) ? ENGLISH_NUMBERS : RUSSIAN_NUMBERS).get().format(value);
  }

  static String leaderboardUrl(String season, long page, String language) {
    StringBuilder url = new StringBuilder("/leaderboard?season=").append(encode(season == null ? "current" : season));
    if (page > 1) {
      url.append("&page=").append(page);
    }
    if (language != null) {
      url.append("&lang=").append(language);
    }
    return url.toString();
  }

  static String playerUrl(String publicId) {
    return "/players/" + encode(publicId);
  }

  static String cardUrl(String publicId) {
    return "/cards/" + encode(publicId) + ".png";
  }

  private static String encode(String value) {
    return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
  }
}
