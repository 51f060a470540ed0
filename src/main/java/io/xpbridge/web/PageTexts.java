package io.xpbridge.web;

import java.util.Map;

/**
 * Every sentence of the pages, in Russian and English. Texts are trusted HTML-free strings;
 * {@link #html} escapes the values put into them, so a caller cannot forget to.
 */
public final class PageTexts {
  private static final Map<String, String> RU = Map.ofEntries(
      Map.entry("html.lang", "ru"),
      Map.entry("leaderboard", "Таблица лидеров"),
      Map.entry("season.current", "Этот сезон"),
      Map.entry("season.all", "За всё время"),
      Map.entry("season.switch", "Период"),
      Map.entry("players.total", "Игроков: %s"),
      Map.entry("players.none", "Здесь пока никого нет."),
      Map.entry("page.of", "Страница %s из %s"),
      Map.entry("page.previous", "← Назад"),
      Map.entry("page.next", "Вперёд →"),
      Map.entry("pages", "Страницы"),
      Map.entry("column.place", "Место"),
      Map.entry("column.player", "Игрок"),
      Map.entry("column.rank", "Ранг"),
      Map.entry("column.xp", "XP"),
      Map.entry("xp", "%s XP"),
      Map.entry("rank.progress", "Прогресс до следующего ранга"),
      Map.entry("rank.next", "Ещё %s XP до ранга «%s»"),
      Map.entry("rank.top", "Высший ранг достигнут"),
      Map.entry("avatar.alt", "Аватар: %s"),
      Map.entry("card.alt", "Карточка ранга: %s"),
      Map.entry("player.xp", "Опыт"),
      Map.entry("player.achievements", "Достижения"),
      Map.entry("player.achievements.none", "Пока нет достижений."),
      Map.entry("player.seasonPlace", "Место в сезоне «%s»"),
      Map.entry("player.seasonNone", "В этом сезоне пока без места"),
      Map.entry("player.noSeason", "Сезон не идёт"),
      Map.entry("player.lifetimePlace", "Место за всё время"),
      Map.entry("player.place", "%s-е"),
      Map.entry("back", "← К таблице лидеров"),
      Map.entry("language.other", "English"),
      Map.entry("error.400", "Неверный запрос"),
      Map.entry("error.404", "Не найдено"),
      Map.entry("error.503", "Временно недоступно"),
      Map.entry("error.badPage", "Параметр page — номер страницы от 1, а пришло «%s»."),
      Map.entry("error.badSeason", "Параметр season — current, all или номер сезона, а пришло «%s»."),
      Map.entry("error.twice", "Параметр %s указан несколько раз; укажите его один раз."),
      Map.entry("error.noPage", "Страницы %s нет: всего страниц %s."),
      Map.entry("error.noPlayer", "Такого игрока нет или он скрыл себя."),
      Map.entry("error.noSeason", "Такого сезона нет."),
      Map.entry("error.noRoute", "Такой страницы нет."),
      Map.entry("error.unavailable", "Таблица сейчас не отвечает. Попробуйте через минуту."));

  private static final Map<String, String> EN = Map.ofEntries(
      Map.entry("html.lang", "en"),
      Map.entry("leaderboard", "Leaderboard"),
      Map.entry("season.current", "This season"),
      Map.entry("season.all", "All time"),
      Map.entry("season.switch", "Period"),
      Map.entry("players.total", "%s players"),
      Map.entry("players.none", "Nobody here yet."),
      Map.entry("page.of", "Page %s of %s"),
      Map.entry("page.previous", "← Previous"),
      Map.entry("page.next", "Next →"),
      Map.entry("pages", "Pages"),
      Map.entry("column.place", "Place"),
      Map.entry("column.player", "Player"),
      Map.entry("column.rank", "Rank"),
      Map.entry("column.xp", "XP"),
      Map.entry("xp", "%s XP"),
      Map.entry("rank.progress", "Progress to the next rank"),
      Map.entry("rank.next", "%s XP more to rank “%s”"),
      Map.entry("rank.top", "Top rank reached"),
      Map.entry("avatar.alt", "Avatar of %s"),
      Map.entry("card.alt", "Rank card of %s"),
      Map.entry("player.xp", "Experience"),
      Map.entry("player.achievements", "Achievements"),
      Map.entry("player.achievements.none", "No achievements yet."),
      Map.entry("player.seasonPlace", "Place in season “%s”"),
      Map.entry("player.seasonNone", "No place in this season yet"),
      Map.entry("player.noSeason", "No season is running"),
      Map.entry("player.lifetimePlace", "Place of all time"),
      Map.entry("player.place", "#%s"),
      Map.entry("back", "← Back to the leaderboard"),
      Map.entry("language.other", "Русский"),
      Map.entry("error.400", "Bad request"),
      Map.entry("error.404", "Not found"),
      Map.entry("error.503", "Temporarily unavailable"),
      Map.entry("error.badPage", "'page' must be a page number from 1, got “%s”."),
      Map.entry("error.badSeason", "'season' must be current, all or a season number, got “%s”."),
      Map.entry("error.twice", "'%s' is given more than once; give it once."),
      Map.entry("error.noPage", "There is no page %s: there are %s pages."),
      Map.entry("error.noPlayer", "No such player, or they chose to be hidden."),
      Map.entry("error.noSeason", "No such season."),
      Map.entry("error.noRoute", "No such page."),
      Map.entry("error.unavailable", "The leaderboard is not answering right now. Try again in a minute."));

  private static final PageTexts RUSSIAN = new PageTexts(PageLanguage.RUSSIAN, RU);
  private static final PageTexts ENGLISH = new PageTexts(PageLanguage.ENGLISH, EN);

  private final String language;
  private final Map<String, String> texts;

  private PageTexts(String language, Map<String, String> texts) {
    this.language = language;
    this.texts = texts;
  }

  public static PageTexts of(String language) {
    return PageLanguage.ENGLISH.equals(language) ? ENGLISH : RUSSIAN;
  }

  /** Both languages, for the test that every key exists in each. */
  static Map<String, Map<String, String>> all() {
    return Map.of(PageLanguage.RUSSIAN, RU, PageLanguage.ENGLISH, EN);
  }

  public String language() {
    return language;
  }

  /** The text as HTML (our texts hold no markup, but are escaped all the same: one rule, no exceptions). */
  public String html(String key, Object... values) {
    String text = texts.get(key);
    if (text == null) {
      throw new IllegalArgumentException("no page text '" + key + "' in " + language);
    }
    if (values.length == 0) {
      return Html.escape(text);
    }
    Object[] escaped = new Object[values.length];
    for (int i = 0; i < values.length; i++) {
      escaped[i] = Html.escape(String.valueOf(values[i]));
    }
    return Html.escape(text).replace("%s", "\u0000").transform(t -> fill(t, escaped));
  }

  private static String fill(String template, Object[] values) {
    StringBuilder out = new StringBuilder();
    int next = 0;
    for (int i = 0; i < template.length(); i++) {
      char c = template.charAt(i);
      if (c == '\u0000' && next < values.length) {
        out.append(values[next++]);
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
