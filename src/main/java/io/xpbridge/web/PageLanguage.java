package io.xpbridge.web;

import java.util.Locale;

/**
 * Which language a page is in: {@code ?lang=ru|en} when given, else the first supported language of
 * {@code Accept-Language} by q-value, else Russian — the community these bots serve speaks Russian,
 * and a browser that sends no header (or only languages we lack) is more likely one of theirs.
 * An unsupported {@code ?lang} is ignored rather than refused: a shared link should still open.
 */
public final class PageLanguage {
  public static final String RUSSIAN = "ru";
  public static final String ENGLISH = "en";
  public static final String DEFAULT = RUSSIAN;

  private PageLanguage() {}

  /** Null when {@code value} names no supported language ("en-GB" is English). */
  public static String supported(String value) {
    if (value == null) {
      return null;
    }
    String primary = value.trim().toLowerCase(Locale.ROOT);
    int dash = primary.indexOf('-');
    primary = dash < 0 ? primary : primary.substring(0, dash);
    return RUSSIAN.equals(primary) || ENGLISH.equals(primary) ? primary : null;
  }

  public static String choose(String queryLang, String acceptLanguage) {
    String asked = supported(queryLang);
    return asked != null ? asked : fromHeader(acceptLanguage, DEFAULT);
  }

  /**
   * The supported language {@code Accept-Language} weighs highest, else {@code fallback}. The one
   * reading of the header for every public route: the pages (fallback Russian), the public JSON and the
   * rank cards (fallback English).
   */
  public static String fromHeader(String acceptLanguage, String fallback) {
    String best = null;
    double bestWeight = 0;
    if (acceptLanguage != null) {
      for (String part : acceptLanguage.split(",")) {
        String[] pieces = part.split(";");
        String language = supported(pieces[0]);
        double weight = weight(pieces);
        // Strictly greater: among equal weights the header's first wins, as RFC 9110 leaves it to order.
        if (language != null && weight > bestWeight) {
          best = language;
          bestWeight = weight;
        }
      }
    }
    return best != null ? best : fallback;
  }

  private static double weight(String[] pieces) {
    for (int i = 1; i < pieces.length; i++) {
      String parameter = pieces[i].trim();
      if (parameter.startsWith("q=")) {
        try {
          double q = Double.parseDouble(parameter.substring(2).trim());
          return q >= 0 && q <= 1 ? q : 0;
        } catch (NumberFormatException e) {
          return 0;
        }
      }
    }
    return 1;
  }
}
