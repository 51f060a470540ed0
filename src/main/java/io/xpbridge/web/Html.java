package io.xpbridge.web;

/**
 * The one escaping function of the pages. Every string that did not come from {@link PageTexts}
 * (names, season names, achievement names, ids, error details) goes through it, in text and in
 * attribute values alike: escaping quotes too makes one function safe for both.
 */
public final class Html {
  private Html() {}

  public static String escape(String text) {
    if (text == null) {
      return "";
    }
    if (!needsEscaping(text)) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  private static boolean needsEscaping(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '<' || c == '>' || c == '&' || c == '"' || c == '\'') {
        return true;
      }
    }
    return false;
  }
}
